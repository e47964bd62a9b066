import { type RawBuilder, sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';

/**
 * Read joins of the matching data layer (ADR 0003: reading across modules' tables is allowed, writing is
 * not): the office's clients with their matching consent and current case, the office's training places
 * with their company, the occupation list, and a cheap fingerprint of all of it for the model cache.
 * Every query on office-owned rows takes an `OfficeScope`.
 */

/** `<ref> IN (<scope offices>)` (true for an installation-wide scope, false for an empty one). */
export function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/** A `date` column as `YYYY-MM-DD` text. */
function isoDate(ref: string): RawBuilder<string | null> {
  return sql<string | null>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;
}

/**
 * A cheap fingerprint of everything a matching model of `officeId` is built from: count, sum of versions and
 * latest change of the office's clients, places and companies (every update bumps `version`, so an update
 * inside the same second still changes the sum), count, withdrawals and latest record of its matching
 * consents, the loaded occupation list, the office's cases (a case at `placed` flags its client; all
 * cases closed exclude it) and placements (one at `contract` flags its client too).
 * One round trip, aggregates over indexed office rows.
 */
export async function selectDataStamp(db: Executor, officeId: string): Promise<string> {
  const r = await sql<{ stamp: string }>`
    select concat_ws('|',
      (select concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(extract(epoch from max(updated_at)), 0))
         from client where office_id = ${officeId}),
      (select concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(extract(epoch from max(updated_at)), 0))
         from training_place where office_id = ${officeId}),
      (select concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(extract(epoch from max(updated_at)), 0))
         from company where office_id = ${officeId}),
      (select concat_ws(':', count(*), count(withdrawn_on), coalesce(extract(epoch from max(recorded_at)), 0),
                        coalesce(max(given_on)::text, ''), coalesce(max(withdrawn_on)::text, ''))
         from consent where office_id = ${officeId} and purpose = 'matching'),
      (select coalesce(max(checksum), '') from reference_dataset where name = 'occupations'),
      (select concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(extract(epoch from max(updated_at)), 0))
         from "case" where office_id = ${officeId}),
      (select concat_ws(':', count(*), coalesce(sum(version), 0), coalesce(extract(epoch from max(updated_at)), 0))
         from placement where office_id = ${officeId})
    ) as stamp`.execute(db);
  return r.rows[0]?.stamp ?? '';
}

/** A client as the loader reads it (sensitive fields included: only matching roles reach the loader). */
export interface ClientMatchRow {
  id: string;
  postcode: string | null;
  mobility_radius_km: number | null;
  wished_occupation_ids: string[];
  interests: string | null;
  german_level: string | null;
  school_qualification: string | null;
  available_from: string | null;
  available_until: string | null;
  wanted_place_kinds: string[];
  residence_status: string | null;
  work_permit: string | null;
  driving_licence: boolean | null;
  /** An active consent with purpose `matching` on `today`. */
  matching_consent: boolean;
  /**
   * A case of the client at `placed` or `in_training`, or a placement at `contract` (a training contract is
   * signed).
   */
  placed: boolean;
  /** The client has cases and every one is closed. */
  case_closed: boolean;
}

/** The clients of `scope` (merged-away records left out), by id, with their matching consent on `today`. */
export async function selectMatchClients(
  db: Executor,
  scope: OfficeScope,
  today: string,
): Promise<ClientMatchRow[]> {
  // Clients with an active matching consent on `today` (one hash join instead of a lookup per client).
  const consenting = db
    .selectFrom('consent')
    .select('client_id')
    .distinct()
    .where(inScope(scope, 'office_id'))
    .where('purpose', '=', 'matching')
    .where('withdrawn_on', 'is', null)
    .where(sql<boolean>`given_on <= ${today}::date`);
  return db
    .selectFrom('client as c')
    .leftJoin(consenting.as('m'), 'm.client_id', 'c.id')
    .select([
      'c.id',
      sql<string | null>`trim(c.postcode)`.as('postcode'),
      'c.mobility_radius_km',
      'c.wished_occupation_ids',
      'c.interests',
      sql<string | null>`trim(c.german_level)`.as('german_level'),
      'c.school_qualification',
      isoDate('c.available_from').as('available_from'),
      isoDate('c.available_until').as('available_until'),
      'c.wanted_place_kinds',
      'c.residence_status',
      'c.work_permit',
      'c.driving_licence',
      sql<boolean>`m.client_id is not null`.as('matching_consent'),
      // Placed: a case says so, or a placement ended in a contract (also when the case was moved back).
      sql<boolean>`(exists (select 1 from "case" k where k.client_id = c.id and k.stage in ('placed', 'in_training'))
        or exists (select 1 from placement p where p.client_id = c.id and p.stage = 'contract'))`.as(
        'placed',
      ),
      sql<boolean>`(exists (select 1 from "case" k where k.client_id = c.id) and not exists (select 1 from "case" k where k.client_id = c.id and k.stage <> 'closed'))`.as(
        'case_closed',
      ),
    ])
    .where(inScope(scope, 'c.office_id'))
    .where('c.merged_into_id', 'is', null)
    .orderBy('c.id')
    .execute() as Promise<ClientMatchRow[]>;
}

/** A training place as the loader reads it, with its company's postcode and pipeline stage. */
export interface PlaceMatchRow {
  id: string;
  company_id: string;
  kind: string;
  occupation_id: string | null;
  postcode: string | null;
  company_postcode: string | null;
  company_stage: string;
  min_school_qualification: string | null;
  min_german_level: string | null;
  language_support: boolean;
  driving_licence_required: boolean;
  starts_on: string | null;
  status: string;
}

/** The training places of `scope`, by id. */
export async function selectMatchPlaces(db: Executor, scope: OfficeScope): Promise<PlaceMatchRow[]> {
  return db
    .selectFrom('training_place as p')
    .innerJoin('company as co', 'co.id', 'p.company_id')
    .select([
      'p.id',
      'p.company_id',
      'p.kind',
      'p.occupation_id',
      sql<string | null>`trim(p.postcode)`.as('postcode'),
      sql<string | null>`trim(co.postcode)`.as('company_postcode'),
      'co.stage as company_stage',
      'p.min_school_qualification',
      sql<string | null>`trim(p.min_german_level)`.as('min_german_level'),
      'p.language_support',
      'p.driving_licence_required',
      isoDate('p.starts_on').as('starts_on'),
      'p.status',
    ])
    .where(inScope(scope, 'p.office_id'))
    .orderBy('p.id')
    .execute() as Promise<PlaceMatchRow[]>;
}

/** The occupation list (recognised training occupations and EQ fields), by id. */
export function selectOccupations(db: Executor) {
  return db
    .selectFrom('occupation')
    .select(['id', 'name', 'kldb', 'aliases', 'field'])
    .orderBy('id')
    .execute();
}

/** A place as shown next to a suggestion (company and occupation names; postcode/town fall back to the company's). */
export interface PlaceSummaryRow {
  id: string;
  title: string | null;
  occupation_id: string | null;
  occupation_name: string | null;
  company_id: string;
  company_name: string;
  kind: string;
  postcode: string | null;
  town: string | null;
  starts_on: string | null;
  status: string;
  office_id: string;
}

/** Summaries of the given places inside `scope` (missing ids are left out). */
export async function selectPlaceSummaries(
  db: Executor,
  scope: OfficeScope,
  ids: readonly string[],
): Promise<PlaceSummaryRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('training_place as p')
    .innerJoin('company as co', 'co.id', 'p.company_id')
    .leftJoin('occupation as o', 'o.id', 'p.occupation_id')
    .select([
      'p.id',
      'p.title',
      'p.occupation_id',
      'o.name as occupation_name',
      'p.company_id',
      'co.name as company_name',
      'p.kind',
      sql<string | null>`trim(coalesce(p.postcode, co.postcode))`.as('postcode'),
      sql<string | null>`case when p.postcode is not null then p.place else co.place end`.as('town'),
      isoDate('p.starts_on').as('starts_on'),
      'p.status',
      'p.office_id',
    ])
    .where('p.id', 'in', [...ids])
    .where(inScope(scope, 'p.office_id'))
    .execute() as Promise<PlaceSummaryRow[]>;
}

