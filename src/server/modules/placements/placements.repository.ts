import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { TPlacementStage } from '../../../contracts/placements';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { PlacementStageChangeTable, PlacementTable } from '../../platform/db/schema.placements';
import { OPEN_PLACEMENT_STAGES } from './placements.rules';

/**
 * Repository of `placement` and `placement_stage_change` (the only writer of both). Reads join
 * `client` (name), `training_place` with `company` and `occupation` (the place summary, seats, status,
 * company stage) and `app_user` (display names) read-only, as ADR 0003 allows; every query on
 * office-owned rows takes the office scope.
 */

/** `<ref> IN (<scope offices>)`: `true` for an installation-wide scope, `false` for an empty one. */
function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/** A `date` column as `YYYY-MM-DD` text (node-postgres would shift a JS Date under a non-UTC zone). */
function isoDate(ref: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;
}

function placementBase(db: Executor, scope: OfficeScope) {
  return db
    .selectFrom('placement as pl')
    .innerJoin('client as cl', 'cl.id', 'pl.client_id')
    .innerJoin('training_place as tp', 'tp.id', 'pl.place_id')
    .innerJoin('company as co', 'co.id', 'tp.company_id')
    .leftJoin('occupation as o', 'o.id', 'tp.occupation_id')
    .leftJoin('app_user as u', 'u.id', 'pl.created_by')
    .where(inScope(scope, 'pl.office_id'));
}

function selectColumns(q: ReturnType<typeof placementBase>) {
  return q.select([
    'pl.id',
    'pl.office_id',
    'pl.client_id',
    sql<string>`cl.given_names || ' ' || cl.family_name`.as('client_name'),
    'pl.place_id',
    'tp.kind as place_kind',
    'tp.title as place_title',
    'tp.occupation_id as place_occupation_id',
    'o.name as place_occupation_name',
    isoDate('tp.starts_on').$castTo<string | null>().as('place_starts_on'),
    sql<string | null>`tp.postcode::text`.as('place_postcode'),
    'tp.place as place_town',
    'tp.seats as place_seats',
    'tp.status as place_status',
    'co.id as company_id',
    'co.name as company_name',
    'co.stage as company_stage',
    'pl.stage',
    isoDate('pl.stage_on').as('stage_on'),
    isoDate('pl.proposed_on').as('proposed_on'),
    'pl.rejection_reason',
    'pl.rejection_note',
    'pl.trial_kind',
    'pl.source',
    'pl.score',
    'u.display_name as created_by_name',
    'pl.created_at',
    'pl.updated_at',
    'pl.version',
  ]);
}

/** A placement row with client, place, company and creator (dates `YYYY-MM-DD`). */
export type PlacementRow = NonNullable<Awaited<ReturnType<typeof selectPlacement>>>;

/** One placement inside `scope`, or undefined (also when outside the scope). */
export function selectPlacement(db: Executor, scope: OfficeScope, id: string) {
  return selectColumns(placementBase(db, scope)).where('pl.id', '=', id).executeTakeFirst();
}

/** Filters of the placement list (validated). `open`: true = not final, false = final. */
export interface PlacementFilter {
  clientId?: string | undefined;
  placeId?: string | undefined;
  companyId?: string | undefined;
  stage?: TPlacementStage | undefined;
  open?: boolean | undefined;
  limit: number;
  offset: number;
}

