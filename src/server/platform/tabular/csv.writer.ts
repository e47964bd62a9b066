import type { CellValue } from './tabular.types';

/** First characters that make a spreadsheet program read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `dd.mm.yyyy` of a date (UTC calendar day), as German spreadsheet programs read it. */
export function germanDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

function field(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return germanDate(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  // A leading apostrophe keeps "=…", "+49 …" or "-…" text from running as a formula in Excel.
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes a CSV file for German spreadsheet programs: UTF-8 with byte-order mark (so Excel reads
 * umlauts), `;` as delimiter, CRLF line ends, fields with `;`, quotes or line breaks quoted, dates as
 * `dd.mm.yyyy`, booleans as `ja`/`nein`, text starting with `= + - @` prefixed with `'` (no formula
 * injection; the importer strips that apostrophe again).
 */
export function writeCsv(headers: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): Buffer {
  const lines = [headers.map(field).join(';')];
  for (const r of rows) lines.push(r.map(field).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
