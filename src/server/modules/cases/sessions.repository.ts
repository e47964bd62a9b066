import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CounsellingSessionTable } from '../../platform/db/schema.counselling';
import { OFFICE_TIME_ZONE } from './dates';
import { inScope } from './sql';

/** Repository of `counselling_session` (its only writer); every query on one row takes the scope. */

/** Inserts a session and returns the row. */
export function insertSession(db: Executor, row: Insertable<CounsellingSessionTable>) {
  return db.insertInto('counselling_session').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A session row. */
export type SessionRow = Awaited<ReturnType<typeof insertSession>>;

/** Sessions of a case, newest first (the case was scope-checked by the caller). */
export function selectSessionsOfCase(db: Executor, caseId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('counselling_session')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_at', 'desc')
    .execute();
}

/** One session inside `scope`, or undefined. */
export function selectSession(db: Executor, scope: OfficeScope, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('counselling_session as s')
    .selectAll('s')
    .where('s.id', '=', id)
    .where(inScope(scope, 's.office_id'))
    .executeTakeFirst();
}

/**
 * Updates a session inside `scope` whose `version` still equals `version`, bumping it.
 * @returns the new row, or undefined when stale or outside the scope
 */
export function updateSessionVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<CounsellingSessionTable>,
): Promise<SessionRow | undefined> {
  return db
    .updateTable('counselling_session as s')
    .set({ ...patch, version: sql`s.version + 1` })
    .where('s.id', '=', id)
    .where('s.version', '=', version)
    .where(inScope(scope, 's.office_id'))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Planned sessions of `counsellorId` on the calendar day `day` (German time) inside `scope`, by
 * start time, with the client's name (read-only join on `client`).
 */
export function selectAppointments(db: Executor, scope: OfficeScope, counsellorId: string, day: string) {
  return db
    .selectFrom('counselling_session as s')
    .innerJoin('case as c', 'c.id', 's.case_id')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .selectAll('s')
    .select(sql<string>`cl.given_names || ' ' || cl.family_name`.as('client_name'))
    .where(inScope(scope, 's.office_id'))
    .where('s.status', '=', 'planned')
    .where('s.counsellor_id', '=', counsellorId)
    .where(sql<boolean>`(s.starts_at at time zone ${OFFICE_TIME_ZONE})::date = ${day}::date`)
    .orderBy('s.starts_at')
    .execute();
}
