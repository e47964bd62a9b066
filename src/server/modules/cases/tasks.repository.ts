import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { TaskTable } from '../../platform/db/schema.counselling';
import { inScope, isoDate } from './sql';

/**
 * Repository of `task` (its only writer); reads join case, client, company (ADR 0003) and user names
 * read-only.
 */

/** Task kind generated once per client who turned 18 during counselling. */
export const CONSENT_AT_18 = 'consent_at_18';

/** Inserts tasks and returns their ids (in order). */
export async function insertTasks(db: Executor, rows: Insertable<TaskTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const r = await db.insertInto('task').values(rows).returning('id').execute();
  return r.map((x) => x.id);
}

/** Filters of a task query; `today` decides what is overdue. */
export interface TaskFilter {
  ids?: readonly string[];
  caseId?: string | undefined;
  companyId?: string | undefined;
  ownerId?: string | undefined;
  /** true: done only; false: open only; undefined: both. */
  done?: boolean | undefined;
  overdue?: boolean | undefined;
  limit?: number;
  offset?: number;
}

/**
 * Tasks inside `scope` with client, company and owner names and the `overdue` flag (open and due
 * before `today`): open before done, then by due date (undated last); with the total for paging.
 * The company name is a read join on the companies module's `company` table (ADR 0003).
 */
export async function selectTasks(db: Executor, scope: OfficeScope, f: TaskFilter, today: string) {
  let q = db
    .selectFrom('task as t')
    .leftJoin('case as c', 'c.id', 't.case_id')
    .leftJoin('client as cl', 'cl.id', 'c.client_id')
    .leftJoin('company as co', 'co.id', 't.company_id')
    .leftJoin('app_user as u', 'u.id', 't.owner_id')
    .where(inScope(scope, 't.office_id'));
  if (f.ids) q = q.where('t.id', 'in', f.ids.length ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.caseId) q = q.where('t.case_id', '=', f.caseId);
  if (f.companyId) q = q.where('t.company_id', '=', f.companyId);
  if (f.ownerId) q = q.where('t.owner_id', '=', f.ownerId);
  if (f.done === true) q = q.where('t.done_at', 'is not', null);
  if (f.done === false || f.overdue) q = q.where('t.done_at', 'is', null);
  if (f.overdue) q = q.where('t.due_on', '<', sql<string>`${today}::date`);
  const rows = await q
    .select([
      't.id',
      't.case_id',
      't.company_id',
      'co.name as company_name',
      't.kind',
      't.title',
      't.owner_id',
      't.done_at',
      't.version',
      isoDate('t.due_on').$castTo<string | null>().as('due_on'),
      sql<
        string | null
      >`case when cl.id is null then null else cl.given_names || ' ' || cl.family_name end`.as('client_name'),
      'u.display_name as owner_name',
      sql<boolean>`coalesce(t.done_at is null and t.due_on < ${today}::date, false)`.as('overdue'),
    ])
    .orderBy(sql`t.done_at is not null`)
    .orderBy(sql`t.due_on asc nulls last`)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .limit(f.limit ?? 500)
    .offset(f.offset ?? 0)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** A task row with names. */
export type TaskWithNames = Awaited<ReturnType<typeof selectTasks>>['rows'][number];

/** One task inside `scope` (plain row), or undefined. */
export function selectTask(db: Executor, scope: OfficeScope, id: string) {
  return db
    .selectFrom('task as t')
    .select(['t.id', 't.office_id', 't.case_id', 't.version', 't.done_at'])
    .where('t.id', '=', id)
    .where(inScope(scope, 't.office_id'))
    .executeTakeFirst();
}

/** Updates a task inside `scope` whose `version` still equals `version`. @returns false when stale */
export async function updateTaskVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<TaskTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('task as t')
    .set({ ...patch, version: sql`t.version + 1` })
    .where('t.id', '=', id)
    .where('t.version', '=', version)
    .where(inScope(scope, 't.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Serialises the consent-at-18 check per office for the rest of the transaction (there is no
 * unique index on generated tasks, so two readers must not both insert one).
 */
export async function lockConsentCheck(db: Executor, officeKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`consent_at_18:${officeKey}`}))`.execute(db);
}

/**
 * Open cases inside `scope` whose client came of age (18th birthday, `date + 18 years`) on or
 * before `today` and after the case was opened — i.e. consent was given while a minor — and whose
 * client has no `consent_at_18` task yet on any case. One row per client (its newest open case).
 */
export function selectConsentAt18Candidates(db: Executor, scope: OfficeScope, today: string) {
  const adultOn = sql`(cl.date_of_birth + interval '18 years')::date`;
  return db
    .selectFrom('case as c')
    .innerJoin('client as cl', 'cl.id', 'c.client_id')
    .where(inScope(scope, 'c.office_id'))
    .where('c.stage', '<>', 'closed')
    .where('cl.date_of_birth', 'is not', null)
    .where(sql<boolean>`${adultOn} <= ${today}::date and ${adultOn} > c.opened_on`)
    .where(
      sql<boolean>`not exists (select 1 from task t join "case" c2 on c2.id = t.case_id
        where c2.client_id = c.client_id and t.kind = ${CONSENT_AT_18})`,
    )
    .distinctOn('c.client_id')
    .select([
      'c.id as case_id',
      'c.office_id',
      'c.counsellor_id',
      sql<string>`cl.given_names || ' ' || cl.family_name`.as('client_name'),
      sql<string>`to_char(${adultOn}, 'YYYY-MM-DD')`.as('adult_on'),
    ])
    .orderBy('c.client_id')
    .orderBy('c.opened_on', 'desc')
    .execute();
}

/**
 * Moves the tasks of company `fromCompanyId` to `toCompanyId` inside `scope` (company merge).
 * @returns the number of tasks moved
 */
export async function moveCompanyTasks(
  db: Executor,
  scope: OfficeScope,
  fromCompanyId: string,
  toCompanyId: string,
): Promise<number> {
  const r = await db
    .updateTable('task as t')
    .set({ company_id: toCompanyId })
    .where('t.company_id', '=', fromCompanyId)
    .where(inScope(scope, 't.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
