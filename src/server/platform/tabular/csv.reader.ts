import Papa from 'papaparse';
import { AppError } from '../errors';
import { decodeText } from './decode';
import { assertHeaderRow, isEmptyRow, uniqueHeaders } from './headers';
import {
  CSV_DELIMITERS,
  type CsvDelimiter,
  type ReadOptions,
  type TabularData,
  type TabularRow,
} from './tabular.types';

/** How many records (and at most how many characters) delimiter detection looks at. */
const SAMPLE_RECORDS = 50;
const SAMPLE_CHARS = 64 * 1024;

/** How well `delimiter` splits a sample: columns of the first record and the share of records with as many. */
function splitScore(sample: string, truncated: boolean, delimiter: CsvDelimiter) {
  const parsed = Papa.parse<string[]>(sample, { delimiter, quoteChar: '"', preview: SAMPLE_RECORDS });
  const records = parsed.data.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
  // The sample may end inside a record: its last record says nothing.
  if (truncated && records.length > 1) records.pop();
  const columns = records[0]?.length ?? 0;
  const consistent = records.length ? records.filter((r) => r.length === columns).length / records.length : 0;
  return { delimiter, columns, consistent };
}

/**
 * The delimiter that splits the sample into the most consistent number of columns (≥ 2), more
 * columns winning a tie; `;` (German Excel) before `,`, tab and `|`. A one-column file gets `;`.
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; columns: number } {
  const sample = text.slice(0, SAMPLE_CHARS);
  const scores = CSV_DELIMITERS.map((d) => splitScore(sample, text.length > SAMPLE_CHARS, d));
  const usable = scores.filter((s) => s.columns >= 2);
  usable.sort((a, b) => b.consistent - a.consistent || b.columns - a.columns);
  const best = usable[0];
  return best ? { delimiter: best.delimiter, columns: best.columns } : { delimiter: ';', columns: 1 };
}

/**
 * Reads a CSV file: decodes it (BOM, UTF-8, else Windows-1252 — see `decodeText`), detects the
 * delimiter (`;` `,` tab `|`) unless `opts.delimiter` is given, parses quoted fields (with
 * delimiters, doubled quotes and line breaks inside) with papaparse, takes the first non-empty
 * record as the header and skips empty records without renumbering the others (`row` = record
 * number, header = 1, as a spreadsheet program shows the file).
 * @throws AppError (400) `file_empty` (no bytes, or no data row under the header), `file_no_header`,
 *   `file_wrong_delimiter` (the given delimiter yields one column where another yields more; extra
 *   `suggestedDelimiter`), `file_bad_quotes` (a quote never closed; extra `row`),
 *   `file_too_many_rows` (extra `maxRows`). A preview (`opts.previewRows`) stops after that many rows.
 */
export function readCsv(bytes: Uint8Array, opts: ReadOptions = {}): TabularData {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new AppError('file_empty');
  const detected = detectDelimiter(text);
  const delimiter = opts.delimiter ?? detected.delimiter;
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    // A preview reads a few records more than asked: the header may follow empty lines.
    ...(opts.previewRows !== undefined && { preview: opts.previewRows + SAMPLE_RECORDS }),
  });
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (quoteError) {
    throw new AppError('file_bad_quotes', [], { row: (quoteError.row ?? 0) + 1 });
  }
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isEmptyRow(r));
  if (headerIndex < 0) throw new AppError('file_empty');
  const headerCells = records[headerIndex] as string[];
  if (opts.delimiter && headerCells.length === 1 && detected.columns > 1) {
    throw new AppError('file_wrong_delimiter', [], {
      delimiter: opts.delimiter,
      suggestedDelimiter: detected.delimiter,
      columns: detected.columns,
    });
  }
  assertHeaderRow(headerCells);
  const rows: TabularRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    if (isEmptyRow(cells)) continue;
    rows.push({ row: i + 1, cells });
    if (rows.length === opts.previewRows) break;
  }
  if (rows.length === 0 && opts.previewRows === undefined) throw new AppError('file_empty');
  if (opts.maxRows !== undefined && rows.length > opts.maxRows) {
    throw new AppError('file_too_many_rows', [], { maxRows: opts.maxRows });
  }
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers: uniqueHeaders(headerCells),
    headerRow: headerIndex + 1,
    rows,
  };
}
