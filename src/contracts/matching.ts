import { z } from 'zod';
import { ZCaseStage } from './cases';
import { ZCefrLevel, ZDate } from './clients';
import { ZTimestamp, ZVersion } from './common';
import { ZPlaceKind, ZPlaceStatus } from './companies.enums';

/**
 * Matching (issue 6): the API contract of `/api/clients/:id/suggestions`, `/api/places/:id/matching-candidates`,
 * `/api/matching/*` — explained suggestions (DOMAIN.md `MatchSuggestion`), the office's weights, stored
 * batch runs and the speed-dating assignment. Scores are 0..1 (higher = better fit); distances in km
 * (great-circle between postcode centroids); dates `YYYY-MM-DD`. Scoring rules, defaults and the reason for
 * each default: docs/decisions/0004-matching-engine.md. In the summaries `town` is the place name of the
 * postcode (the field called `place` in the clients and places contracts). Responses are the objects below
 * themselves (no `{ run: … }` wrapper); `POST /api/matching/runs` answers 202.
 */

// ---------------------------------------------------------------------------------------------------------
// Codes of the engine

/** The six scored factors, in the order of every explanation. */
export const ZMatchFactorKey = z.enum(['occupation', 'distance', 'language', 'school', 'start', 'kind']);
/** A scored factor. */
export type TMatchFactorKey = z.infer<typeof ZMatchFactorKey>;

/**
 * Why a factor has its value where that is not obvious. Unknown inputs (the factor gets the neutral
 * `unknownValue`, default 0.5): `no_wished_occupation`, `wished_occupation_unknown`, `interests_unmatched`,
 * `place_occupation_missing`, `client_postcode_missing`, `place_postcode_missing`,
 * `client_german_level_unknown`, `client_school_unknown`, `client_availability_unknown`,
 * `place_start_missing`, `no_kind_preference`. Notes on known inputs: `mobility_radius_default`,
 * `no_requirement`, `language_support`, `kind_not_wanted`, `before_window`, `after_window`.
 */
export const ZMatchReasonCode = z.enum([
  'no_wished_occupation',
  'wished_occupation_unknown',
  'interests_unmatched',
  'place_occupation_missing',
  'client_postcode_missing',
  'place_postcode_missing',
  'mobility_radius_default',
  'client_german_level_unknown',
  'client_school_unknown',
  'client_availability_unknown',
  'place_start_missing',
  'no_kind_preference',
  'no_requirement',
  'language_support',
  'kind_not_wanted',
  'before_window',
  'after_window',
]);
/** Reason code of a factor. */
export type TMatchReasonCode = z.infer<typeof ZMatchReasonCode>;

/**
 * Hard exclusions (the pair is never suggested): `no_matching_consent`, `case_closed` (every case of the client
 * is closed: the office no longer places them until a case is reopened), `nothing_to_match_on` (neither a
 * postcode nor any wish or interest recorded), `place_not_open`, `beyond_mobility_radius`,
 * `german_level_too_low` (two or more CEFR levels below without language support), `occupation_unrelated`.
 */
export const ZMatchExclusionCode = z.enum([
  'no_matching_consent',
  'case_closed',
  'nothing_to_match_on',
  'place_not_open',
  'beyond_mobility_radius',
  'german_level_too_low',
  'occupation_unrelated',
]);
/** Exclusion code. */
export type TMatchExclusionCode = z.infer<typeof ZMatchExclusionCode>;

/**
 * Flags shown on a suggestion without dropping it: `work_permit_missing` (the residence status needs a
 * Beschäftigungserlaubnis and none is recorded), `work_permit_pending` (applied for),
 * `driving_licence_missing` (the place requires one; the client has none or it is unknown), `already_placed`
 * (the client's case is at `placed` or `in_training`: a training contract is signed).
 */
export const ZMatchFlagCode = z.enum([
  'work_permit_missing',
  'work_permit_pending',
  'driving_licence_missing',
  'already_placed',
]);
/** Flag code. */
export type TMatchFlagCode = z.infer<typeof ZMatchFlagCode>;

/**
 * How the occupation fit was reached (the `raw` of the occupation factor), best first: `exact`, `same_code`
 * (same 5-digit KldB code), `subgroup` (4 digits), `group` (3), `main_group` (2), `interest`, `unrelated`,
 * `unknown`.
 */
