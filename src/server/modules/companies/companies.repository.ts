import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { TCompanyFilter } from '../../../contracts/companies';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CompanyTable } from '../../platform/db/schema.companies';
import { inScope, isoDate, postcodeText } from './companies.sql';

/**
 * Repository of `company` (its only writer). Reads join `app_user` (names), and for lists the
 * module's own contact persons and contacts, the cases module's `task` (open follow-ups) and the
 * places module's `training_place` (guards), read-only (ADR 0003).
 */

/** A company row as read: dates as `YYYY-MM-DD`, postcode trimmed, with the responsible counsellor's name. */
export type CompanyRow = Selectable<CompanyTable> & { owner_name: string | null };

/** Columns to write. */
export type CompanyWrite = Updateable<CompanyTable>;

function companyQuery(db: Executor) {
  return (
    db
      .selectFrom('company as c')
      .leftJoin('app_user as u', 'u.id', 'c.owner_user_id')
      .selectAll('c')
      // Later columns of the same name win: dates and postcode come back as text.
      .select([
        isoDate('c.stage_changed_on').as('stage_changed_on'),
        isoDate('c.acquisition_on').as('acquisition_on'),
        postcodeText('c.postcode').as('postcode'),
        'u.display_name as owner_name',
      ])
  );
}

