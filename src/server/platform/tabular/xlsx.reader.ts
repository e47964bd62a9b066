import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { assertHeaderRow, isEmptyRow, uniqueHeaders } from './headers';
import type { CellValue, ReadOptions, TabularData, TabularRow } from './tabular.types';

/** True when the bytes start like a ZIP archive (an .xlsx file is one). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for the old binary Excel format (.xls, OLE2 compound file), which we do not read. */
export function looksLikeXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Flattens an exceljs cell value: rich text and hyperlinks to their text, formulas to their result, errors to null. */
export function normaliseCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    }
    if ('result' in o) return normaliseCell(o.result);
    if ('text' in o) return normaliseCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** The Excel error of a cell (`#DIV/0!`, `#N/A`, `#VALUE!` …, also as a formula's result), else null. */
export function cellError(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return o.error;
  if ('result' in o) return cellError(o.result);
  return null;
}

interface SheetRows {
  headerCells: CellValue[];
  headerRow: number;
  rows: TabularRow[];
}

/** The header and data rows of one sheet; null when the sheet has no non-empty row. */
function readSheet(sheet: ExcelJS.Worksheet, opts: ReadOptions): SheetRows | null {
  let headerCells: CellValue[] | null = null;
  let headerRow = 0;
  const rows: TabularRow[] = [];
  const last = sheet.rowCount;
  for (let n = 1; n <= last; n++) {
    const values = (sheet.findRow(n)?.values ?? []) as unknown[];
    const cells: CellValue[] = [];
    let errors: Record<number, string> | undefined;
    for (let i = 1; i < values.length; i++) {
      cells.push(normaliseCell(values[i]));
      const error = cellError(values[i]);
      if (error !== null) {
        errors ??= {};
        errors[i - 1] = error;
      }
    }
    if (!errors && isEmptyRow(cells)) continue;
    if (!headerCells) {
      headerCells = cells;
      headerRow = n;
      continue;
    }
    rows.push(errors ? { row: n, cells, errors } : { row: n, cells });
    if (rows.length === opts.previewRows) break;
    if (opts.maxRows !== undefined && rows.length > opts.maxRows) {
      throw new AppError('file_too_many_rows', [], { maxRows: opts.maxRows });
    }
  }
  return headerCells ? { headerCells, headerRow, rows } : null;
}

/**
 * Reads the first non-empty worksheet (in tab order; its name in `sheet`) of an .xlsx file with
 * exceljs. Date-formatted cells arrive as `Date` at UTC midnight; the first non-empty row is the
 * header; empty rows are skipped; `row` is the sheet's own row number. Cells keep their type
 * (number, string, boolean, Date); see `normaliseCell`. Excel error cells (`#DIV/0!` …) read as
 * null and are listed in the row's `errors` (column index → error text).
 *
 * Not exceljs's streaming reader: in exceljs 4.4.0 it decodes every chunk of the compressed XML on
 * its own and so breaks multi-byte UTF-8 characters that straddle two chunks ("Bühnenmaler" read as
 * "B\uFFFD\uFFFDhnenmaler" in a 50,000-row file). The whole-workbook loader decodes each part at once;
 * its memory stays bounded by `IMPORT_MAX_BYTES` and the row limit.
 * @throws AppError (400) `file_unreadable` (not an xlsx workbook, e.g. a ZIP of other files),
 *   `file_empty`, `file_no_header`, `file_too_many_rows` (extra `maxRows`). A preview
 *   (`opts.previewRows`) stops after that many rows.
 */
export async function readXlsx(bytes: Uint8Array, opts: ReadOptions = {}): Promise<TabularData> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('file_unreadable');
  }
  // A ZIP without a workbook part loads as a workbook without sheets.
  if (wb.worksheets.length === 0) throw new AppError('file_unreadable');
  let read: SheetRows | null = null;
  let sheetName: string | null = null;
  for (const sheet of wb.worksheets) {
    read = readSheet(sheet, opts);
    if (read) {
      sheetName = sheet.name;
      break;
    }
  }
  if (!read) throw new AppError('file_empty');
  assertHeaderRow(read.headerCells);
  if (read.rows.length === 0 && opts.previewRows === undefined) throw new AppError('file_empty');
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers: uniqueHeaders(read.headerCells),
    headerRow: read.headerRow,
    rows: read.rows,
    sheet: sheetName,
  };
}
