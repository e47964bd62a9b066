import { type Insertable, sql, type Updateable } from 'kysely';
import type { TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import type { TPlaceSort } from '../../../contracts/places';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { TrainingPlaceTable } from '../../platform/db/schema.companies';
import { foldUnaccent } from '../../platform/text';
import type { PostcodeDistances } from './places.geo';
import { containsPattern, inScope, isoDate } from './places.sql';

/**
 * Repository of `training_place` (the only writer). Reads join `company` and
 * `company_contact_person` (companies module: names, postcode, merge state), `occupation`
 * (reference: names) and `office` read-only, as ADR 0003 allows; every office-owned query takes
 * the office scope.
 */

const NO_DISTANCES: PostcodeDistances = { postcodes: [], km: [], limited: false };

/** The place base of every read: company, occupation, contact person and the distances `d(postcode, km)`. */
function placeFrom(db: Executor, distances: PostcodeDistances = NO_DISTANCES) {
  const base = db
    .selectFrom('training_place as p')
    .innerJoin('company as c', 'c.id', 'p.company_id')
    .leftJoin('occupation as o', 'o.id', 'p.occupation_id')
    .leftJoin('company_contact_person as cp', 'cp.id', 'p.contact_person_id');
  const table = sql<{
    postcode: string;
    km: number;
  }>`(select * from unnest(${distances.postcodes}::text[], ${distances.km}::float8[]) as u(postcode, km))`.as(
    'd',
  );
  const on = sql<boolean>`d.postcode = p.postcode::text`;
  const left = base.leftJoin(table, (j) => j.on(on));
  // Within a radius, places without a postcode in it drop out; otherwise the distance is only informative.
  if (distances.limited) return base.innerJoin(table, (j) => j.on(on)) as unknown as typeof left;
  return left;
}

type Joined = ReturnType<typeof placeFrom>;

function selectPlaceColumns(q: Joined) {
  return q.select([
    'p.id',
    'p.office_id',
    'p.company_id',
    'c.name as company_name',
    'p.kind',
    'p.occupation_id',
    'o.name as occupation_name',
    'p.title',
    'p.description',
    'p.seats',
    isoDate('p.starts_on').$castTo<string | null>().as('starts_on'),
    'p.duration_months',
    sql<string | null>`p.postcode::text`.as('postcode'),
    'p.place',
    'p.street',
    'p.min_school_qualification',
    sql<string | null>`trim(p.min_german_level)`.as('min_german_level'),
    'p.driving_licence_required',
    'p.language_support',
    'p.contact_person_id',
    'cp.name as contact_person_name',
    'p.status',
    'p.published',
    'p.source',
    'p.external_ref',
    'p.version',
    'p.created_at',
    'p.updated_at',
    sql<number>`(select count(*) from place_candidate pc where pc.place_id = p.id)::int`.as(
      'candidate_count',
    ),
    sql<number | null>`d.km`.as('distance_km'),
  ]);
}

/** A place row with company, occupation and contact-person names (dates `YYYY-MM-DD`). */
export type PlaceRow = NonNullable<Awaited<ReturnType<typeof selectPlace>>>;

/** One place inside `scope`, or undefined. */
export function selectPlace(db: Executor, scope: OfficeScope, id: string) {
  return selectPlaceColumns(placeFrom(db))
    .where('p.id', '=', id)
    .where(inScope(scope, 'p.office_id'))
    .executeTakeFirst();
}

/** Filters of the office's place list (validated; `distances` from `near`/`radiusKm`). */
export interface PlaceFilter {
  status?: TPlaceStatus | undefined;
  kind?: TPlaceKind | undefined;
  occupationId?: string | undefined;
  companyId?: string | undefined;
  published?: boolean | undefined;
  q?: string | undefined;
  sort: TPlaceSort;
  distances?: PostcodeDistances | undefined;
}

function applyFilter(q: Joined, f: PlaceFilter): Joined {
  let out = q;
  if (f.status) out = out.where('p.status', '=', f.status);
  if (f.kind) out = out.where('p.kind', '=', f.kind);
  if (f.occupationId) out = out.where('p.occupation_id', '=', f.occupationId);
  if (f.companyId) out = out.where('p.company_id', '=', f.companyId);
  if (f.published !== undefined) out = out.where('p.published', '=', f.published);
  if (f.q) {
    // Folded like `lower(unaccent(…))` on the SQL side: "Aydın", "AYDIN" and "aydin" find each other.
    const like = containsPattern(foldUnaccent(f.q));
    out = out.where(
      sql<boolean>`(lower(unaccent(coalesce(p.title, '') || ' ' || c.name)) like ${like} or coalesce(o.search_text, '') like ${like})`,
    );
  }
  return out;
}

/** The order of a sort: distance first when asked, then start date (undated last), title, id. */
function orderOf(sort: TPlaceSort) {
  const byStart = sql`p.starts_on asc nulls last, coalesce(p.title, o.name), p.id`;
  return sort === 'distance' ? sql`d.km asc nulls last, ${byStart}` : byStart;
}

/** Place rows inside `scope`, filtered and sorted, with the total for paging (no paging: all rows). */
export async function selectPlaces(
  db: Executor,
  scope: OfficeScope,
  f: PlaceFilter,
  paging?: { limit: number; offset: number },
) {
  const base = applyFilter(placeFrom(db, f.distances).where(inScope(scope, 'p.office_id')), f);
  let rows = selectPlaceColumns(base).orderBy(orderOf(f.sort));
  if (paging) rows = rows.limit(paging.limit).offset(paging.offset);
  const [items, count] = await Promise.all([
    rows.execute(),
    paging
      ? base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
      : Promise.resolve(undefined),
  ]);
  return { rows: items, total: count ? Number(count.n) : items.length };
}

/** Filters of the public place list. */
export interface PublicFilter {
  kind?: TPlaceKind | undefined;
  occupationId?: string | undefined;
  sort: TPlaceSort;
  distances?: PostcodeDistances | undefined;
  today: string;
  limit: number;
  offset: number;
}

/** Company stages whose places stay off the public list (the company said no or went quiet). */
export const INACTIVE_COMPANY_STAGES: readonly string[] = ['declined', 'inactive'];

/**
 * Published, open places of every office whose start is today or later (or undated) and whose
 * company is still in the pipeline (not `declined`/`inactive`), for the public place list; only
 * public-safe columns (no contact person, street or description).
 */
export async function selectPublicPlaces(db: Executor, f: PublicFilter) {
  let base = placeFrom(db, f.distances)
    .innerJoin('office as of', 'of.id', 'p.office_id')
    .where('p.published', '=', true)
    .where('p.status', '=', 'open')
    .where('c.stage', 'not in', [...INACTIVE_COMPANY_STAGES])
    .where((eb) => eb.or([eb('p.starts_on', 'is', null), eb('p.starts_on', '>=', f.today)]));
  if (f.kind) base = base.where('p.kind', '=', f.kind);
  if (f.occupationId) base = base.where('p.occupation_id', '=', f.occupationId);
  const [items, count] = await Promise.all([
    base
      .orderBy(orderOf(f.sort))
      .select([
        'p.id',
        'p.kind',
        'p.occupation_id',
        'o.name as occupation_name',
        'p.title',
        'c.name as company_name',
        sql<string | null>`p.postcode::text`.as('postcode'),
        'p.place',
        isoDate('p.starts_on').$castTo<string | null>().as('starts_on'),
        'p.duration_months',
        'p.seats',
        'p.min_school_qualification',
        sql<string | null>`trim(p.min_german_level)`.as('min_german_level'),
        'p.driving_licence_required',
        'p.language_support',
        'of.name as office_name',
        sql<number | null>`d.km`.as('distance_km'),
      ])
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(count.n) };
}

/** Locks a place row inside `scope` for the rest of the transaction; returns its state. */
export function lockPlace(db: Executor, scope: OfficeScope, id: string) {
  return db
    .selectFrom('training_place as p')
    .where('p.id', '=', id)
    .where(inScope(scope, 'p.office_id'))
    .select(['p.id', 'p.office_id', 'p.company_id', 'p.status', 'p.version'])
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Signed training contracts on a place: placements at stage `contract` (read of the placements module's
 * table, ADR 0003). With the place row locked (`lockPlace`) the count cannot change until the end of the
 * transaction: placements lock the same row before recording a contract.
 */
export async function countContracts(db: Executor, placeId: string): Promise<number> {
  const r = await db
    .selectFrom('placement')
    .where('place_id', '=', placeId)
    .where('stage', '=', 'contract')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts one place and returns its id. */
export async function insertPlace(db: Executor, row: Insertable<TrainingPlaceTable>): Promise<string> {
  const r = await db.insertInto('training_place').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates a place inside `scope` whose `version` still equals `version`, bumping it.
 * @returns true when a row changed, false when stale or outside the scope
 */
export async function updatePlaceVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<TrainingPlaceTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('training_place as p')
    .set({ ...patch, version: sql`p.version + 1`, updated_at: sql`now()` })
    .where('p.id', '=', id)
    .where('p.version', '=', version)
    .where(inScope(scope, 'p.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * A company inside `scope` (read-only join on the companies module's table): name, address, stage
 * and merge state, or undefined.
 */
export function selectCompany(db: Executor, scope: OfficeScope, id: string) {
  return db
    .selectFrom('company as c')
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .select([
      'c.id',
      'c.office_id',
      'c.name',
      sql<string | null>`c.postcode::text`.as('postcode'),
      'c.place',
      'c.stage',
      'c.merged_into_id',
    ])
    .executeTakeFirst();
}

/** True when contact person `id` belongs to company `companyId` (read-only). */
export async function contactPersonOfCompany(db: Executor, companyId: string, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('company_contact_person')
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .select('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The contact persons (id, name) of the given companies (read-only; for the demo seed). */
export function selectContactPersonsOf(db: Executor, companyIds: readonly string[]) {
  if (companyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('company_contact_person')
    .select(['id', 'company_id', 'name'])
    .where('company_id', 'in', [...companyIds])
    .execute();
}
