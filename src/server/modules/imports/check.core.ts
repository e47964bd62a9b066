import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CellValue, TabularData, TabularRow } from '../../platform/tabular/index';
import type { OccupationMatcher } from './imports.occupations';
import { type Parsed, rawText } from './imports.values';

/**
 * Shared machinery of the row checks: issues, per-field caches of parsed values, and the chunked
 * loop that yields to the event loop and reports progress.
 */

/** Issue of a row as stored in `import_job.errors`/`warnings` (rendered into a message on read). */
export interface RowIssue {
  /** Row number as the user sees it; null for file-level issues. */
  row: number | null;
  field: string | null;
  /** The file's header of the column. */
  column: string | null;
  /** The cell as text (at most 200 characters). */
  value: string | null;
  code: string;
  params: Record<string, string | number>;
  suggestion?: { id: string; name: string } | null;
  existingCompany?: { id: string; name: string } | null;
}

/** What the checks need besides the rows: reference data, today's date, how to key company names. */
export interface CheckEnv {
  /** Where the rows came from (`TPlaceImportRow.source`). */
  source: 'csv' | 'xlsx' | 'ba';
  /** Today in Germany, `YYYY-MM-DD` (start dates before it are in the past). */
  today: string;
  /** Every existing postcode (reference data). */
  postcodes: { has(postcode: string): boolean };
  occupations: OccupationMatcher;
  /** Duplicate key of a company name (companies module `companyNameKey`). */
  nameKey: (name: string) => string;
  /** Called after each chunk of rows with the number of rows checked so far. */
  onProgress?: (processed: number) => void;
}

/** Rows checked between two yields to the event loop (and two progress reports). */
export const CHUNK_ROWS = 2_000;

/**
 * Runs `check` over every row, `CHUNK_ROWS` at a time; between chunks it reports progress and
 * lets other requests run (a 50,000-row dry run must not block the server).
 */
export async function eachRow(
  rows: readonly TabularRow[],
  check: (r: TabularRow) => void,
  onProgress?: (processed: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) check(rows[i] as TabularRow);
    onProgress?.(end);
    if (end < rows.length) await nextTurn();
  }
}

/**
 * Reads the cells of one row for the mapped fields and collects its issues. Parsers of fields
 * with few distinct values (dates, postcodes, code lists) are cached per distinct cell.
 */
export class RowReader {
  private readonly caches = new Map<string, Map<CellValue, Parsed<unknown>>>();
  private current: TabularRow | null = null;
  /** Issues of the current row. */
  errors: RowIssue[] = [];
  warnings: RowIssue[] = [];

  /** Column index → mapped field (to name the field of an Excel error cell). */
  private readonly fieldOf: ReadonlyMap<number, string>;

  constructor(
    private readonly table: TabularData,
    private readonly columns: ReadonlyMap<string, number>,
  ) {
    this.fieldOf = new Map([...columns].map(([field, i]) => [i, field]));
  }

  /**
   * Starts a row: clears the issues, then checks a CSV row's cell count against the header: more
   * cells → error `row_too_many_cells` (the columns are probably shifted), fewer → warning
   * `row_too_few_cells` (the missing trailing cells read as empty); params `cells`, `columns`.
   * XLSX rows have no such shape (trailing empty cells are not stored); there an Excel error cell
   * (`#DIV/0!`, `#N/A` …) of a mapped column is an error `cell_error` (param `error`).
   */
  start(r: TabularRow): void {
    this.current = r;
    this.errors = [];
    this.warnings = [];
    if (r.errors) {
      for (const [i, error] of Object.entries(r.errors)) {
        const field = this.fieldOf.get(Number(i));
        if (field !== undefined) this.error(field, 'cell_error', { error });
      }
    }
    const columns = this.table.headers.length;
    if (this.table.format !== 'csv' || r.cells.length === columns) return;
    const params = { cells: r.cells.length, columns };
    if (r.cells.length > columns) this.error(null, 'row_too_many_cells', params);
    else this.warn(null, 'row_too_few_cells', params);
  }

  /** True when the field is mapped to a column. */
  has(field: string): boolean {
    return this.columns.has(field);
  }

  /** The raw cell of a field in the current row (null when unmapped or missing). */
  cell(field: string): CellValue {
    const i = this.columns.get(field);
    if (i === undefined || !this.current) return null;
    return this.current.cells[i] ?? null;
  }

  /** Parses a field; on failure records an error and returns `fallback`. `cache` for low-cardinality fields. */
  read<T>(field: string, parse: (v: CellValue) => Parsed<T>, fallback: T, cache = false): T {
    const v = this.cell(field);
    let parsed: Parsed<T>;
    // Strings and numbers are distinct Map keys ("1" ≠ 1); dates are objects, never cached.
    if (cache && !(v instanceof Date)) {
      let c = this.caches.get(field);
      if (!c) {
        c = new Map();
        this.caches.set(field, c);
      }
      const hit = c.get(v) as Parsed<T> | undefined;
      if (hit) parsed = hit;
      else {
        parsed = parse(v);
        c.set(v, parsed);
      }
    } else parsed = parse(v);
    if (!parsed.ok) {
      this.error(field, parsed.code, parsed.params);
      return fallback;
    }
    if (parsed.warning) this.warn(field, parsed.warning.code, parsed.warning.params);
    return parsed.value;
  }

  private issue(field: string | null, code: string, params: Record<string, string | number>): RowIssue {
    const i = field === null ? undefined : this.columns.get(field);
    const value = field === null ? '' : rawText(this.cell(field));
    return {
      row: this.current?.row ?? null,
      field,
      column: i === undefined ? null : (this.table.headers[i] ?? null),
      value: value === '' ? null : value.slice(0, 200),
      code,
      params,
    };
  }

  /** Records an error of the current row. */
  error(field: string | null, code: string, params: Record<string, string | number> = {}): RowIssue {
    const issue = this.issue(field, code, params);
    this.errors.push(issue);
    return issue;
  }

  /** Records a warning of the current row. */
  warn(field: string | null, code: string, params: Record<string, string | number> = {}): RowIssue {
    const issue = this.issue(field, code, params);
    this.warnings.push(issue);
    return issue;
  }
}

/** `dd.mm.yyyy` of an ISO day, for messages. */
export function germanDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