/** A client as shown next to a suggestion, with the current case (open one first, else the newest). */
export interface ClientSummaryRow {
  id: string;
  given_names: string;
  family_name: string;
  spoken_name: string | null;
  postcode: string | null;
  town: string | null;
  german_level: string | null;
  case_id: string | null;
  case_stage: string | null;
  office_id: string;
  merged_into_id: string | null;
}

/** Summaries of the given clients inside `scope` (missing ids are left out). */
export async function selectClientSummaries(
  db: Executor,
  scope: OfficeScope,
  ids: readonly string[],
): Promise<ClientSummaryRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('client as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case as k')
          .select(['k.id', 'k.stage'])
          .whereRef('k.client_id', '=', 'c.id')
          .whereRef('k.office_id', '=', 'c.office_id')
          .orderBy(sql`k.stage = 'closed'`)
          .orderBy('k.created_at', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.given_names',
      'c.family_name',
      'c.spoken_name',
      sql<string | null>`trim(c.postcode)`.as('postcode'),
      'c.place as town',
      sql<string | null>`trim(c.german_level)`.as('german_level'),
      'cur.id as case_id',
      'cur.stage as case_stage',
      'c.office_id',
      'c.merged_into_id',
    ])
    .where('c.id', 'in', [...ids])
    .where(inScope(scope, 'c.office_id'))
    .execute() as Promise<ClientSummaryRow[]>;
}

/** Companies of `scope` by id (for the assignment), with name; missing ids left out. */
export function selectCompanies(db: Executor, scope: OfficeScope, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('company as co')
    .select(['co.id', 'co.name', 'co.merged_into_id'])
    .where('co.id', 'in', [...ids])
    .where(inScope(scope, 'co.office_id'))
    .execute();
}
