import anyAscii from 'any-ascii';

/**
 * Text folding for company names: duplicate keys (`company.name_key`) and the search text
 * (`company.search_text`). Pure, no I/O.
 */

/** German letters written out the way Germans type them without umlauts ("Müller" = "Mueller"). */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' };

/**
 * Lower case ASCII: German umlauts as ae/oe/ue and ß as ss, every other letter through any-ascii
 * (é → e, ş → s, ı → i, Arabic or Cyrillic script → Latin), single spaces, trimmed.
 * "Yıldız Döner" → "yildiz doener".
 */
export function foldCompanyText(s: string): string {
  // Fast path (imports fold tens of thousands of names): plain ASCII needs no transliteration.
  if (ASCII.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  const german = s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (c) => GERMAN[c] ?? c);
  return anyAscii(german).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Printable ASCII and whitespace only. */
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Legal forms written with several words or dots, removed before the name is cut into words:
 * "GmbH & Co. KG", "UG (haftungsbeschränkt)", "e. K.", "e.Kfm.", "e.V.", "Gesellschaft mit
 * beschränkter Haftung", "Partnerschaft mbB", "eingetragener Kaufmann". Applied to folded text.
 */
const LEGAL_PHRASES: readonly RegExp[] = [
  /\bgesellschaft mit beschr\w* haftung\b/g,
  /\b(?:eingetragene[rn]?|eingetr\.?) (?:kaufmann|kauffrau|kfm\.?|kfr\.?|verein)\b/g,
  /\bug\s*\(?\s*haftungsbeschr\w*\s*\.?\)?/g,
  /\bpartg\s*mbb\b/g,
  /(?:&|\bund)\s*co\b\.?(?:\s*(?:kgaa|kg|ohg)\b)?/g,
  /\be\s*\.\s*(?:kfm|kfr|k|v)\b\.?/g,
];

/** Legal-form words dropped from a name key (BGB/HGB/GmbHG/AktG forms and common foreign ones). */
const LEGAL_WORDS = new Set([
  'gmbh',
  'ggmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'gbr',
  'ug',
  'se',
  'ek',
  'ekfm',
  'ekfr',
  'ev',
  'partg',
  'partgmbb',
  'ltd',
  'limited',
  'inc',
]);

/** Words in front of a name that say nothing about it ("Firma Müller", "Fa. Müller"). */
const LEADING_FILLERS = new Set(['firma', 'fa']);

/**
 * Normalised company name for the duplicate check (same key + same postcode in one office = likely
 * the same company): folded (`foldCompanyText`), legal forms removed (GmbH, gGmbH, UG
 * (haftungsbeschränkt), e. K., KG, OHG, GbR, AG, SE, e. V., & Co. …, only after the first word), a
 * leading "Firma"/"Fa." dropped, "&" read as "und", all punctuation and spaces removed.
 * "Müller GmbH" = "Mueller Gmbh" = "müller" → "mueller"; "Müller Bau" → "muellerbau".
 * A name that consists of legal-form words only keeps them.
 */
export function companyNameKey(name: string): string {
  let folded = foldCompanyText(name);
  for (const re of LEGAL_PHRASES) folded = folded.replace(re, ' ');
  const words = folded
    .replace(/&/g, ' und ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept = words.filter((w, i) => i === 0 || !LEGAL_WORDS.has(w));
  if (kept.length > 1 && LEADING_FILLERS.has(kept[0] as string)) kept.shift();
  const key = kept.join('');
  return key || foldCompanyText(name).replace(/[^a-z0-9]+/g, '');
}

/** What `search_text` is built from: the company's name, place and postcode, its contact persons' names. */
export interface CompanySearchSource {
  name: string;
  place?: string | null;
  postcode?: string | null;
  contactNames?: readonly string[];
  /** `companyNameKey(name)` when the caller has it already (bulk inserts). */
  nameKey?: string;
}

/**
 * The text the company search runs over (`company.search_text`): name, place, postcode and contact
 * person names, folded (`foldCompanyText`), plus the name key so "Müller-Bau" also finds "Müllerbau".
 */
export function buildCompanySearchText(s: CompanySearchSource): string {
  return [
    foldCompanyText(s.name),
    s.nameKey ?? companyNameKey(s.name),
    s.place ? foldCompanyText(s.place) : '',
    s.postcode?.trim() ?? '',
    ...(s.contactNames ?? []).map(foldCompanyText),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The words of a search query, folded like `search_text` (at most 8, each at most 60 characters). */
export function searchWords(q: string): string[] {
  return foldCompanyText(q)
    .split(/[^a-z0-9@.-]+/)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.slice(0, 60));
}
