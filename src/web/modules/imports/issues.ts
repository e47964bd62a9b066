import type { TImportIssue } from '../../../contracts/imports';

/**
 * Grouping of a dry run's issues for the report: one table row per file row (a row may break several
 * rules), a count per kind of problem, pages of a long list, and the duplicate warnings that offer a
 * link to the existing company.
 */

/** The issues of one row of the file (`row` null: a problem of the whole file). */
export interface TIssueRow {
  row: number | null;
  issues: TImportIssue[];
}

/** Issues grouped by row number, file-level issues first, then ascending rows; issue order kept per row. */
export function groupByRow(issues: readonly TImportIssue[]): TIssueRow[] {
  const byRow = new Map<number | null, TImportIssue[]>();
  for (const issue of issues) {
    const list = byRow.get(issue.row);
    if (list) list.push(issue);
    else byRow.set(issue.row, [issue]);
  }
  return [...byRow.entries()]
    .map(([row, list]) => ({ row, issues: list }))
    .sort((a, b) => (a.row ?? Number.NEGATIVE_INFINITY) - (b.row ?? Number.NEGATIVE_INFINITY));
}

/** How often each kind of problem occurs, most frequent first (ties by code), with one message as example. */
export function countByCode(
  issues: readonly TImportIssue[],
): Array<{ code: string; count: number; example: string }> {
  const counts = new Map<string, { code: string; count: number; example: string }>();
  for (const issue of issues) {
    const entry = counts.get(issue.code);
    if (entry) entry.count += 1;
    else counts.set(issue.code, { code: issue.code, count: 1, example: issue.message });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Number of distinct file rows with at least one issue (file-level issues not counted). */
export function affectedRows(issues: readonly TImportIssue[]): number {
  return new Set(issues.flatMap((i) => (i.row === null ? [] : [i.row]))).size;
}

/** The items of page `offset…offset+limit`; an offset past the end gives the last page. */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  limit: number,
): { items: T[]; offset: number } {
  const lastStart = items.length === 0 ? 0 : Math.floor((items.length - 1) / limit) * limit;
  const start = Math.min(Math.max(0, offset), lastStart);
  return { items: items.slice(start, start + limit), offset: start };
}

/** Warning codes that name an existing company (a duplicate: link to it, offer skip or import). */
export const DUPLICATE_CODES = ['duplicate_company_existing', 'duplicate_company_in_file'] as const;

/** The duplicate-company warnings of a company import. */
export function duplicateWarnings(warnings: readonly TImportIssue[]): TImportIssue[] {
  return warnings.filter((w) => (DUPLICATE_CODES as readonly string[]).includes(w.code));
}

/** The "company will be created" warnings of a place import. */
export function newCompanyWarnings(warnings: readonly TImportIssue[]): TImportIssue[] {
  return warnings.filter((w) => w.code === 'company_will_be_created');
}
