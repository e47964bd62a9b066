import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { NewOfficeRow, OfficeRow } from '../../platform/db/schema';

/** All offices, by name. Offices are organisation data, not personal data: no scope needed. */
export function selectOffices(db: Executor): Promise<OfficeRow[]> {
  return db.selectFrom('office').selectAll().orderBy('name').execute();
}

/** One office or undefined. */
export function selectOffice(db: Executor, id: string): Promise<OfficeRow | undefined> {
  return db.selectFrom('office').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ids of an office and every office below it (recursive CTE over `parent_id`). */
export async function selectSubtreeIds(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM office WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM office o JOIN tree t ON o.parent_id = t.id
    ) SELECT id FROM tree`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Inserts an office and returns it. */
export function insertOffice(db: Executor, row: NewOfficeRow): Promise<OfficeRow> {
  return db.insertInto('office').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Updates an office if its `version` still equals `version`, bumping the version.
 * @returns the new row, or undefined when the version was stale or the office is gone
 */
export function updateOffice(
  db: Executor,
  id: string,
  version: number,
  patch: { name?: string; land_code?: string | null },
): Promise<OfficeRow | undefined> {
  return db
    .updateTable('office')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Number of offices (0 on a fresh installation). */
export async function countOffices(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('office')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
