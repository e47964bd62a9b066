import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './tabular.types';

/** What `writeXlsx` writes: one worksheet with a header row. */
export interface XlsxSheet {
  /** Worksheet name (at most 31 characters, no `[]:*?/\`). */
  name: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly CellValue[]>;
  /** Column widths in characters (default: from the header, 10–40). */
  widths?: readonly number[];
}

/**
 * Writes an .xlsx workbook with exceljs's streaming writer: a bold, frozen, filterable header row;
 * `Date` cells (UTC calendar days) formatted `dd.mm.yyyy`; numbers, booleans and text as typed
 * (text is never a formula in xlsx, so no injection guard is needed).
 * @returns the file's bytes
 */
export async function writeXlsx(sheet: XlsxSheet): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.headers.map((h, i) => ({
    header: h,
    width: sheet.widths?.[i] ?? Math.min(40, Math.max(10, h.length + 2)),
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, sheet.headers.length) } };
  for (const r of sheet.rows) {
    const row = ws.addRow([...r]);
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
