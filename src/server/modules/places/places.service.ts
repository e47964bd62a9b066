import type { Updateable } from 'kysely';
import type { TPlaceKind, TPlaceSource, TPlaceStatus } from '../../../contracts/companies.enums';
import type {
  TCreatePlace,
  TPlace,
  TPlaceFilter,
  TPlaceQuery,
  TUpdatePlace,
} from '../../../contracts/places';
import { audit } from '../../platform/audit/audit';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { TrainingPlaceTable } from '../../platform/db/schema.companies';
import { AppError, conflict, notFound } from '../../platform/errors';
import { checkPlaceDraft, type DraftChanges, type PlaceDraft } from './places.checks';
import { distancesFrom } from './places.geo';
import * as repo from './places.repository';
import { todayIso } from './places.sql';

type TPlaceListItem = TPlace & { distanceKm: number | null };

/**
 * Office scope of the places module: the actor's own office only (a place of one service centre
 * is invisible — 404 — to every other office, as with cases).
 */
export function placeScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** Maps a repository row to the API shape (`ZPlaceListItem`). */
export function toPlace(r: repo.PlaceRow): TPlaceListItem {
  return {
    id: r.id,
    officeId: r.office_id,
    companyId: r.company_id,
    companyName: r.company_name,
    kind: r.kind as TPlaceKind,
    occupationId: r.occupation_id,
    occupationName: r.occupation_name,
    title: r.title,
    description: r.description,
    seats: r.seats,
    startsOn: r.starts_on,
    durationMonths: r.duration_months,
    postcode: r.postcode,
    place: r.place,
    street: r.street,
    minSchoolQualification: r.min_school_qualification as TPlace['minSchoolQualification'],
    minGermanLevel: r.min_german_level as TPlace['minGermanLevel'],
    drivingLicenceRequired: r.driving_licence_required,
    languageSupport: r.language_support,
    contactPersonId: r.contact_person_id,
    contactPersonName: r.contact_person_name,
    status: r.status as TPlaceStatus,
    published: r.published,
    source: r.source as TPlaceSource,
    externalRef: r.external_ref,
    candidateCount: r.candidate_count,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
    distanceKm: r.distance_km === null ? null : Number(r.distance_km),
  };
}

/** A place inside `scope`. @throws `not_found` (unknown or another office's place) */
export async function requirePlace(db: Executor, scope: OfficeScope, id: string): Promise<repo.PlaceRow> {
  const row = await repo.selectPlace(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/**
 * The company of a new place: of the actor's office, not merged, and still in the pipeline (a
 * company that `declined` or went `inactive` gets no new places; its existing places are kept).
 * @throws `not_found` (404, field `body.companyId`: unknown or another office's company),
 *   `place_invalid` (422, field `body.companyId` code `record_merged`, with `mergedIntoId`; code
 *   `company_not_active` for a declined or inactive company)
 */
async function requireCompany(db: Executor, scope: OfficeScope, companyId: string) {
  const company = await repo.selectCompany(db, scope, companyId);
  if (!company) throw new AppError('not_found', [{ field: 'body.companyId', code: 'not_found' }]);
  if (company.merged_into_id) {
    throw new AppError(
      'place_invalid',
      [{ field: 'body.companyId', code: 'record_merged', messageKey: 'record_merged' }],
      { mergedIntoId: company.merged_into_id },
    );
  }
  if (repo.INACTIVE_COMPANY_STAGES.includes(company.stage)) {
    throw new AppError('place_invalid', [
      { field: 'body.companyId', code: 'company_not_active', messageKey: 'company_not_active' },
    ]);
  }
  return company;
}

/**
 * Creates a training place of a company of the actor's office. Defaults: `durationMonths` from the
 * occupation's standard duration (EQ: at most 12), `postcode` and `place` from the company (the
 * place name from the postcode when only a postcode is given).
 * @throws `forbidden`, `not_found` (`body.companyId`), `place_invalid` (422, see `checkPlaceDraft`;
 *   merged, declined or inactive company), `validation` (400 from the schema, e.g. `body.seats`
 *   below 1)
 */
export async function createPlace(ctx: RequestContext, input: TCreatePlace): Promise<TPlace> {
  const actor = requireAccess(ctx, 'create', 'place');
  const scope = placeScope(actor);
  const company = await requireCompany(ctx.db, scope, input.companyId);
  const postcode = input.postcode !== undefined ? input.postcode : company.postcode;
  const draft: PlaceDraft = {
    companyId: company.id,
    kind: input.kind,
    occupationId: input.occupationId ?? null,
    startsOn: input.startsOn ?? null,
    durationMonths: input.durationMonths ?? null,
    postcode,
    contactPersonId: input.contactPersonId ?? null,
    status: input.status,
  };
  const all: DraftChanges = {
    creating: true,
    startsOn: true,
    status: true,
    occupation: true,
    postcode: input.postcode !== undefined,
    contactPerson: true,
    duration: true,
  };
  const checked = await checkPlaceDraft(ctx.db, draft, all, todayIso());
  const place =
    input.place !== undefined
      ? input.place
      : input.postcode !== undefined
        ? checked.postcodePlace
        : company.place;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertPlace(trx, {
      office_id: company.office_id,
      company_id: company.id,
      kind: input.kind,
      occupation_id: draft.occupationId,
      title: input.title ?? null,
      description: input.description ?? null,
      seats: input.seats,
      starts_on: draft.startsOn,
      duration_months: draft.durationMonths ?? checked.defaultDurationMonths,
      postcode,
      place: place ?? null,
      street: input.street ?? null,
      min_school_qualification: input.minSchoolQualification ?? null,
      min_german_level: input.minGermanLevel ?? null,
      driving_licence_required: input.drivingLicenceRequired,
      language_support: input.languageSupport,
      contact_person_id: draft.contactPersonId,
      status: input.status,
      published: input.published,
      source: 'manual',
      created_by: actor.system ? null : actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'training_place',
      entityId: newId,
      officeId: company.office_id,
      details: { companyId: company.id, kind: input.kind, occupationId: draft.occupationId },
    });
    return newId;
  });
  return toPlace(await requirePlace(ctx.db, scope, id));
}

