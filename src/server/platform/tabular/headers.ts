import { AppError } from '../errors';
import type { CellValue } from './tabular.types';

/** A cell as text: trimmed string, dates as `YYYY-MM-DD`, numbers and booleans as written; null → ''. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** True when every cell of a row is empty (such rows are skipped, keeping the row numbers of the rest). */
export function isEmptyRow(cells: readonly CellValue[]): boolean {
  for (const c of cells) if (cellText(c) !== '') return false;
  return true;
}

/**
 * Header labels as shown to the user: trimmed, inner whitespace collapsed; an empty cell becomes
 * `Spalte <n>` (its 1-based column), a repeated label gets ` (2)`, ` (3)` … so every header is unique.
 */
export function uniqueHeaders(cells: readonly CellValue[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = cellText(c).replace(/\s+/g, ' ') || `Spalte ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** A label never looks like this: a number, postcode, date or time, or an e-mail address. */
const VALUE_LIKE = /^[\d\s.,/:+-]+$|@/;

/**
 * Refuses a first row that cannot be a header, so the first data row is not silently taken for
 * labels: no cell with a letter in it, a cell that reads like a value (number, postcode, date,
 * e-mail address), or a date/number-typed XLSX cell.
 * @throws AppError `file_no_header` (400)
 */
export function assertHeaderRow(cells: readonly CellValue[]): void {
  const texts = cells.map(cellText).filter((t) => t !== '');
  const typed = cells.some((c) => c instanceof Date || typeof c === 'number' || typeof c === 'boolean');
  if (
    texts.length === 0 ||
    typed ||
    !texts.some((t) => /\p{L}/u.test(t)) ||
    texts.some((t) => VALUE_LIKE.test(t))
  ) {
    throw new AppError('file_no_header');
  }
}
