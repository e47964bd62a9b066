import { sql } from 'kysely';
import type { Executor } from './database';

/**
 * Bulk loading with foreign keys checked once per set instead of once per row.
 *
 * PostgreSQL checks a foreign key by an internal trigger that runs `SELECT 1 … FOR KEY SHARE` on the
 * referenced row for every inserted row; for a 50,000-row import with three keys that is 150,000
 * look-ups, about half of the insert's time on PGlite (measured: 2.4 s → 1.3 s CPU for 50,000 places).
 * The bulk writers therefore lock and verify the referenced rows themselves — one set-based
 * `SELECT … FOR KEY SHARE` per referenced table, the same lock the trigger takes — and then switch
 * the per-row triggers off for their own statements with `session_replication_role = replica`, the
 * mechanism `pg_restore --disable-triggers` uses (PostgreSQL manual, "session_replication_role").
 * Setting it needs superuser rights: PGlite's session has them; on a PostgreSQL server whose role lacks
 * them the writers keep the ordinary per-row checks (same result, slower). CHECK, NOT NULL and unique
 * constraints are not triggers and stay in force; a test keeps the bulk-written tables free of user
 * triggers, which this mode would skip too.
 */

/** Can this session switch row triggers off (`is_superuser`)? Cached per executor object. */
const allowed = new WeakMap<object, boolean>();

async function mayDisableTriggers(trx: Executor): Promise<boolean> {
  const known = allowed.get(trx);
  if (known !== undefined) return known;
  const r = await sql<{ su: string }>`select current_setting('is_superuser') as su`.execute(trx);
  const ok = r.rows[0]?.su === 'on';
  allowed.set(trx, ok);
  return ok;
}

/**
 * Locks the rows `ids` of `table` against deletion and key changes until the transaction ends (`FOR
 * KEY SHARE`, what a foreign-key check takes) and returns the ids that exist and pass `where`
 * (an extra SQL condition on the table, e.g. "same office, not merged").
 * @returns the subset of `ids` found
 */
export async function lockReferencedRows(
  trx: Executor,
  table: 'office' | 'app_user' | 'company' | 'company_contact_person',
  ids: readonly string[],
  where = sql<boolean>`true`,
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const part = unique.slice(i, i + 10_000);
    const r = await sql<{ id: string }>`select id from ${sql.table(table)}
      where id = any(${part}::uuid[]) and ${where} for key share`.execute(trx);
    for (const row of r.rows) found.add(row.id);
  }
  return found;
}

/**
 * Runs `write` with per-row triggers (foreign-key checks) off, when `trx` is a transaction whose
 * session may do so; otherwise runs it unchanged. The caller must have verified and locked every
 * referenced row with `lockReferencedRows` first. The setting is `LOCAL`: it ends with the
 * transaction at the latest, and is switched back as soon as `write` succeeds (on failure the
 * transaction is rolled back anyway).
 * @returns what `write` returns
 */
export async function withRowTriggersOff<T>(trx: Executor, write: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction || !(await mayDisableTriggers(trx))) return write();
  await sql`set local session_replication_role = replica`.execute(trx);
  const result = await write();
  await sql`set local session_replication_role = origin`.execute(trx);
  return result;
}
