/**
 * Interests are free text on the client record ("Autos, Technik und Handwerk; gern mit Holz"). The engine
 * matches keywords against the folded names, aliases and fields of the occupations (a keyword of at least
 * 3 letters names every occupation containing it) or KldB prefixes of 1–4 digits. This file turns the text
 * into such keywords.
 */

/**
 * German and English filler words that would match occupation names by accident ("und" is inside
 * "Gesundheit", "arbeit" inside "Facharbeiter") or say nothing about an occupation.
 */
const STOP_WORDS = new Set([
  'und',
  'oder',
  'mit',
  'ohne',
  'gern',
  'gerne',
  'sehr',
  'auch',
  'aber',
  'viel',
  'viele',
  'etwas',
  'eine',
  'einen',
  'einem',
  'einer',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'für',
  'fur',
  'von',
  'bei',
  'beim',
  'als',
  'wie',
  'was',
  'ich',
  'mich',
  'mir',
  'sich',
  'nicht',
  'kein',
  'keine',
  'mag',
  'mögen',
  'mochte',
  'möchte',
  'will',
  'würde',
  'arbeit',
  'arbeiten',
  'beruf',
  'berufe',
  'ausbildung',
  'interesse',
  'interessen',
  'interessiert',
  'machen',
  'bereich',
  'etc',
  'usw',
  'and',
  'with',
  'the',
  'work',
  'working',
  'like',
  'likes',
  'interested',
]);

/** Lower-cases and folds umlauts/accents the way the engine folds occupation names ("Büro" → "buro"). */
function fold(s: string): string {
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A crude German stem: plural and verb endings off so "Autos" finds "Automobil…", "Tiere" "Tierpfleger",
 * "kochen" "Koch". Only for words of ≥ 6 letters (and -s/-e on ≥ 5), so short words stay whole.
 */
function stem(w: string): string {
  for (const suffix of ['ieren', 'ungen', 'en', 'er', 'es', 'e', 's', 'n']) {
    const min = suffix.length >= 2 ? 6 : 5;
    if (w.length >= min && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * Keywords of an interests text, in order of appearance, without duplicates: words split on anything that is
 * not a letter or digit, folded, stop words left out, stemmed; KldB prefixes (1–4 digits) kept as they are;
 * words shorter than 3 letters dropped (the engine ignores them). At most 20 keywords.
 * @example interestKeywords('Autos, Technik und Handwerk') → ['auto', 'technik', 'handwerk']
 */
export function interestKeywords(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    let w: string;
    if (/^\d+$/.test(raw)) {
      if (raw.length > 4) continue;
      w = raw;
    } else {
      if (raw.length < 3 || STOP_WORDS.has(raw)) continue;
      w = stem(raw);
      if (w.length < 3 || STOP_WORDS.has(w)) continue;
    }
    if (seen.has(w)) continue;
    seen.add(w);
    out.push(w);
    if (out.length === 20) break;
  }
  return out;
}
