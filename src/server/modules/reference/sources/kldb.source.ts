import Papa from 'papaparse';

/** One node of the KldB 2010 classification. */
export interface KldbRecord {
  code: string;
  level: number;
  title: string;
  shortTitle: string;
  parentCode: string | null;
}

/**
 * Parses the KldB 2010 (Fassung 2020) CSV of the Bundesagentur für Arbeit (data/kldb2010, `;`-separated).
 * The file lost leading zeros ("1" for "01", "110" for "0110"): each key is padded to its level's
 * width (1–5 digits); the parent is the key without its last digit.
 */
export function parseKldb(csv: string): KldbRecord[] {
  const parsed = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true });
  const out: KldbRecord[] = [];
  for (const row of parsed.data.slice(1)) {
    const [key = '', levelText = '', title = '', shortTitle = ''] = row;
    const level = Number(levelText);
    if (!/^\d+$/.test(key.trim()) || !(level >= 1 && level <= 5)) continue;
    const code = key.trim().padStart(level, '0');
    out.push({
      code,
      level,
      title: title.trim(),
      shortTitle: (shortTitle || title).trim(),
      parentCode: level > 1 ? code.slice(0, -1) : null,
    });
  }
  return out;
}