export const ZOccupationLevel = z.enum([
  'exact',
  'same_code',
  'subgroup',
  'group',
  'main_group',
  'interest',
  'unrelated',
  'unknown',
]);

// ---------------------------------------------------------------------------------------------------------
// Suggestions

/**
 * One factor of a score. `value` 0..1; `weight` normalised (the weights sum to 1), so
 * `contribution = weight × value` and the contributions add up to the score. `raw` is the input: occupation →
 * an `ZOccupationLevel`, distance → km (0.1 km), language → CEFR levels missing (≤ 0 = met), school → levels
 * missing, start → days outside the availability window (0 = inside), kind → the place's kind; null when
 * unknown (then `reason` says why). `via`: the wished occupation (id) the occupation fit comes from.
 */
export const ZMatchFactor = z.object({
  key: ZMatchFactorKey,
  raw: z.union([z.number(), z.string()]).nullable(),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
  reason: ZMatchReasonCode.nullable(),
  via: z.string().nullable().optional(),
});
/** A factor of a score. */
export type TMatchFactor = z.infer<typeof ZMatchFactor>;

/** The explained score of one pair: score 0..1, the six factors, the flags. */
export const ZMatchScore = z.object({
  score: z.number(),
  factors: z.array(ZMatchFactor),
  flags: z.array(ZMatchFlagCode),
});
/** Explained score. */
export type TMatchScore = z.infer<typeof ZMatchScore>;

/**
 * A training place as shown next to a suggestion. `distanceKm`: to the client's postcode (null when either
 * postcode is unknown); `postcode`/`town` fall back to the company's when the place has none.
 */
export const ZMatchPlaceSummary = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  occupationId: z.string().nullable(),
  occupationName: z.string().nullable(),
  companyId: z.uuid(),
  companyName: z.string(),
  kind: ZPlaceKind,
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  distanceKm: z.number().nullable(),
  startsOn: ZDate.nullable(),
  status: ZPlaceStatus,
});
/** Place summary of a suggestion. */
export type TMatchPlaceSummary = z.infer<typeof ZMatchPlaceSummary>;

/**
 * A client as shown next to a suggestion: `displayName` = spoken name or given names, then family name;
 * `caseStage` of the client's open (latest) case, null without one.
 */
export const ZMatchClientSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  germanLevel: ZCefrLevel.nullable(),
  caseId: z.uuid().nullable(),
  caseStage: ZCaseStage.nullable(),
});
/** Client summary of a suggestion. */
export type TMatchClientSummary = z.infer<typeof ZMatchClientSummary>;

/** A suggested place for a client (client side: `GET /api/clients/:id/suggestions`). */
export const ZPlaceSuggestion = ZMatchScore.extend({ place: ZMatchPlaceSummary });
/** A suggested place. */
export type TPlaceSuggestion = z.infer<typeof ZPlaceSuggestion>;

/** A suggested client for a place (place side: `GET /api/places/:id/matching-candidates`). */
export const ZClientSuggestion = ZMatchScore.extend({ client: ZMatchClientSummary });
/** A suggested client. */
export type TClientSuggestion = z.infer<typeof ZClientSuggestion>;

/**
 * Why a client gets no suggestions at all: `no_matching_consent` (record the consent with purpose
 * `matching` first), `case_closed` (reopen the case to place the client again), `nothing_to_match_on` (record a postcode or an occupational wish or interest),
 * `no_open_places` (the office has no open place), `none_within_filters` (places exist, none passes the
 * exclusions and filters — widen the filters or the radius). Null when there are suggestions.
 */
export const ZClientEmptyReason = z.enum([
  'no_matching_consent',
  'case_closed',
  'nothing_to_match_on',
  'no_open_places',
  'none_within_filters',
]);
/**
 * Why a place gets no candidates: `place_not_open` (filled or withdrawn), `no_consenting_clients` (no
 * client of the office has an active matching consent), `none_within_filters`. Null when there are some.
 */
export const ZPlaceEmptyReason = z.enum(['place_not_open', 'no_consenting_clients', 'none_within_filters']);

/** Place kinds as a query value: comma-separated (`kind=apprenticeship,entry_qualification`). */
const ZKindList = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      // A kind named twice is one kind (it counts once towards the four).
      .filter((k, i, all) => all.indexOf(k) === i),
  )
  .pipe(z.array(ZPlaceKind).max(4));
