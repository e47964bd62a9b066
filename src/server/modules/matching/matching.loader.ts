import type { TCefrLevel, TResidenceStatus } from '../../../contracts/clients';
import type { TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import { officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { type Centroid, postcodeCentroids } from '../reference/index';
import {
  createMatchModel,
  type MatchClient,
  type MatchModel,
  type MatchOccupation,
  type MatchPlace,
  type TMatchConfig,
  type TMatchSchool,
  type TMatchWorkPermit,
} from './engine/index';
import * as repo from './matching.repository';
import { interestKeywords } from './matching.text';

/**
 * The data layer of matching: reads an office's clients (with the matching consent of the day), its
 * training places (postcode centroid, falling back to the company's postcode) and the occupation list into
 * a `MatchModel`, and caches that model per office and database. The cache key is a fingerprint of the data
 * (`selectDataStamp`: counts, version sums and latest changes of clients, places, companies and matching
 * consents), the day (consents and windows depend on it) and the office's config version, so a suggestion
 * request costs one aggregate query when nothing changed and a rebuild after any write.
 */

/** Engine input of one office plus what was read. */
export interface OfficeMatchInput {
  clients: MatchClient[];
  places: MatchPlace[];
  occupations: MatchOccupation[];
}

const CEFR = new Set(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
const SCHOOL = new Set(['none', 'esa', 'msa', 'fachhochschulreife', 'abitur']);
const PERMIT = new Set(['yes', 'no', 'applied', 'not_needed']);
const KINDS = new Set(['apprenticeship', 'internship', 'entry_qualification', 'taster_day']);

const pick = <T extends string>(set: Set<string>, v: string | null | undefined): T | null =>
  v && set.has(v) ? (v as T) : null;

/** Companies whose places are not offered any more (side exits of the pipeline, DOMAIN.md). */
const INACTIVE_COMPANY = new Set(['declined', 'inactive']);

/** Maps a client row to the engine's client (`lat`/`lon` = postcode centroid or null). */
export function toMatchClient(r: repo.ClientMatchRow, centroids: ReadonlyMap<string, Centroid>): MatchClient {
  const c = r.postcode ? centroids.get(r.postcode) : undefined;
  return {
    id: r.id,
    lat: c?.lat ?? null,
    lon: c?.lon ?? null,
    mobilityRadiusKm: r.mobility_radius_km,
    wishedOccupationIds: r.wished_occupation_ids ?? [],
    interests: interestKeywords(r.interests),
    germanLevel: pick<TCefrLevel>(CEFR, r.german_level),
    schoolQualification: pick<TMatchSchool>(SCHOOL, r.school_qualification),
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    wantedKinds: (r.wanted_place_kinds ?? []).filter((k) => KINDS.has(k)) as TPlaceKind[],
    matchingConsent: r.matching_consent,
    placed: r.placed,
    caseClosed: r.case_closed,
    residenceStatus: (r.residence_status as TResidenceStatus | null) ?? null,
    workPermit: pick<TMatchWorkPermit>(PERMIT, r.work_permit),
    drivingLicence: r.driving_licence,
  };
}

/**
 * Maps a place row to the engine's place: the place's postcode centroid, else the company's; a place of a
 * company that declined or went inactive counts as `withdrawn` (it is not offered any more).
 */
export function toMatchPlace(r: repo.PlaceMatchRow, centroids: ReadonlyMap<string, Centroid>): MatchPlace {
  const c =
    (r.postcode && centroids.get(r.postcode)) || (r.company_postcode && centroids.get(r.company_postcode));
  const status = INACTIVE_COMPANY.has(r.company_stage) ? 'withdrawn' : (r.status as TPlaceStatus);
  return {
    id: r.id,
    companyId: r.company_id,
    kind: r.kind as TPlaceKind,
    occupationId: r.occupation_id,
    lat: c ? c.lat : null,
    lon: c ? c.lon : null,
    minSchoolQualification: pick<TMatchSchool>(SCHOOL, r.min_school_qualification),
    minGermanLevel: pick<TCefrLevel>(CEFR, r.min_german_level),
    languageSupport: r.language_support,
    drivingLicenceRequired: r.driving_licence_required,
    startsOn: r.starts_on,
    status,
  };
}

const occupationCache = new WeakMap<object, { checksum: string; list: Promise<MatchOccupation[]> }>();

/** The occupation list for the engine, read once per database and occupation data set (checksum in the stamp). */
async function occupationsOf(db: Executor, stamp: string): Promise<MatchOccupation[]> {
  const checksum = stamp.slice(stamp.lastIndexOf('|') + 1);
  const hit = occupationCache.get(db);
  if (hit && hit.checksum === checksum) return hit.list;
  const list = repo
    .selectOccupations(db)
    .then((rows) =>
      rows.map((o) => ({ id: o.id, kldb: o.kldb, name: o.name, aliases: o.aliases ?? [], field: o.field })),
    );
  occupationCache.set(db, { checksum, list });
  list.catch(() => occupationCache.delete(db));
  return list;
}

/** Reads the engine input of one office (clients by id, places by id, the occupation list). */
export async function loadOfficeInput(
  db: Executor,
  officeId: string,
  today: string,
  stamp?: string,
): Promise<OfficeMatchInput> {
  const scope = officesScope([officeId]);
  const [clientRows, placeRows, centroids, occupations] = await Promise.all([
    repo.selectMatchClients(db, scope, today),
    repo.selectMatchPlaces(db, scope),
    postcodeCentroids(db),
    occupationsOf(db, stamp ?? (await repo.selectDataStamp(db, officeId))),
  ]);
  return {
    clients: clientRows.map((r) => toMatchClient(r, centroids)),
    places: placeRows.map((r) => toMatchPlace(r, centroids)),
    occupations,
  };
}

/** A cached model of one office with how it was built. */
export interface OfficeModel {
  officeId: string;
  model: MatchModel;
  /** Data fingerprint (`selectDataStamp`) the model was built from. */
  stamp: string;
  configVersion: number;
  today: string;
  /** Milliseconds to read the data and to compile the model. */
  loadMs: number;
  compileMs: number;
  /** Input records by id (the place records give company ids and kinds to the assignment). */
  placeById: ReadonlyMap<string, MatchPlace>;
  clientById: ReadonlyMap<string, MatchClient>;
}

/** Offices kept per database (least recently used dropped first). */
const MAX_OFFICES = 16;
const models = new WeakMap<object, Map<string, { key: string; entry: Promise<OfficeModel> }>>();

/** Builds a model of one office now (no cache). @throws MatchConfigError for an invalid stored config */
export async function buildOfficeModel(
  db: Executor,
  opts: { officeId: string; today: string; config: TMatchConfig; configVersion: number; stamp?: string },
): Promise<OfficeModel> {
  const t0 = performance.now();
  const stamp = opts.stamp ?? (await repo.selectDataStamp(db, opts.officeId));
  const input = await loadOfficeInput(db, opts.officeId, opts.today, stamp);
  const t1 = performance.now();
  const model = createMatchModel({ ...input, config: opts.config });
  const t2 = performance.now();
  return {
    officeId: opts.officeId,
    model,
    stamp,
    configVersion: opts.configVersion,
    today: opts.today,
    loadMs: t1 - t0,
    compileMs: t2 - t1,
    placeById: new Map(input.places.map((p) => [p.id, p])),
    clientById: new Map(input.clients.map((c) => [c.id, c])),
  };
}

/**
 * The office's model, from the cache when data, day and config version are unchanged (one aggregate query),
 * else rebuilt. Concurrent requests share one build.
 */
export async function officeModel(
  db: Executor,
  opts: { officeId: string; today: string; config: TMatchConfig; configVersion: number },
): Promise<OfficeModel> {
  const stamp = await repo.selectDataStamp(db, opts.officeId);
  const key = `${stamp}#${opts.today}#${opts.configVersion}`;
  let perDb = models.get(db);
  if (!perDb) {
    perDb = new Map();
    models.set(db, perDb);
  }
  const hit = perDb.get(opts.officeId);
  if (hit && hit.key === key) {
    // Refresh its place in the LRU order.
    perDb.delete(opts.officeId);
    perDb.set(opts.officeId, hit);
    return hit.entry;
  }
  const entry = buildOfficeModel(db, { ...opts, stamp });
  perDb.delete(opts.officeId);
  perDb.set(opts.officeId, { key, entry });
  while (perDb.size > MAX_OFFICES) perDb.delete(perDb.keys().next().value as string);
  entry.catch(() => {
    if (perDb.get(opts.officeId)?.entry === entry) perDb.delete(opts.officeId);
  });
  return entry;
}

/** Drops the cached models of a database (tests; after a bulk change that bypasses versions). */
export function clearModelCache(db: Executor): void {
  models.delete(db);
}
