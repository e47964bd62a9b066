import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The project's `data/` folder (reference files with their licences, see data/SOURCES.md). */
export const DATA_ROOT = resolve(import.meta.dirname, '../../../../../data');

/** Reads data files (paths relative to `data/`) as UTF-8 without BOM, plus one SHA-256 over all of them. */
export function readDataFiles(paths: readonly string[]): { texts: string[]; checksum: string } {
  const hash = createHash('sha256');
  const texts = paths.map((p) => {
    const buf = readFileSync(resolve(DATA_ROOT, p));
    hash.update(p).update(buf);
    return buf.toString('utf8').replace(/^\uFEFF/, '');
  });
  return { texts, checksum: hash.digest('hex') };
}

/** Lower-cases and folds accents/umlauts for prefix search ("Düsseldorf" → "dusseldorf", "ß" → "ss"). */
export function foldForSearch(s: string): string {
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').trim();
}