/** Occupation ids as a query value: comma-separated. */
const ZIdList = z
  .string()
  .max(1300)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(120)).max(10));
/**
 * A decimal number as a query value ("12", "12.5"; not "0x10" or "1e3"); an empty value counts as not
 * given, so `maxKm=` and `minScore=` mean "no filter" alike.
 */
const queryNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === '' ? undefined : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v),
    schema,
  );
/** An empty query value counts as not given. */
const emptyAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);
const ZQueryFlag = emptyAsAbsent(
  z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

/**
 * Query of `GET /api/clients/:id/suggestions`: `k` 1–50 (default 10) best places; `kind` and `occupationId`
 * comma-separated lists; `maxKm` narrows (never widens) the client's mobility radius; `minScore` 0..1;
 * `withoutFlags=true` leaves out suggestions with a flag.
 */
export const ZClientSuggestionsQuery = z.object({
  k: queryNumber(z.int().min(1).max(50).default(10)),
  kind: ZKindList.optional(),
  occupationId: ZIdList.optional(),
  maxKm: queryNumber(z.number().positive().max(1000).optional()),
  minScore: queryNumber(z.number().min(0).max(1).optional()),
  withoutFlags: ZQueryFlag,
});
/** Parsed client suggestions query. */
export type TClientSuggestionsQuery = z.infer<typeof ZClientSuggestionsQuery>;

/**
 * Response of `GET /api/clients/:id/suggestions`: the best places, best first (ties by id); `empty` says why
 * there are none; `notes` are the client's unknown inputs that affect every suggestion (e.g.
 * `client_postcode_missing`, `no_wished_occupation`, `client_german_level_unknown`) so the counsellor
 * knows what to record; `configVersion` the weights used.
 */
export const ZClientSuggestions = z.object({
  client: ZMatchClientSummary,
  items: z.array(ZPlaceSuggestion),
  empty: ZClientEmptyReason.nullable(),
  notes: z.array(ZMatchReasonCode),
  configVersion: ZVersion,
});
/** Suggestions for a client. */
export type TClientSuggestions = z.infer<typeof ZClientSuggestions>;

/**
 * Query of `GET /api/places/:id/matching-candidates`: `k` 1–50 (default 10) best clients; `minGermanLevel`
 * keeps clients with at least this recorded level; `maxKm` narrows each client's radius; `minScore` 0..1;
 * `withoutFlags=true`.
 */
export const ZPlaceCandidatesQuery = z.object({
  k: queryNumber(z.int().min(1).max(50).default(10)),
  minGermanLevel: emptyAsAbsent(ZCefrLevel.optional()),
  maxKm: queryNumber(z.number().positive().max(1000).optional()),
  minScore: queryNumber(z.number().min(0).max(1).optional()),
  withoutFlags: ZQueryFlag,
});
/** Parsed place candidates query. */
export type TPlaceCandidatesQuery = z.infer<typeof ZPlaceCandidatesQuery>;

/**
 * Response of `GET /api/places/:id/matching-candidates`: best clients first; `empty` why there are none;
 * `notes` the place's unknown inputs (`place_occupation_missing`, `place_postcode_missing`,
 * `place_start_missing`).
 */
export const ZPlaceCandidates = z.object({
  place: ZMatchPlaceSummary,
  items: z.array(ZClientSuggestion),
  empty: ZPlaceEmptyReason.nullable(),
  notes: z.array(ZMatchReasonCode),
  configVersion: ZVersion,
});
/** Matching candidates of a place. */
export type TPlaceCandidates = z.infer<typeof ZPlaceCandidates>;

/** Query of `GET /api/matching/explain`. */
export const ZExplainQuery = z.object({ clientId: z.uuid(), placeId: z.uuid() });
/** Parsed explain query. */
export type TExplainQuery = z.infer<typeof ZExplainQuery>;

/**
 * Response of `GET /api/matching/explain`: one pair, also an excluded one — `excluded` names the first hard
 * exclusion (then `score` is 0 but the factors are still computed where possible), null when the pair can be
 * suggested. Without the client's matching consent nothing is scored: `factors` and `flags` are empty (the
 * consent is what allows matching to process the client's data, GDPR Art. 6(1)(a)).
 */
export const ZPairExplanation = ZMatchScore.extend({
  client: ZMatchClientSummary,
  place: ZMatchPlaceSummary,
  excluded: ZMatchExclusionCode.nullable(),
  configVersion: ZVersion,
});
/** Explanation of a pair. */
export type TPairExplanation = z.infer<typeof ZPairExplanation>;

// ---------------------------------------------------------------------------------------------------------
// Office weights and parameters

const OWN_CODE_WEIGHT = z
  .number({
    error: (iss) =>
      iss.input === undefined
        ? 'weight_missing'
        : typeof iss.input !== 'number'
          ? 'weight_not_a_number'
          : Number.isNaN(iss.input)
            ? 'weight_nan'
            : 'weight_not_finite',
  })
  .refine((v) => v >= 0, { error: 'weight_negative' })
  .refine((v) => v <= 1000, { error: 'weight_too_large' });

/**
 * Factor weights, relative (only their ratios count; the engine divides by their sum). Each finite, 0…1000;
 * at least one above 0. Issue codes: `weight_missing`, `weight_not_a_number`, `weight_nan`,
 * `weight_not_finite`, `weight_negative`, `weight_too_large`, `weights_all_zero`, `unrecognized_keys`.
 */
export const ZMatchWeights = z
  .strictObject({
    occupation: OWN_CODE_WEIGHT,
    distance: OWN_CODE_WEIGHT,
    language: OWN_CODE_WEIGHT,
    school: OWN_CODE_WEIGHT,
    start: OWN_CODE_WEIGHT,
    kind: OWN_CODE_WEIGHT,
  })
  .refine((w) => ZMatchFactorKey.options.some((k) => w[k] > 0), { error: 'weights_all_zero' });
/** Factor weights. */
export type TMatchWeights = z.infer<typeof ZMatchWeights>;

/** Default weights (sum 100); the reason for each: ADR 0004 and `ZMatchConfigView.defaults.reasons`. */
export const DEFAULT_WEIGHTS: Readonly<TMatchWeights> = Object.freeze({
  occupation: 35,
  distance: 20,
  language: 15,
  school: 10,
  start: 10,
  kind: 10,
});

/**
 * All scoring parameters; every field but the weights has a default.
 * - `distanceHalfKm` (km, > 0, default 15): the distance value is `h / (h + d)` (1 at 0 km, ½ at h).
 * - `defaultRadiusKm` (km, > 0, default 30): mobility radius of a client with none recorded.
 * - `startToleranceDays` (days, > 0, default 92): a start this far outside the client's window scores 0.
 * - `unknownValue` (0…1, default 0.5): value of a factor whose input is unknown (neutral).
 * - `requireOccupationRelation` (default true): a client who named occupations or interests is not shown
 *   places of unrelated occupations.
 */
export const ZMatchConfig = z.strictObject({
  weights: ZMatchWeights.default({ ...DEFAULT_WEIGHTS }),
  distanceHalfKm: z.number().positive().max(1000).default(15),
  defaultRadiusKm: z.number().positive().max(1000).default(30),
  startToleranceDays: z.number().positive().max(3650).default(92),
  unknownValue: z.number().min(0).max(1).default(0.5),
  requireOccupationRelation: z.boolean().default(true),
});
/** Scoring parameters as sent (defaults optional). */
export type TMatchConfigInput = z.input<typeof ZMatchConfig>;
/** Scoring parameters with defaults applied. */
export type TMatchConfig = z.output<typeof ZMatchConfig>;

/** The scoring parameters as returned: every field filled in. */
export const ZMatchConfigValues = z.object({
  weights: z.object({
    occupation: z.number(),
    distance: z.number(),
    language: z.number(),
    school: z.number(),
    start: z.number(),
    kind: z.number(),
  }),
  distanceHalfKm: z.number(),
  defaultRadiusKm: z.number(),
  startToleranceDays: z.number(),
  unknownValue: z.number(),
  requireOccupationRelation: z.boolean(),
});

/**
 * Response of `GET /api/matching/config` (and of the PUT): the office's parameters, `version` (send it back
 * with the PUT; 1 = never changed, defaults), `isDefault` (the values equal the defaults, stored or not), who
 * changed them last, and the `defaults` with a
 * localised `reasons` text per factor (why this default weight; Accept-Language de/en).
 */
export const ZMatchConfigView = z.object({
  officeId: z.uuid(),
  config: ZMatchConfigValues,
  version: ZVersion,
  isDefault: z.boolean(),
  updatedAt: ZTimestamp.nullable(),
  updatedByName: z.string().nullable(),
  defaults: z.object({
    config: ZMatchConfigValues,
    reasons: z.record(ZMatchFactorKey, z.string()),
  }),
});
/** The office's matching parameters. */
export type TMatchConfigView = z.infer<typeof ZMatchConfigView>;

/**
 * Query of `GET`/`PUT /api/matching/config`: `officeId` (default: the actor's office). Counsellors read their
 * own office's parameters; coordinators read and change those of their office and of the offices below it
 * (weights are a setting, not personal data: the Landesstelle steers its service centres).
 */
export const ZMatchConfigQuery = z.object({ officeId: z.uuid().optional() });

/**
 * Body of `PUT /api/matching/config`: the full parameters (`ZMatchConfig` fields, defaults optional) plus
 * the `version` read. The server validates the parameters itself so each bad field comes back as 400
 * `match_config_invalid` with `errors[].field` like `body.weights.distance` and the code (`weight_negative`,
 * `weights_all_zero`, …); a stale `version` → 409 `conflict`.
 */
export const ZMatchConfigUpdate = z.looseObject({ version: ZVersion });
/** Typed body of `PUT /api/matching/config` (what the web form sends). */
export type TMatchConfigUpdate = TMatchConfigInput & { version: number };

// ---------------------------------------------------------------------------------------------------------
// Batch runs

/**
 * Scope of a batch run: `office` (the actor's office) or `region` (coordinators: their office and every office
 * below it). A region run is one run per office (its "parts"), each on that office's own clients, places and
 * weights: personal data never meet another office's (DOMAIN.md "Rules"). Each office sees its part as an
 * ordinary run; the coordinator sees the parts of the offices below only as pseudonymised counts.
 */
export const ZMatchRunScope = z.enum(['office', 'region']);
/** Run scope. */
export type TMatchRunScope = z.infer<typeof ZMatchRunScope>;
/** Which lists a run makes: best places per client, best clients per place, or both. */
export const ZMatchDirection = z.enum(['places', 'clients', 'both']);
/** Run direction. */
export type TMatchDirection = z.infer<typeof ZMatchDirection>;
/** Status of a run. */
export const ZMatchRunStatus = z.enum(['queued', 'running', 'done', 'failed']);
/** Run status. */
export type TMatchRunStatus = z.infer<typeof ZMatchRunStatus>;

/** Filters of a run (all optional, all narrowing); as in the suggestion queries, but as JSON. */
export const ZMatchRunFilters = z.strictObject({
  kinds: z.array(ZPlaceKind).max(4).optional(),
  occupationIds: z.array(z.string().max(120)).max(10).optional(),
  maxKm: z.number().positive().max(1000).optional(),
  minScore: z.number().min(0).max(1).optional(),
  withoutFlags: z.boolean().optional(),
});
/** Run filters. */
export type TMatchRunFilters = z.infer<typeof ZMatchRunFilters>;

/**
 * Run filters as a request sends them: a kind named twice is one kind (and counts once towards the four).
 * Request only: a response cannot encode the preprocessing.
 */
const ZMatchRunFiltersInput = ZMatchRunFilters.extend({
  kinds: z.preprocess((v) => (Array.isArray(v) ? [...new Set(v)] : v), z.array(ZPlaceKind).max(4)).optional(),
});

/** Body of `POST /api/matching/runs`: `k` 1–50 (default 10) results per client / place. */
export const ZCreateMatchRun = z.strictObject({
  scope: ZMatchRunScope.default('office'),
  k: z.int().min(1).max(50).default(10),
  direction: ZMatchDirection.default('places'),
  filters: ZMatchRunFiltersInput.default({}),
});
/** Parsed run body. */
export type TCreateMatchRun = z.infer<typeof ZCreateMatchRun>;

/**
 * Progress of a run: rows (clients and/or places) done of `total`; `percent` 0–100. A region run seen by a
 * coordinator whose region holds other offices counts in percent (`total` 100): its rows would count their
 * people.
 */
export const ZMatchRunProgress = z.object({
  done: z.int(),
  total: z.int(),
  percent: z.int().min(0).max(100),
});
/** Run progress. */
export type TMatchRunProgress = z.infer<typeof ZMatchRunProgress>;

/**
 * Counts of one office's part of a region run. Person counts (`clients`, `clientsWithSuggestions`) of 1–4 are
 * withheld (null), as every statistic of the platform (DOMAIN.md: "Statistics suppress any cell below 5
 * persons"); so is `clientsWithSuggestions` when the clients without suggestion are 1–4 (it would give them
 * away by difference). `places`: open places in the part's model; `placesWithCandidates` only when the run
 * made lists of clients (else null).
 */
export const ZMatchRunPartStats = z.object({
  clients: z.int().nullable(),
  clientsWithSuggestions: z.int().nullable(),
  places: z.int(),
  placesWithCandidates: z.int().nullable(),
});
/** Part statistics. */
export type TMatchRunPartStats = z.infer<typeof ZMatchRunPartStats>;

/**
 * One office's part of a region run: its status and statistics; `runId` (the part as a run of its own, with
 * its lists) only for the actor's own office, null for the offices below (their lists are theirs).
 */
export const ZMatchRunPart = z.object({
  officeId: z.uuid(),
  officeName: z.string(),
  runId: z.uuid().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  configVersion: ZVersion,
  stats: ZMatchRunPartStats.nullable(),
});
/** A part of a region run. */
export type TMatchRunPart = z.infer<typeof ZMatchRunPart>;

/**
 * A stored batch run with the exact parameters and the office's weights (`configVersion`, `config`) it
 * used, and `dataStamp` — a fingerprint of the office's clients, places and consents when it ran (two runs
 * with the same parameters, config and stamp have the same results). `counts`: clients and places in the
 * model, result rows stored. `errorCode` when failed. A region run carries the weights of the actor's office,
 * no stamp, the sums of its parts' counts (its parts' own weights and stamps are in their runs), and fails
 * with `part_failed` when a part does.
 */
export const ZMatchRun = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  scope: ZMatchRunScope,
  /** For an office's part of a region run: the region run and the office that started it. */
  region: z.object({ runId: z.uuid(), officeName: z.string() }).nullable(),
  /** For a region run: its parts, one per office (own office first, then by name); null otherwise. */
  parts: z.array(ZMatchRunPart).nullable(),
  parameters: z.object({ k: z.int(), direction: ZMatchDirection, filters: ZMatchRunFilters }),
  configVersion: ZVersion,
  config: ZMatchConfigValues,
  dataStamp: z.string().nullable(),
  status: ZMatchRunStatus,
  progress: ZMatchRunProgress,
  /**
   * `clients`, `results` null: withheld (a region run's sum would give away a small count of an office
   * below; with k = 1 the suggestions count people with a suggestion).
   */
  counts: z.object({ clients: z.int().nullable(), places: z.int(), results: z.int().nullable() }),
  errorCode: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
});
/** A batch run. */
export type TMatchRun = z.infer<typeof ZMatchRun>;

