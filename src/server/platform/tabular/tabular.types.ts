/**
 * Shapes shared by the CSV and XLSX readers and writers (generic infrastructure: no business rules).
 */

/**
 * One cell as read: CSV cells are strings (empty string for an empty cell); XLSX cells keep their
 * type — numbers, booleans, dates (JS `Date` at UTC midnight for date-only cells) and strings;
 * rich text, hyperlinks and formula results are flattened to their text or result.
 */
export type CellValue = string | number | boolean | Date | null;

/** One data row: `row` is the row number as a person sees it in the sheet (the header is usually row 1). */
export interface TabularRow {
  row: number;
  cells: CellValue[];
  /** XLSX only: Excel error cells of the row (0-based column index → error as stored, e.g. `#DIV/0!`, `#N/A`); their cells read as null. */
  errors?: Record<number, string>;
}

/** Where a table came from: the CSV or XLSX reader, or rows a caller built from a JSON document. */
export type TabularFormat = 'csv' | 'xlsx' | 'json';

/** The delimiters CSV detection tries, in order of preference on a tie. */
export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
/** A CSV delimiter. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * A read table: unique, trimmed `headers` (an empty header cell becomes `Spalte <n>`, a repeated one
 * gets ` (2)`, ` (3)` …), the non-empty data `rows` below the header row, and how the file was read.
 */
export interface TabularData {
  format: TabularFormat;
  /** `utf-8`, `windows-1252`, `utf-16le`, `utf-16be` for CSV; null for XLSX. */
  encoding: string | null;
  /** The CSV delimiter used; null for XLSX. */
  delimiter: CsvDelimiter | null;
  headers: string[];
  /** Row number of the header row (1-based, as shown by a spreadsheet program). */
  headerRow: number;
  rows: TabularRow[];
  /** XLSX only: the name of the worksheet read (the first non-empty one). */
  sheet?: string | null;
}

/** Options of the readers. */
export interface ReadOptions {
  /** CSV only: use this delimiter instead of detecting one. */
  delimiter?: CsvDelimiter | undefined;
  /** Refuse files with more data rows than this (`file_too_many_rows`). */
  maxRows?: number | undefined;
  /** Read only the header and the first this many data rows (a preview; no `file_empty` check). */
  previewRows?: number | undefined;
}
