import type { TabularData } from '../../platform/tabular/index';

/**
 * Parsed files of recent jobs, kept in memory so the dry run and the commit after an upload need
 * not parse the stored file again (an XLSX file of 50,000 rows takes seconds to read). Bounded by
 * the number of rows held; evicts the least recently used. A miss only costs a re-parse.
 */
const MAX_ROWS = 300_000;
const tables = new Map<string, TabularData>();
let heldRows = 0;

/** The cached table of a job (marks it recently used). */
export function cachedTable(jobId: string): TabularData | undefined {
  const t = tables.get(jobId);
  if (t) {
    tables.delete(jobId);
    tables.set(jobId, t);
  }
  return t;
}

/** Caches a job's table, evicting the least recently used ones beyond the row budget. */
export function cacheTable(jobId: string, table: TabularData): void {
  forgetTable(jobId);
  if (table.rows.length > MAX_ROWS) return;
  tables.set(jobId, table);
  heldRows += table.rows.length;
  for (const [id, t] of tables) {
    if (heldRows <= MAX_ROWS) break;
    tables.delete(id);
    heldRows -= t.rows.length;
  }
}

/** Drops a job's table (after the commit, which also drops the stored file). */
export function forgetTable(jobId: string): void {
  const t = tables.get(jobId);
  if (t) {
    tables.delete(jobId);
    heldRows -= t.rows.length;
  }
}

/** A dry run's outcome, kept for the commit that follows it (see `cacheOutcome`). */
interface KeptOutcome<T> {
  version: number;
  key: string;
  outcome: T;
}
const outcomes = new Map<string, KeptOutcome<unknown>>();
/** Outcomes held at once (each holds the checked rows of one file). */
const MAX_OUTCOMES = 4;

/**
 * Keeps the checked rows of a successful dry run for the commit: valid while the job keeps the
 * `version` the dry run gave it and `key` (mapping and day of the check) is the same. The commit
 * still looks up companies and external references again inside its transaction.
 */
export function cacheOutcome<T>(jobId: string, version: number, key: string, outcome: T): void {
  outcomes.delete(jobId);
  outcomes.set(jobId, { version, key, outcome });
  if (outcomes.size > MAX_OUTCOMES) outcomes.delete(outcomes.keys().next().value as string);
}

/** The kept outcome of a job's dry run if it still applies (and forgets it: it is used once). */
export function takeOutcome<T>(jobId: string, version: number, key: string): T | undefined {
  const kept = outcomes.get(jobId);
  outcomes.delete(jobId);
  return kept && kept.version === version && kept.key === key ? (kept.outcome as T) : undefined;
}
