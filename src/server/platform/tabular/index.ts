/**
 * Generic reading and writing of tables (CSV and XLSX) for imports and exports: infrastructure
 * only, no business rules. `readTable` picks the reader from the bytes themselves.
 */
import { AppError } from '../errors';
import { readCsv } from './csv.reader';
import type { ReadOptions, TabularData } from './tabular.types';
import { looksLikeXls, looksLikeXlsx, readXlsx } from './xlsx.reader';

export { detectDelimiter, readCsv } from './csv.reader';
export { germanDate, writeCsv } from './csv.writer';
export { decodeText } from './decode';
export { cellText } from './headers';
export * from './tabular.types';
export { looksLikeXlsx, readXlsx } from './xlsx.reader';
export { writeXlsx, type XlsxSheet } from './xlsx.writer';

/** MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads an uploaded table whatever its declared type: ZIP bytes are read as .xlsx, everything else
 * as CSV (see `readCsv`, `readXlsx` for what each reports).
 * @throws AppError `file_format_unsupported` (400) for the old binary .xls format, and the readers' errors
 */
export async function readTable(bytes: Uint8Array, opts: ReadOptions = {}): Promise<TabularData> {
  if (bytes.length === 0) throw new AppError('file_empty');
  if (looksLikeXls(bytes)) throw new AppError('file_format_unsupported');
  return looksLikeXlsx(bytes) ? readXlsx(bytes, opts) : readCsv(bytes, opts);
}