/** Query of `GET /api/matching/runs` (newest first). */
export const ZMatchRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A page of runs. */
export const ZMatchRunList = z.object({ items: z.array(ZMatchRun), total: z.int() });

/**
 * Query of `GET /api/matching/runs/:id/results`: rows with this client (`clientId`) or this place
 * (`placeId`), or all rows; `direction` picks the lists (default: the run's own kind of list; for a `both`
 * run `places` when `clientId`, `clients` when `placeId`, else all); paging `limit` 1–200 (default 50).
 */
export const ZMatchRunResultQuery = z.object({
  clientId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  direction: z.enum(['places', 'clients']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed result query. */
export type TMatchRunResultQuery = z.infer<typeof ZMatchRunResultQuery>;

/**
 * One result row: in a `places` list the client's `rank`-th best place (rank 1 = best), in a `clients`
 * list the place's `rank`-th best client. The summaries show the records as they are now (`distanceKm` from
 * the current postcodes, as in the pair explanation; null when unknown); a record deleted since shows only
 * its id.
 */
export const ZMatchRunResult = z.object({
  direction: z.enum(['places', 'clients']),
  rank: z.int().min(1),
  score: z.number(),
  clientId: z.uuid(),
  placeId: z.uuid(),
  client: ZMatchClientSummary.nullable(),
  place: ZMatchPlaceSummary.nullable(),
});
/** A run result row. */
export type TMatchRunResult = z.infer<typeof ZMatchRunResult>;
/** A page of results, ordered by list owner, then rank. */
export const ZMatchRunResultList = z.object({ items: z.array(ZMatchRunResult), total: z.int() });

/**
 * Data of the server-sent events of `GET /api/matching/runs/:id/events`: event `run` (the run now, first),
 * `progress` ({ done, total, percent }) while it runs, `done` (the finished run: status `done` or `failed`).
 */
export const ZMatchRunEvent = z.union([ZMatchRun, ZMatchRunProgress]);

// ---------------------------------------------------------------------------------------------------------
// Assignment (speed dating)

/** A UUID in any letter case, compared in lower case (as PostgreSQL prints it). */
const ZUuidAnyCase = z.uuid().transform((s) => s.toLowerCase());

/**
 * Body of `POST /api/matching/assignment`: who meets whom in which slot at an event — first as many clients
 * as possible with a meeting, then the highest total score. `clientIds` (1–200, own office); exactly one of
 * `placeIds` (the companies of these places, scored on these places) or `companyIds` (scored on each
 * company's open places); `slots` a count (1–48) or labels (e.g. `["10:00", "10:15"]`);
 * `maxMeetingsPerClient` (1–48, default: all slots; 0 is refused with `too_small`). A pair's score is the
 * best explained score of the client with the company's places (excluded pairs do not meet).
 */
export const ZAssignmentInput = z
  .strictObject({
    clientIds: z.array(ZUuidAnyCase).min(1).max(200),
    placeIds: z.array(ZUuidAnyCase).min(1).max(500).optional(),
    companyIds: z.array(ZUuidAnyCase).min(1).max(200).optional(),
    slots: z.union([z.int().min(1).max(48), z.array(z.string().trim().min(1).max(40)).min(1).max(48)]),
    maxMeetingsPerClient: z.int().min(1).max(48).optional(),
  })
  .refine((b) => (b.placeIds ? 1 : 0) + (b.companyIds ? 1 : 0) === 1, {
    error: 'places_or_companies',
    path: ['placeIds'],
  });
/** Parsed assignment body. */
export type TAssignmentInput = z.infer<typeof ZAssignmentInput>;

/** One meeting: slot index (0-based) and its label, the client, the company, the place behind the score. */
export const ZAssignmentMeeting = z.object({
  slot: z.int().min(0),
  slotLabel: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  companyId: z.uuid(),
  companyName: z.string(),
  placeId: z.uuid(),
  score: z.number(),
});
/** A meeting. */
export type TAssignmentMeeting = z.infer<typeof ZAssignmentMeeting>;

/**
 * Why a client has no meeting:
 * - `no_fit`: no company of the event has a pair with the client that may meet (every pair is excluded or
 *   scores 0 — for example, the client has no consent to matching, or no occupation fits);
 * - `no_slot`: the client fits at least one company, but every slot of each such company is taken by a
 *   client for whom it is the only meeting. The plan meets as many clients as possible, so this happens
 *   only when the companies × slots are too few for everyone who fits them.
 */
export const ZUnmatchedReason = z.enum(['no_fit', 'no_slot']);
/** Why a client has no meeting. */
export type TUnmatchedReason = z.infer<typeof ZUnmatchedReason>;

/**
 * Response of `POST /api/matching/assignment`: meetings sorted by slot, client, company (nobody in two
 * meetings of one slot, a company sees one client per slot, each pair at most once). The plan meets as many
 * clients as possible and, among such plans, has the highest `total` (the plain sum of the meeting scores).
 * `unmatchedClientIds` = clients without any meeting, in the order asked; `unmatched` = the same clients
 * with the reason (`ZUnmatchedReason`).
 */
export const ZAssignmentResult = z.object({
  slots: z.array(z.string()),
  meetings: z.array(ZAssignmentMeeting),
  total: z.number(),
  unmatchedClientIds: z.array(z.uuid()),
  unmatched: z.array(z.object({ clientId: z.uuid(), reason: ZUnmatchedReason })),
  configVersion: ZVersion,
});
/** Assignment result. */
export type TAssignmentResult = z.infer<typeof ZAssignmentResult>;
