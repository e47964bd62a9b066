import { type Insertable, sql, type Updateable } from 'kysely';
import type { TCaseStage } from '../../../contracts/cases';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CaseStageChangeTable, CaseTable } from '../../platform/db/schema.counselling';
import { inScope, isoDate } from './sql';

/**
 * Repository of `case` and `case_stage_change` (the only writer of both). Reads join `client`
 * (names and the facts shown on a card) and `app_user` (display names) read-only, as ADR 0003
 * allows for list rows; every query takes the office scope.
 */

/** Display name of a client as on the case (given names + family name). */
const clientName = sql<string>`cl.given_names || ' ' || cl.family_name`;

function caseBase(db: Executor, scope: OfficeScope) {
  return db
    .selectFrom('case as c')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .leftJoin('app_user as u', 'u.id', 'c.counsellor_id')
    .where(inScope(scope, 'c.office_id'))
    .select([
      'c.id',
      'c.client_id',
      'c.office_id',
      'c.counsellor_id',
      'c.stage',
      'c.outcome',
      'c.version',
      isoDate('c.opened_on').as('opened_on'),
      isoDate('c.closed_on').$castTo<string | null>().as('closed_on'),
      isoDate('c.last_contact_on').$castTo<string | null>().as('last_contact_on'),
      'u.display_name as counsellor_name',
      clientName.as('client_name'),
    ]);
}

/** A case row with client and counsellor names (dates `YYYY-MM-DD`). */
export type CaseWithNames = NonNullable<Awaited<ReturnType<typeof selectCase>>>;

/** One case inside `scope`, or undefined (also when outside the scope). */
export function selectCase(db: Executor, scope: OfficeScope, id: string) {
  return caseBase(db, scope).where('c.id', '=', id).executeTakeFirst();
}

/**
 * Locks a case row inside `scope` for the rest of the transaction (stage moves compare dates
 * with the last change, so two moves of the same case run one after the other).
 */
export function lockCase(db: Executor, scope: OfficeScope, id: string) {
  return db
    .selectFrom('case as c')
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .select([
      'c.id',
      'c.client_id',
      'c.office_id',
      'c.stage',
      'c.version',
      'c.counsellor_id',
      isoDate('c.opened_on').as('opened_on'),
    ])
    .forUpdate()
    .executeTakeFirst();
}

/** The case of `clientId` that is not closed, if any (one open case per client). */
export function selectOpenCaseOfClient(db: Executor, scope: OfficeScope, clientId: string) {
  return db
    .selectFrom('case as c')
    .where('c.client_id', '=', clientId)
    .where('c.stage', '<>', 'closed')
    .where(inScope(scope, 'c.office_id'))
    .select(['c.id'])
    .executeTakeFirst();
}

