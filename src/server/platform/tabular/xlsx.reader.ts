import { Readable } from 'node:stream';
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

/**
 * Reads the first worksheet of an .xlsx file with exceljs's streaming reader (rows are read one at
 * a time; shared strings and styles cached, so date-formatted cells arrive as `Date` at UTC
 * midnight). The first non-empty row is the header; empty rows are skipped; `row` is the sheet's
 * own row number. Cells keep their type (number, string, boolean, Date); see `normaliseCell`.
 * @throws AppError (400) `file_unreadable` (not an xlsx workbook), `file_empty`, `file_no_header`,
 *   `file_too_many_rows` (extra `maxRows`)
 */
export async function readXlsx(bytes: Uint8Array, opts: ReadOptions = {}): Promise<TabularData> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headerCells: CellValue[] | null = null;
  let headerRow = 0;
  const rows: TabularRow[] = [];
  const tooMany = new AppError('file_too_many_rows', [], { maxRows: opts.maxRows });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(normaliseCell(values[i]));
        if (isEmptyRow(cells)) continue;
        if (!headerCells) {
          headerCells = cells;
          headerRow = row.number;
          continue;
        }
        rows.push({ row: row.number, cells });
        if (rows.length === opts.previewRows) break;
        if (opts.maxRows !== undefined && rows.length > opts.maxRows) throw tooMany;
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('file_unreadable');
  }
  if (!headerCells) throw new AppError('file_empty');
  assertHeaderRow(headerCells);
  if (rows.length === 0 && opts.previewRows === undefined) throw new AppError('file_empty');
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers: uniqueHeaders(headerCells),
    headerRow,
    rows,
  };
}
