import type { TCefrLevel, TResidenceStatus } from '../../../../contracts/clients';
import type { TPlaceKind, TPlaceStatus } from '../../../../contracts/companies.enums';

/**
 * Input and output shapes of the matching engine (issue 6). Plain data only: the data layer reads
 * clients, places and the occupation list, resolves postcodes to centroids and hands them over;
 * the engine never touches the database.
 */

/** School qualification as ordered code (ZSchoolQualification of contracts/clients). */
export type TMatchSchool = 'none' | 'esa' | 'msa' | 'fachhochschulreife' | 'abitur';
/** Work permit as recorded (ZWorkPermit of contracts/clients). */
export type TMatchWorkPermit = 'yes' | 'no' | 'applied' | 'not_needed';

/** One occupation of the list (data/occupations.json): id, 5-digit KldB 2010 code, browsing field, names. */
export interface MatchOccupation {
  id: string;
  /** KldB 2010 code, 5 digits (area, main group, group, subgroup, requirement level). */
  kldb: string;
  /** Browsing field, e.g. "Metall" (matched against interests). */
  field?: string | null;
  name?: string;
  aliases?: readonly string[];
}

/**
 * A client as the engine sees it. `lat`/`lon` are the WGS84 centroid of the client's postcode (null
 * when unknown); dates are `YYYY-MM-DD`; `interests` are keywords or KldB prefixes (1–4 digits) that
 * name occupational areas ("Metall", "Kfz", "26"); `wantedKinds` empty = no preference stated.
 */
export interface MatchClient {
  id: string;
  lat: number | null;
  lon: number | null;
  /** Travel distance the client accepts, km; null = the configured default radius. */
  mobilityRadiusKm: number | null;
  wishedOccupationIds: readonly string[];
  interests: readonly string[];
  germanLevel: TCefrLevel | null;
  schoolQualification: TMatchSchool | null;
  availableFrom: string | null;
  availableUntil: string | null;
  wantedKinds: readonly TPlaceKind[];
  /** An active consent with purpose `matching`: without it the client is never matched. */
  matchingConsent: boolean;
  residenceStatus: TResidenceStatus | null;
  workPermit: TMatchWorkPermit | null;
  drivingLicence: boolean | null;
  /**
   * The client's case is at `placed` or `in_training`, or a placement at `contract` (a training contract is
   * signed): flagged `already_placed`, not dropped (the counsellor may look for a better place). Default
   * false.
   */
  placed?: boolean;
  /**
   * Every case of the client is closed (training completed, dropped out, moved away, other path, no
   * contact): the office no longer places the client — excluded `case_closed`, as without consent, until a
   * case is reopened. Default false (also for a client without any case).
   */
  caseClosed?: boolean;
}

/** A training place as the engine sees it; `lat`/`lon` = centroid of the place's postcode or null. */
export interface MatchPlace {
  id: string;
  companyId: string;
  kind: TPlaceKind;
  occupationId: string | null;
  lat: number | null;
  lon: number | null;
  minSchoolQualification: TMatchSchool | null;
  minGermanLevel: TCefrLevel | null;
  /** The company accepts a trainee who still needs German language support. */
  languageSupport: boolean;
  drivingLicenceRequired: boolean;
  startsOn: string | null;
  status: TPlaceStatus;
}

/** The six scored factors, in the order of every explanation. */
export const FACTOR_KEYS = ['occupation', 'distance', 'language', 'school', 'start', 'kind'] as const;
/** A scored factor. */
export type FactorKey = (typeof FACTOR_KEYS)[number];

/**
 * Why a factor has the value it has where that is not obvious. Unknown inputs (the factor then gets the
 * configured `unknownValue`): `no_wished_occupation`, `wished_occupation_unknown` (ids not in the list),
 * `interests_unmatched`, `place_occupation_missing`, `client_postcode_missing`, `place_postcode_missing`,
 * `client_german_level_unknown`, `client_school_unknown`, `client_availability_unknown`,
 * `place_start_missing`, `no_kind_preference`. Notes on known inputs: `mobility_radius_default` (no radius
 * recorded, the default was used), `no_requirement` (the place asks nothing), `language_support` (the place
 * accepts language support, so a larger gap is not excluding), `kind_not_wanted`, `before_window`,
 * `after_window`.
 */