/** Inserts a case and returns its id. */
export async function insertCase(db: Executor, row: Insertable<CaseTable>): Promise<string> {
  const r = await db.insertInto('case').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates a case inside `scope` whose `version` still equals `version`, bumping it.
 * @returns true when a row changed, false when stale or outside the scope
 */
export async function updateCaseVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<CaseTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('case as c')
    .set({ ...patch, version: sql`c.version + 1`, updated_at: sql`now()` })
    .where('c.id', '=', id)
    .where('c.version', '=', version)
    .where(inScope(scope, 'c.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Sets the last contact date to `on` unless a later one is recorded (a held session never moves it
 * back). No version bump: it is bookkeeping, not an edit of the case.
 */
export async function touchLastContact(db: Executor, scope: OfficeScope, id: string, on: string) {
  await db
    .updateTable('case as c')
    .set({ last_contact_on: sql`greatest(c.last_contact_on, ${on}::date)`, updated_at: sql`now()` })
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .execute();
}

/** Appends one stage change to the case history. */
export async function insertStageChange(db: Executor, row: Insertable<CaseStageChangeTable>) {
  await db.insertInto('case_stage_change').values(row).execute();
}

/** The history of a case, oldest first, with the name of who recorded each change. */
export function selectStageChanges(db: Executor, caseId: string) {
  return db
    .selectFrom('case_stage_change as h')
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .where('h.case_id', '=', caseId)
    .select([
      'h.from_stage',
      'h.to_stage',
      'h.outcome',
      'h.note',
      isoDate('h.changed_on').as('changed_on'),
      'u.display_name as changed_by_name',
    ])
    .orderBy('h.changed_on')
    .orderBy('h.id')
    .execute();
}

/** Date of the latest stage change of a case (`YYYY-MM-DD`), if any. */
export async function selectLastChangeOn(db: Executor, caseId: string): Promise<string | null> {
  const r = await db
    .selectFrom('case_stage_change as h')
    .where('h.case_id', '=', caseId)
    .select(sql<string | null>`to_char(max(h.changed_on), 'YYYY-MM-DD')`.as('last'))
    .executeTakeFirst();
  return r?.last ?? null;
}

/** Filters of the case list (already validated; dates `YYYY-MM-DD`). */
export interface CaseFilter {
  stage?: TCaseStage | undefined;
  counsellorId?: string | undefined;
  minAge?: number | undefined;
  maxAge?: number | undefined;
  germanLevel?: string | undefined;
  occupationId?: string | undefined;
  residenceStatus?: string | undefined;
  /** Open cases whose last contact (or opening, without any contact) is before this date. */
  contactBefore?: string | undefined;
  ids?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

/**
 * Case cards inside `scope`, filtered, by client name; with the total for paging. `today` anchors
 * the age computation (completed years).
 */
export async function selectCaseCards(db: Executor, scope: OfficeScope, f: CaseFilter, today: string) {
  const age = sql<number | null>`extract(year from age(${today}::date, cl.date_of_birth))::int`;
  let q = db
    .selectFrom('case as c')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .leftJoin('app_user as u', 'u.id', 'c.counsellor_id')
    .where(inScope(scope, 'c.office_id'));
  if (f.stage) q = q.where('c.stage', '=', f.stage);
  if (f.counsellorId) q = q.where('c.counsellor_id', '=', f.counsellorId);
  if (f.minAge !== undefined) q = q.where(age, '>=', f.minAge);
  if (f.maxAge !== undefined) q = q.where(age, '<=', f.maxAge);
  if (f.germanLevel) q = q.where('cl.german_level', '=', f.germanLevel);
  if (f.occupationId) q = q.where(sql<boolean>`${f.occupationId} = any(cl.wished_occupation_ids)`);
  if (f.residenceStatus) q = q.where('cl.residence_status', '=', f.residenceStatus);
  if (f.contactBefore) {
    q = q
      .where('c.stage', '<>', 'closed')
      .where(sql<boolean>`coalesce(c.last_contact_on, c.opened_on) < ${f.contactBefore}::date`);
  }
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q
    .select([
      'c.id',
      'c.client_id',
      'c.stage',
      'c.version',
      'c.counsellor_id',
      isoDate('c.last_contact_on').$castTo<string | null>().as('last_contact_on'),
      'u.display_name as counsellor_name',
      clientName.as('client_name'),
      age.as('age'),
      'cl.german_level',
      'cl.wished_occupation_ids',
      'cl.residence_status',
      sql<number>`(select count(*) from task t where t.case_id = c.id and t.done_at is null)::int`.as(
        'open_tasks',
      ),
    ])
    .orderBy('cl.family_name')
    .orderBy('cl.given_names')
    .orderBy('c.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Moves the cases of client `fromClientId` inside `scope` to `toClientId`; returns their ids. */
export async function moveCases(
  db: Executor,
  scope: OfficeScope,
  fromClientId: string,
  toClientId: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('case as c')
    .set({ client_id: toClientId, version: sql`c.version + 1`, updated_at: sql`now()` })
    .where('c.client_id', '=', fromClientId)
    .where(inScope(scope, 'c.office_id'))
    .returning('c.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A staff member inside `scope` who may own cases and tasks (an enabled counsellor or coordinator),
 * or undefined. Read-only on `app_user` (written by the users module).
 */
export function selectStaff(db: Executor, scope: OfficeScope, userId: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .where('u.id', '=', userId)
    .where('u.role', 'in', ['counsellor', 'coordinator'])
    .where('u.disabled_at', 'is', null)
    .where(inScope(scope, 'u.office_id'))
    .executeTakeFirst();
}

/**
 * Open cases of `counsellorId` inside `scope` with the client's recorded residence facts (read-only
 * join on `client`), for the reminders on the home page.
 */
export function selectResidenceFactsOfOpenCases(db: Executor, scope: OfficeScope, counsellorId: string) {
  return db
    .selectFrom('case as c')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .where(inScope(scope, 'c.office_id'))
    .where('c.counsellor_id', '=', counsellorId)
    .where('c.stage', '<>', 'closed')
    .select([
      'c.id',
      clientName.as('client_name'),
      'cl.residence_status',
      'cl.work_permit',
      isoDate('cl.residence_expires_on').$castTo<string | null>().as('residence_expires_on'),
      isoDate('cl.work_permit_expires_on').$castTo<string | null>().as('work_permit_expires_on'),
    ])
    .execute();
}