/** One place of the actor's office. @throws `forbidden`, `not_found` */
export async function getPlace(ctx: RequestContext, id: string): Promise<TPlace> {
  const actor = requireAccess(ctx, 'read', 'place');
  return toPlace(await requirePlace(ctx.db, placeScope(actor), id));
}

const COLUMNS: Record<string, keyof TrainingPlaceTable> = {
  kind: 'kind',
  occupationId: 'occupation_id',
  title: 'title',
  description: 'description',
  seats: 'seats',
  startsOn: 'starts_on',
  durationMonths: 'duration_months',
  postcode: 'postcode',
  place: 'place',
  street: 'street',
  minSchoolQualification: 'min_school_qualification',
  minGermanLevel: 'min_german_level',
  drivingLicenceRequired: 'driving_licence_required',
  languageSupport: 'language_support',
  contactPersonId: 'contact_person_id',
  status: 'status',
  published: 'published',
};

/**
 * Changes a place (only the fields sent), with optimistic concurrency. Rules as on create; the start
 * date is checked against today when the place is (or becomes) open and the date or the status
 * changes. A new postcode without a place name takes the postcode's town. Seats and status follow the
 * place's signed contracts (`seatsAndStatus`).
 * @throws `forbidden`, `not_found`, `conflict` (409, stale `version`), `place_invalid` (422),
 *   `seats_below_contracts` (409, `body.seats` | `body.status`, with `contracts`)
 */
export async function updatePlace(ctx: RequestContext, id: string, input: TUpdatePlace): Promise<TPlace> {
  const actor = requireAccess(ctx, 'update', 'place');
  const scope = placeScope(actor);
  const before = await requirePlace(ctx.db, scope, id);
  if (before.version !== input.version) throw conflict();
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  const draft: PlaceDraft = {
    companyId: before.company_id,
    kind: pick(input.kind, before.kind as TPlaceKind),
    occupationId: pick(input.occupationId, before.occupation_id),
    startsOn: pick(input.startsOn, before.starts_on),
    durationMonths: pick(input.durationMonths, before.duration_months),
    postcode: pick(input.postcode, before.postcode),
    contactPersonId: pick(input.contactPersonId, before.contact_person_id),
    status: pick(input.status, before.status as TPlaceStatus),
  };
  const changed = (v: unknown, old: unknown) => v !== undefined && v !== old;
  const checked = await checkPlaceDraft(
    ctx.db,
    draft,
    {
      creating: false,
      startsOn: changed(input.startsOn, before.starts_on),
      status: changed(input.status, before.status),
      occupation: changed(input.occupationId, before.occupation_id) || changed(input.kind, before.kind),
      postcode: changed(input.postcode, before.postcode),
      contactPerson: changed(input.contactPersonId, before.contact_person_id),
      duration: changed(input.durationMonths, before.duration_months),
    },
    todayIso(),
  );
  const patch: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = input[key as keyof TUpdatePlace];
    if (v !== undefined) patch[column] = v;
  }
  if (changed(input.postcode, before.postcode) && input.place === undefined) {
    patch.place = checked.postcodePlace;
  }
  const fields = Object.keys(input).filter(
    (k) => k !== 'version' && input[k as keyof TUpdatePlace] !== undefined,
  );
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockPlace(trx, scope, id);
    if (!locked) throw notFound();
    const follows = seatsAndStatus(input, before, await repo.countContracts(trx, id));
    if (follows) patch.status = follows;
    const ok = await repo.updatePlaceVersioned(
      trx,
      scope,
      id,
      input.version,
      patch as Updateable<TrainingPlaceTable>,
    );
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'training_place',
      entityId: id,
      officeId: before.office_id,
      details: follows ? { fields: [...fields, 'status'], statusFollowsSeats: follows } : { fields },
    });
  });
  return toPlace(await requirePlace(ctx.db, scope, id));
}