/** A page of placements inside `scope` (newest first) and the total count. */
export async function selectPlacements(db: Executor, scope: OfficeScope, f: PlacementFilter) {
  let base = placementBase(db, scope);
  if (f.clientId) base = base.where('pl.client_id', '=', f.clientId);
  if (f.placeId) base = base.where('pl.place_id', '=', f.placeId);
  if (f.companyId) base = base.where('tp.company_id', '=', f.companyId);
  if (f.stage) base = base.where('pl.stage', '=', f.stage);
  if (f.open !== undefined) {
    base = base.where('pl.stage', f.open ? 'in' : 'not in', OPEN_PLACEMENT_STAGES as TPlacementStage[]);
  }
  const [rows, count] = await Promise.all([
    selectColumns(base)
      .orderBy('pl.created_at', 'desc')
      .orderBy('pl.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Locks a placement inside `scope` for the rest of the transaction; returns its state. */
export function lockPlacement(db: Executor, scope: OfficeScope, id: string) {
  return db
    .selectFrom('placement as pl')
    .where('pl.id', '=', id)
    .where(inScope(scope, 'pl.office_id'))
    .select([
      'pl.id',
      'pl.office_id',
      'pl.client_id',
      'pl.place_id',
      'pl.stage',
      'pl.version',
      'pl.trial_kind',
      isoDate('pl.proposed_on').as('proposed_on'),
    ])
    .forUpdate()
    .executeTakeFirst();
}

/** The open placement of a client on a place, if any (at most one: partial unique index). */
export function selectOpenPlacementOf(db: Executor, clientId: string, placeId: string) {
  return db
    .selectFrom('placement')
    .where('client_id', '=', clientId)
    .where('place_id', '=', placeId)
    .where('stage', 'in', OPEN_PLACEMENT_STAGES as TPlacementStage[])
    .select('id')
    .executeTakeFirst();
}

/** Inserts a placement; returns its id, or null when the client has an open one on the place already. */
export async function insertPlacement(db: Executor, row: Insertable<PlacementTable>): Promise<string | null> {
  const r = await db
    .insertInto('placement')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['client_id', 'place_id'])
        .where('stage', 'in', OPEN_PLACEMENT_STAGES as TPlacementStage[])
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Updates a placement inside `scope` whose `version` still equals `version`, bumping it.
 * @returns true when a row changed, false when stale or outside the scope
 */
export async function updatePlacementVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<PlacementTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('placement as pl')
    .set({ ...patch, version: sql`pl.version + 1`, updated_at: sql`now()` })
    .where('pl.id', '=', id)
    .where('pl.version', '=', version)
    .where(inScope(scope, 'pl.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Deletes a placement inside `scope` while it is still `proposed` and carries `version` (its history
 * goes with it, by cascade). @returns true when deleted
 */
export async function deleteProposedPlacement(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
): Promise<boolean> {
  const r = await db
    .deleteFrom('placement as pl')
    .where('pl.id', '=', id)
    .where('pl.version', '=', version)
    .where('pl.stage', '=', 'proposed')
    .where(inScope(scope, 'pl.office_id'))
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Appends one stage change to a placement's history. */
export async function insertStageChange(db: Executor, row: Insertable<PlacementStageChangeTable>) {
  await db.insertInto('placement_stage_change').values(row).execute();
}

/** The history of a placement, oldest first, with the name of who recorded each change. */
export function selectStageChanges(db: Executor, placementId: string) {
  return db
    .selectFrom('placement_stage_change as h')
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .where('h.placement_id', '=', placementId)
    .select([
      'h.from_stage',
      'h.to_stage',
      isoDate('h.changed_on').as('changed_on'),
      'h.reason',
      'h.trial_kind',
      'h.note',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.created_at',
    ])
    .orderBy('h.changed_on')
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
}

/** Date of the latest stage change of a placement (`YYYY-MM-DD`), if any. */
export async function selectLastChangeOn(db: Executor, placementId: string): Promise<string | null> {
  const r = await db
    .selectFrom('placement_stage_change as h')
    .where('h.placement_id', '=', placementId)
    .select(sql<string | null>`to_char(max(h.changed_on), 'YYYY-MM-DD')`.as('last'))
    .executeTakeFirst();
  return r?.last ?? null;
}

/** Number of placements on a place that reached `contract` (seats taken). */
export async function countContracts(db: Executor, placeId: string): Promise<number> {
  const r = await db
    .selectFrom('placement')
    .where('place_id', '=', placeId)
    .where('stage', '=', 'contract')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Seats of a place, its row locked (`FOR UPDATE`) until the transaction ends: two placements of the same
 * place moved to `contract` at once then count each other's contract (no overbooking). Undefined when the
 * place does not exist.
 */
export function lockPlaceSeats(db: Executor, placeId: string) {
  return db
    .selectFrom('training_place')
    .where('id', '=', placeId)
    .select(['seats', 'kind'])
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The place a placement is made for, inside `scope` (read-only join of the places and companies
 * modules' tables, ADR 0003): status, seats, company and its stage and merge state.
 */
export function selectPlaceFacts(db: Executor, scope: OfficeScope, placeId: string) {
  return db
    .selectFrom('training_place as tp')
    .innerJoin('company as co', 'co.id', 'tp.company_id')
    .where('tp.id', '=', placeId)
    .where(inScope(scope, 'tp.office_id'))
    .select([
      'tp.id',
      'tp.office_id',
      'tp.status',
      'tp.seats',
      'tp.company_id',
      'tp.title',
      'tp.occupation_id',
      isoDate('tp.starts_on').as('starts_on'),
      'co.name as company_name',
      sql<string | null>`trim(co.postcode)`.as('company_postcode'),
      'co.chamber as company_chamber',
      'co.stage as company_stage',
      'co.merged_into_id as company_merged_into_id',
    ])
    .executeTakeFirst();
}

/**
 * Moves the placements of a merged client to the kept client (a `ClientMergeHandler` of the clients
 * module, wired in `app.ts`). Where both have an open placement on the same place, the merged
 * client's one is closed as `withdrawn` on `today` (history row, no user) so the kept one stays the
 * only open pairing.
 */
export async function moveClientPlacements(
  exec: Executor,
  fromClientId: string,
  toClientId: string,
): Promise<void> {
  const open = OPEN_PLACEMENT_STAGES as TPlacementStage[];
  const clashing = await exec
    .selectFrom('placement as a')
    .where('a.client_id', '=', fromClientId)
    .where('a.stage', 'in', open)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('placement as b')
          .select('b.id')
          .where('b.client_id', '=', toClientId)
          .where('b.stage', 'in', open)
          .whereRef('b.place_id', '=', 'a.place_id'),
      ),
    )
    .select(['a.id', 'a.office_id', 'a.stage'])
    .execute();
  const today = sql<string>`current_date`;
  for (const p of clashing) {
    await exec
      .updateTable('placement')
      .set({ stage: 'withdrawn', stage_on: today, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', p.id)
      .execute();
    await exec
      .insertInto('placement_stage_change')
      .values({
        placement_id: p.id,
        office_id: p.office_id,
        from_stage: p.stage,
        to_stage: 'withdrawn',
        changed_on: today,
        changed_by: null,
      })
      .execute();
  }
  await exec
    .updateTable('placement')
    .set({ client_id: toClientId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('client_id', '=', fromClientId)
    .execute();
}
