import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { inScope } from './matching.repository';

/** The only writer of `match_run` and `match_run_result` (stored batch runs of matching). */

function runColumns(db: Executor) {
  return db
    .selectFrom('match_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .leftJoin('match_run as p', 'p.id', 'r.parent_id')
    .leftJoin('office as po', 'po.id', 'p.office_id')
    .select([
      'r.id',
      'r.office_id',
      'r.scope',
      'r.parent_id',
      'po.name as parent_office_name',
      'r.k',
      'r.direction',
      'r.filters',
      'r.config',
      'r.config_version',
      'r.data_stamp',
      'r.status',
      'r.progress_done',
      'r.progress_total',
      'r.client_count',
      'r.place_count',
      'r.result_count',
      'r.error_code',
      'u.display_name as created_by_name',
      'r.created_at',
      'r.started_at',
      'r.finished_at',
    ]);
}

/** A run as read, with the name of who started it. */
export type RunRow = NonNullable<Awaited<ReturnType<typeof selectRun>>>;

/** One run inside `scope`, or undefined. */
export function selectRun(db: Executor, scope: OfficeScope, id: string) {
  return runColumns(db).where('r.id', '=', id).where(inScope(scope, 'r.office_id')).executeTakeFirst();
}

/** Not a part of a region run that is itself in `scope` (the region run lists it among its parts). */
const notPartInScope = (scope: OfficeScope) =>
  sql<boolean>`not exists (select 1 from match_run q where q.id = r.parent_id and ${inScope(scope, 'q.office_id')})`;

/**
 * A page of the runs of `scope`, newest first, with the total; a part of a region run shows only where its
 * region run does not (in the offices below the one that started it).
 */
export async function selectRuns(db: Executor, scope: OfficeScope, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    runColumns(db)
      .where(inScope(scope, 'r.office_id'))
      .where(notPartInScope(scope))
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('match_run as r')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(inScope(scope, 'r.office_id'))
      .where(notPartInScope(scope))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/**
 * The parts of region run `parentId` with their office's name and the counts of their stored lists
 * (clients with at least one place, places with at least one client). Not scoped: the caller has read the
 * region run in its scope and shows other offices' parts only as counts.
 */
export function selectParts(db: Executor, parentId: string) {
  return db
    .selectFrom('match_run as r')
    .innerJoin('office as o', 'o.id', 'r.office_id')
    .where('r.parent_id', '=', parentId)
    .select([
      'r.id',
      'r.office_id',
      'o.name as office_name',
      'r.status',
      'r.config_version',
      'r.client_count',
      'r.place_count',
      'r.progress_done',
      'r.progress_total',
      'r.result_count',
      sql<number>`(select count(distinct x.client_id)::int from match_run_result x where x.run_id = r.id and x.direction = 'places')`.as(
        'clients_with',
      ),
      sql<number>`(select count(distinct x.place_id)::int from match_run_result x where x.run_id = r.id and x.direction = 'clients')`.as(
        'places_with',
      ),
    ])
    .orderBy('o.name')
    .orderBy('r.id')
    .execute();
}

/** A part of a region run as read by `selectParts`. */
export type PartRow = Awaited<ReturnType<typeof selectParts>>[number];

/** Inserts a queued run and returns its id. */
export async function insertRun(
  db: Executor,
  row: {
    office_id: string;
    scope: string;
    k: number;
    direction: string;
    filters: Record<string, unknown>;
    config: Record<string, unknown>;
    config_version: number;
    created_by: string | null;
    parent_id?: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('match_run')
    .values({ ...row, filters: JSON.stringify(row.filters), config: JSON.stringify(row.config) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes of a run's state (status, progress, counts, stamp); always refreshes the heartbeat. */
export interface RunPatch {
  status?: 'queued' | 'running' | 'done' | 'failed';
  progress_done?: number;
  progress_total?: number;
  client_count?: number;
  place_count?: number;
  result_count?: number;
  data_stamp?: string;
  error_code?: string | null;
  started?: boolean;
  finished?: boolean;
}

/** Updates a run's state. */
export async function updateRun(db: Executor, id: string, p: RunPatch): Promise<void> {
  const { started, finished, ...rest } = p;
  await db
    .updateTable('match_run')
    .set({
      ...rest,
      heartbeat_at: sql`now()`,
      ...(started && { started_at: sql`now()` }),
      ...(finished && { finished_at: sql`now()` }),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks queued or running runs of `scope` whose runner gave no sign of life for `minutes` as failed
 * (`interrupted`: the server stopped), except those this process runs (`activeIds`).
 */
export async function failStaleRuns(
  db: Executor,
  scope: OfficeScope,
  activeIds: readonly string[],
  minutes = 5,
): Promise<void> {
  let q = db
    .updateTable('match_run as r')
    .set({ status: 'failed', error_code: 'interrupted', finished_at: sql`now()` })
    .where('r.status', 'in', ['queued', 'running'])
    .where(sql<boolean>`r.heartbeat_at < now() - ${minutes}::int * interval '1 minute'`)
    .where(inScope(scope, 'r.office_id'));
  if (activeIds.length > 0) q = q.where('r.id', 'not in', [...activeIds]);
  await q.execute();
}

/** One stored result entry. */
export interface ResultRow {
  direction: 'places' | 'clients';
  client_id: string;
  place_id: string;
  rank: number;
  score: number;
}

/** Appends result entries of a run (one multi-row insert per 1,000 entries). */
export async function insertResults(
  db: Executor,
  runId: string,
  officeId: string,
  rows: readonly ResultRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('match_run_result')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, run_id: runId, office_id: officeId })))
      .execute();
  }
}

/** Deletes the results of a run (a failed run keeps none). */
export async function deleteResults(db: Executor, runId: string): Promise<void> {
  await db.deleteFrom('match_run_result').where('run_id', '=', runId).execute();
}

/** Filters of a result page. */
export interface ResultFilter {
  clientId?: string | undefined;
  placeId?: string | undefined;
  direction?: 'places' | 'clients' | undefined;
  limit: number;
  offset: number;
}

/**
 * A page of a run's results inside `scope`, ordered by list (direction, then the owner of the list: client of
 * a `places` list by family and given names, place of a `clients` list by company and title — read joins,
 * ADR 0003), then rank; with the total.
 */
export async function selectResults(db: Executor, scope: OfficeScope, runId: string, f: ResultFilter) {
  let q = db
    .selectFrom('match_run_result as x')
    .leftJoin('client as c', 'c.id', 'x.client_id')
    .leftJoin('training_place as tp', 'tp.id', 'x.place_id')
    .leftJoin('company as co', 'co.id', 'tp.company_id')
    .where('x.run_id', '=', runId)
    .where(inScope(scope, 'x.office_id'));
  if (f.clientId) q = q.where('x.client_id', '=', f.clientId);
  if (f.placeId) q = q.where('x.place_id', '=', f.placeId);
  if (f.direction) q = q.where('x.direction', '=', f.direction);
  const [rows, total] = await Promise.all([
    q
      .select(['x.direction', 'x.client_id', 'x.place_id', 'x.rank', 'x.score'])
      .orderBy('x.direction', 'desc')
      .orderBy(sql`case when x.direction = 'places' then lower(c.family_name) else lower(co.name) end`)
      .orderBy(sql`case when x.direction = 'places' then lower(c.given_names) else lower(tp.title) end`)
      .orderBy(sql`case when x.direction = 'places' then x.client_id else x.place_id end`)
      .orderBy('x.rank')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ResultRow[], total: total.n };
}