export type ReasonCode =
  | 'no_wished_occupation'
  | 'wished_occupation_unknown'
  | 'interests_unmatched'
  | 'place_occupation_missing'
  | 'client_postcode_missing'
  | 'place_postcode_missing'
  | 'mobility_radius_default'
  | 'client_german_level_unknown'
  | 'client_school_unknown'
  | 'client_availability_unknown'
  | 'place_start_missing'
  | 'no_kind_preference'
  | 'no_requirement'
  | 'language_support'
  | 'kind_not_wanted'
  | 'before_window'
  | 'after_window';

/**
 * Hard exclusions: the pair is never suggested. `no_matching_consent` (client), `case_closed` (every case of
 * the client is closed), `nothing_to_match_on` (the
 * client has neither a postcode nor any occupational wish or interest: every place in the country would be
 * equally fitting, so no suggestion is meaningful until one is recorded), `place_not_open` (filled or
 * withdrawn), `beyond_mobility_radius`, `german_level_too_low` (two or more CEFR levels below the place's
 * minimum without language support), `occupation_unrelated` (the client named occupations or interests and
 * the place's occupation is none of them nor related by KldB; only when `requireOccupationRelation`).
 */
export type ExclusionCode =
  | 'no_matching_consent'
  | 'case_closed'
  | 'nothing_to_match_on'
  | 'place_not_open'
  | 'beyond_mobility_radius'
  | 'german_level_too_low'
  | 'occupation_unrelated';

/**
 * Flags shown on a suggestion without dropping it: `work_permit_missing` (the residence status needs a
 * Beschäftigungserlaubnis and none is recorded as given), `work_permit_pending` (applied for),
 * `driving_licence_missing` (the place requires one, the client has none or it is unknown), `already_placed`
 * (the client's case is at `placed` or `in_training`).
 */
export type FlagCode =
  | 'work_permit_missing'
  | 'work_permit_pending'
  | 'driving_licence_missing'
  | 'already_placed';

/**
 * How the occupation fit was reached, best first: `exact` (a wished occupation), `same_code` (same 5-digit
 * KldB code, e.g. Verkäufer/-in and Kaufmann/-frau im Einzelhandel), `subgroup` (4 digits), `group`
 * (3 digits), `main_group` (2 digits), `interest` (an interest names the occupation's field, name or KldB
 * area), `unrelated`, `unknown`.
 */
export type OccupationLevel =
  | 'exact'
  | 'same_code'
  | 'subgroup'
  | 'group'
  | 'main_group'
  | 'interest'
  | 'unrelated'
  | 'unknown';

/**
 * One factor of a score. `value` in 0..1; `weight` is the normalised weight (weights sum to 1), so
 * `contribution = weight × value` and the contributions add up to the score. `raw` is the input the value
 * came from: occupation → OccupationLevel, distance → km (0.1 km), language → CEFR levels missing (place
 * minimum − client level, ≤ 0 = met), school → levels missing, start → days outside the availability window
 * (0 = inside), kind → the place's kind; null when unknown.
 */
export interface FactorExplanation {
  key: FactorKey;
  raw: number | string | null;
  value: number;
  weight: number;
  contribution: number;
  reason: ReasonCode | null;
  /** Occupation factor: the wished occupation the fit comes from (id), when by KldB proximity or exact. */
  via?: string | null;
}

/** A scored, explained pairing (DOMAIN.md `MatchSuggestion`). `score` in 0..1. */
export interface MatchSuggestion {
  clientId: string;
  placeId: string;
  score: number;
  factors: FactorExplanation[];
  flags: FlagCode[];
}

/** The explanation of any pair, also an excluded one ("why is this place not suggested?"). */
export interface PairExplanation extends MatchSuggestion {
  /** Null when the pair can be suggested; then `score` is its score, else `score` is 0. */
  excluded: ExclusionCode | null;
}

/** Filters of `topPlacesForClient`; all optional, all narrowing. */
export interface PlaceFilters {
  kinds?: readonly TPlaceKind[];
  occupationIds?: readonly string[];
  /** Narrows (never widens) the client's mobility radius, km. */
  maxDistanceKm?: number;
  /** Minimum score 0..1. */
  minScore?: number;
  /** Leave out suggestions carrying any flag. */
  withoutFlags?: boolean;
}

/** Filters of `topClientsForPlace`; all optional, all narrowing. */
export interface ClientFilters {
  /** Narrows (never widens) each client's mobility radius, km. */
  maxDistanceKm?: number;
  minScore?: number;
  withoutFlags?: boolean;
}
