/**
 * Text folding shared by the modules' searches. Pure, no I/O.
 */

/**
 * Letters (lower case) that PostgreSQL's `unaccent` (its `unaccent.rules`) replaces by other letters
 * instead of only dropping a diacritic, as they occur in names here: Turkish dotless ı, German ß
 * (ẞ lower-cases to ß), Danish/Norwegian æ ø, Icelandic ð þ, French œ, Croatian/Serbian đ, Polish ł,
 * Maltese ħ, Dutch ĳ, Sami ŋ, ŧ, long s ſ, Catalan ŀ. Letters with a separable accent (é, ş, ğ, ç,
 * ñ, ő, ř, å …) lose it through NFD instead.
 */
const UNACCENT_LETTERS: Readonly<Record<string, string>> = {
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ð: 'd',
  þ: 'th',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
  ĳ: 'ij',
  ŋ: 'n',
  ŧ: 't',
  ſ: 's',
  ŀ: 'l',
};

const UNACCENT_PATTERN = new RegExp(`[${Object.keys(UNACCENT_LETTERS).join('')}]`, 'g');

/**
 * Lower case without diacritics, the way SQL `lower(unaccent(text))` folds Latin script: "Aydın",
 * "AYDIN" and "aydin" → "aydin"; "Straße" → "strasse"; "Søren Østergaard" → "soren ostergaard";
 * "Łódź" → "lodz"; "İstanbul" → "istanbul"; umlauts lose their dots ("Müller" → "muller"). Runs of
 * white space become one space; trimmed. Use it for a search term compared (LIKE) against
 * `lower(unaccent(column))`. Other scripts (Arabic, Cyrillic …) are only lower-cased.
 */
export function foldUnaccent(s: string): string {
  return s
    .toLowerCase()
    .replace(UNACCENT_PATTERN, (c) => UNACCENT_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