/** One company inside `scope` (merged ones included), or undefined. */
export async function selectCompany(
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<CompanyRow | undefined> {
  const row = await companyQuery(db)
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .executeTakeFirst();
  return row as CompanyRow | undefined;
}

/** Locks a company row inside `scope` for the rest of the transaction; false when absent. */
export async function lockCompany(db: Executor, scope: OfficeScope, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('company as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .forUpdate()
    .executeTakeFirst();
  return r !== undefined;
}

/** Inserts one company and returns its id. */
export async function insertCompany(db: Executor, row: Insertable<CompanyTable>): Promise<string> {
  const r = await db.insertInto('company').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates a company inside `scope` (not merged away), bumping `version` and `updated_at`; with
 * `version` only while it still equals it. @returns false when stale, merged or outside the scope
 */
export async function updateCompany(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number | null,
  patch: CompanyWrite,
): Promise<boolean> {
  let q = db
    .updateTable('company as c')
    .set({ ...patch, version: sql`c.version + 1`, updated_at: sql`now()` })
    .where('c.id', '=', id)
    .where('c.merged_into_id', 'is', null)
    .where(inScope(scope, 'c.office_id'));
  if (version !== null) q = q.where('c.version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets the derived `search_text` of a company (no version bump: it is not a user-visible change). */
export async function updateSearchText(db: Executor, id: string, searchText: string): Promise<void> {
  await db.updateTable('company').set({ search_text: searchText }).where('id', '=', id).execute();
}

/** Marks `fromId` as merged into `intoId` (inside `scope`), bumping its version. */
export async function markMerged(db: Executor, scope: OfficeScope, fromId: string, intoId: string) {
  await db
    .updateTable('company as c')
    .set({ merged_into_id: intoId, version: sql`c.version + 1`, updated_at: sql`now()` })
    .where('c.id', '=', fromId)
    .where(inScope(scope, 'c.office_id'))
    .execute();
}

/** Deletes a company inside `scope` whose version is `version` (its persons, contacts, advice, history and tasks cascade). */
export async function deleteCompany(db: Executor, scope: OfficeScope, id: string, version: number) {
  const r = await db
    .deleteFrom('company as c')
    .where('c.id', '=', id)
    .where('c.version', '=', version)
    .where(inScope(scope, 'c.office_id'))
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/**
 * Records that hold on to a company: training places (places module, read-only) and companies
 * merged into it. A company with either is not deleted.
 */
export async function countDependants(db: Executor, scope: OfficeScope, id: string) {
  const [places, merged] = await Promise.all([
    db
      .selectFrom('training_place as p')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.company_id', '=', id)
      .where(inScope(scope, 'p.office_id'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('company as c')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('c.merged_into_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return { places: Number(places.n), merged: Number(merged.n) };
}

/** An enabled counsellor or coordinator of `officeId` (read of `app_user`), or undefined. */
export function selectStaff(db: Executor, officeId: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .where('u.id', '=', userId)
    .where('u.role', 'in', ['counsellor', 'coordinator'])
    .where('u.disabled_at', 'is', null)
    .where('u.office_id', '=', officeId)
    .executeTakeFirst();
}

/** Companies inside `scope` (not merged away) with name key `nameKey` and, when given, `postcode`. */
export function selectDuplicates(
  db: Executor,
  scope: OfficeScope,
  c: { nameKey: string; postcode?: string | null | undefined; excludeId?: string; limit?: number },
) {
  let q = db
    .selectFrom('company as c')
    .select(['c.id', 'c.name', postcodeText('c.postcode').as('postcode'), 'c.place', 'c.stage'])
    .where(inScope(scope, 'c.office_id'))
    .where('c.merged_into_id', 'is', null)
    .where('c.name_key', '=', c.nameKey);
  if (c.postcode !== undefined) {
    q = c.postcode === null ? q.where('c.postcode', 'is', null) : q.where('c.postcode', '=', c.postcode);
  }
  if (c.excludeId) q = q.where('c.id', '<>', c.excludeId);
  return q
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(c.limit ?? 20)
    .execute();
}

/** What a list filter turns into: the conditions on `company as c` and, for a search, the rank. */
function conditions(scope: OfficeScope, f: TCompanyFilter, words: readonly string[]) {
  const conds = [inScope(scope, 'c.office_id'), sql<boolean>`c.merged_into_id is null`];
  if (f.stage) conds.push(sql<boolean>`c.stage = ${f.stage}`);
  if (f.ownerUserId) conds.push(sql<boolean>`c.owner_user_id = ${f.ownerUserId}`);
  if (f.tag) conds.push(sql<boolean>`${f.tag} = any(c.tags)`);
  if (f.channel) conds.push(sql<boolean>`c.acquisition_channel = ${f.channel}`);
  if (f.trainingHistory) conds.push(sql<boolean>`c.training_history = ${f.trainingHistory}`);
  // Each word of a search must occur (substring) or resemble a word of the text (pg_trgm `<%`,
  // word similarity ≥ 0.6); both use the trigram index on `search_text`.
  for (const w of words) {
    const like = `%${w.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql<boolean>`(c.search_text like ${like} or ${w} <% c.search_text)`);
  }
  const where = sql<boolean>`${sql.join(conds, sql` and `)}`;
  const rank =
    words.length === 0
      ? null
      : sql<number>`(${sql.join(
          words.map(
            (w) =>
              sql`word_similarity(${w}, c.search_text) + case when c.name_key like ${`${w.replace(/[^a-z0-9]/g, '')}%`} then 1 else 0 end`,
          ),
          sql` + `,
        )})`;
  return { where, rank };
}

/** A row of the company list or board (`ZCompanySummary`). */
export type CompanySummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/**
 * Summary rows of the given companies inside `scope`: with the responsible counsellor's name, the
 * primary (else first) contact person, the last contact date, the number of open follow-up tasks
 * and the earliest due date among them (`task` read-only, ADR 0003). In no particular order.
 */
export function selectSummaries(db: Executor, scope: OfficeScope, ids: readonly string[]) {
  return db
    .selectFrom('company as c')
    .leftJoin('app_user as u', 'u.id', 'c.owner_user_id')
    .select([
      'c.id',
      'c.name',
      postcodeText('c.postcode').as('postcode'),
      'c.place',
      'c.stage',
      isoDate('c.stage_changed_on').as('stage_changed_on'),
      'c.owner_user_id',
      'u.display_name as owner_name',
      'c.training_history',
      'c.acquisition_channel',
      'c.tags',
      'c.version',
      sql<string | null>`(select p.name from company_contact_person p where p.company_id = c.id
        order by p.is_primary desc, p.created_at, p.id limit 1)`.as('primary_contact_name'),
      sql<
        string | null
      >`(select to_char(max(k.contacted_on), 'YYYY-MM-DD') from company_contact k where k.company_id = c.id)`.as(
        'last_contact_on',
      ),
      sql<number>`(select count(*)::int from task t where t.company_id = c.id and t.done_at is null)`.as(
        'open_tasks',
      ),
      sql<
        string | null
      >`(select to_char(min(t.due_on), 'YYYY-MM-DD') from task t where t.company_id = c.id and t.done_at is null)`.as(
        'next_due_on',
      ),
    ])
    .where('c.id', 'in', ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000'])
    .where(inScope(scope, 'c.office_id'))
    .execute();
}

/**
 * Ids of the companies inside `scope` (not merged away) matching the filter, a page of them and the
 * total. Order: search rank when searching, then name (name key), then id.
 */
export async function selectCompanyIds(
  db: Executor,
  scope: OfficeScope,
  f: TCompanyFilter,
  words: readonly string[],
  page: { limit: number; offset: number } | null,
): Promise<{ ids: string[]; total: number }> {
  const { where, rank } = conditions(scope, f, words);
  let q = db.selectFrom('company as c').select('c.id').where(where);
  if (rank) q = q.orderBy(rank, 'desc');
  q = q.orderBy('c.name_key').orderBy('c.name').orderBy('c.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    q.execute(),
    page
      ? db
          .selectFrom('company as c')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow()
      : null,
  ]);
  return { ids: rows.map((r) => r.id), total: count ? Number(count.n) : rows.length };
}

/** Full rows of the given companies inside `scope`, in no particular order (export). */
export async function selectCompaniesByIds(
  db: Executor,
  scope: OfficeScope,
  ids: readonly string[],
): Promise<CompanyRow[]> {
  if (ids.length === 0) return [];
  const rows = await companyQuery(db)
    .where(sql<boolean>`c.id = any(${[...ids]}::uuid[])`)
    .where(inScope(scope, 'c.office_id'))
    .execute();
  return rows as CompanyRow[];
}

/**
 * The board: per stage the ids of the first `perStage` companies by name and the full count, inside
 * `scope` (not merged away), optionally of one responsible counsellor.
 */
export async function selectBoard(
  db: Executor,
  scope: OfficeScope,
  f: { ownerUserId?: string | undefined; perStage: number },
): Promise<{ ids: string[]; counts: Map<string, number> }> {
  const { where } = conditions(scope, { ownerUserId: f.ownerUserId }, []);
  const [ranked, counts] = await Promise.all([
    db
      .selectFrom(
        db
          .selectFrom('company as c')
          .select([
            'c.id',
            sql<number>`row_number() over (partition by c.stage order by c.name_key, c.name, c.id)`.as('rn'),
          ])
          .where(where)
          .as('r'),
      )
      .select('r.id')
      .where('r.rn', '<=', f.perStage)
      .execute(),
    db
      .selectFrom('company as c')
      .select(['c.stage', (eb) => eb.fn.countAll<number>().as('n')])
      .where(where)
      .groupBy('c.stage')
      .execute(),
  ]);
  return { ids: ranked.map((r) => r.id), counts: new Map(counts.map((c) => [c.stage, Number(c.n)])) };
}