/**
 * Seats and status of an edited place against its signed contracts (`contracts`): seats below the
 * contracts, or `open` while contracts take every seat, are refused; a change of seats alone moves the
 * status as contracts do (an open place whose seats are now all taken becomes `filled`, a filled place of
 * contracts with a seat free again — and a start not yet past — reopens).
 * @returns the status the place moves to, or null
 * @throws `seats_below_contracts` (409, `body.seats` | `body.status`, with `contracts`)
 */
function seatsAndStatus(
  input: TUpdatePlace,
  before: { seats: number; status: string; starts_on: string | null },
  contracts: number,
): 'open' | 'filled' | null {
  const seats = input.seats ?? before.seats;
  if (input.seats !== undefined && seats < contracts) {
    throw new AppError('seats_below_contracts', [{ field: 'body.seats', code: 'seats_below_contracts' }], {
      contracts,
    });
  }
  if (input.status === 'open' && contracts > 0 && contracts >= seats) {
    throw new AppError('seats_below_contracts', [{ field: 'body.status', code: 'place_seats_taken' }], {
      contracts,
    });
  }
  if (input.seats === undefined || input.status !== undefined || contracts === 0) return null;
  if (before.status === 'open' && contracts >= seats) return 'filled';
  const startOk = before.starts_on === null || before.starts_on >= todayIso();
  if (before.status === 'filled' && contracts < seats && startOk) return 'open';
  return null;
}

/** Checks the combination of `near`, `radiusKm` and `sort`. @throws `validation` (400, field `query.near`) */
export function checkNear(f: { near?: string | undefined; radiusKm?: number | undefined; sort: string }) {
  if (f.radiusKm !== undefined && !f.near) {
    throw new AppError('validation', [{ field: 'query.near', code: 'required' }]);
  }
  if (f.sort === 'distance' && !f.near) {
    throw new AppError('validation', [{ field: 'query.near', code: 'required' }]);
  }
}

async function filterOf(db: Executor, f: TPlaceFilter): Promise<repo.PlaceFilter> {
  checkNear(f);
  return {
    status: f.status,
    kind: f.kind,
    occupationId: f.occupationId,
    companyId: f.companyId,
    published: f.published,
    q: f.q,
    sort: f.sort,
    distances: f.near ? await distancesFrom(db, f.near, f.radiusKm) : undefined,
  };
}

/**
 * Places of the actor's office, filtered (status, kind, occupation, company, published, `q` over
 * title/occupation/company name, `near` + `radiusKm` in km with `distanceKm` per item), sorted by
 * start date or distance, paged; each item with company and occupation name.
 * @throws `forbidden`, `validation` (`query.near` missing for `radiusKm` or `sort=distance`),
 *   `invalid_postcode` (400) / `unknown_postcode` (404) for `query.near`
 */
export async function listPlaces(
  ctx: RequestContext,
  q: TPlaceQuery,
): Promise<{ items: TPlaceListItem[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'place');
  const { rows, total } = await repo.selectPlaces(ctx.db, placeScope(actor), await filterOf(ctx.db, q), {
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(toPlace), total };
}

/**
 * Every place of the actor's office matching the list filters, unpaged, for the CSV/XLSX export;
 * the export is audited (action `export`, with the number of rows).
 * @throws `forbidden` (roles without `export` on `place`), the filter errors of `listPlaces`
 */
export async function listPlacesForExport(ctx: RequestContext, query: TPlaceFilter): Promise<TPlace[]> {
  const actor = requireAccess(ctx, 'export', 'place');
  const { rows } = await repo.selectPlaces(ctx.db, placeScope(actor), await filterOf(ctx.db, query));
  await audit(ctx, ctx.db, {
    action: 'export',
    entityType: 'training_place',
    entityId: null,
    officeId: actor.officeId,
    details: { rows: rows.length, filter: query },
  });
  return rows.map((r) => {
    const { distanceKm: _d, ...place } = toPlace(r);
    return place;
  });
}
