import { NO_DAY } from './matching.codes';
import { normalisedWeights, type TMatchConfig } from './matching.config';
import { chord2ToKm } from './matching.geo';
import { LEVEL_FIT, LEVEL_UNKNOWN, LEVEL_UNRELATED } from './matching.occupations';
import type { ClientTable, PlaceTable } from './matching.tables';

/**
 * The score of a client × place pair: score = Σ weight·value over the six factors (weights normalised to
 * sum 1, values 0…1, curves in ADR 0004). The factor functions below define the values; `prepareClient`
 * turns one client's side of them into small lookup tables and `scorePlace` adds them up for a place. The
 * indexed search, the naive all-pairs scan and the explanations all go through these same functions, so
 * their scores are bit-identical. A hard exclusion is a negative code.
 */

/** Exclusion codes (negative, so any score ≥ 0 is a valid pair). No active matching consent. */
export const EX_CONSENT = -1;
/** Every case of the client is closed. */
export const EX_CASE_CLOSED = -7;
/** Neither location nor occupational information: nothing to match on. */
export const EX_NO_BASIS = -6;
/** Place filled or withdrawn. */
export const EX_NOT_OPEN = -2;
/** Beyond the (possibly filter-narrowed) mobility radius. */
export const EX_RADIUS = -3;
/** Two or more CEFR levels below the place's minimum, no language support. */
export const EX_LANGUAGE = -4;
/** Client named occupations or interests; the place's occupation is not related. */
export const EX_OCCUPATION = -5;

/** Language value one CEFR level below the place's minimum (the penalty). */
export const LANGUAGE_ONE_BELOW = 0.5;
/** One level below at a place that accepts language support. */
export const LANGUAGE_ONE_BELOW_SUPPORTED = 0.75;
/** Two or more levels below at a place that accepts language support (else excluded). */
export const LANGUAGE_TWO_BELOW_SUPPORTED = 0.25;
/** School value by levels missing: 0 (met), 1, 2, 3 or more. */
export const SCHOOL_BY_GAP: readonly number[] = [1, 0.5, 0.25, 0.1];

/** Scoring constants derived once from a validated config. */
export interface Scorer {
  wOcc: number;
  wDist: number;
  wLang: number;
  wSchool: number;
  wStart: number;
  wKind: number;
  halfKm: number;
  tolDays: number;
  unknown: number;
  requireRelation: boolean;
  /** Occupation value by level; `unknown` at LEVEL_UNKNOWN. */
  levelFit: Float64Array;
  /** The client factor tables of this scorer, built on first use (`clientTables`). */
  tables: ClientTables | null;
}

/** Prepares the scoring constants of a config (see `parseMatchConfig`). */
export function makeScorer(config: TMatchConfig): Scorer {
  const w = normalisedWeights(config.weights);
  const levelFit = Float64Array.from(LEVEL_FIT);
  levelFit[LEVEL_UNKNOWN] = config.unknownValue;
  return {
    wOcc: w.occupation,
    wDist: w.distance,
    wLang: w.language,
    wSchool: w.school,
    wStart: w.start,
    wKind: w.kind,
    halfKm: config.distanceHalfKm,
    tolDays: config.startToleranceDays,
    unknown: config.unknownValue,
    requireRelation: config.requireOccupationRelation,
    levelFit,
    tables: null,
  };
}

// --- factor values ---------------------------------------------------------------------------------------

/** Occupation value of a level, or −1 when the level excludes the pair (unrelated, relation required). */
export function occupationValue(s: Scorer, level: number): number {
  return level === LEVEL_UNRELATED && s.requireRelation ? -1 : (s.levelFit[level] as number);
}

/** Distance value of `km`: h / (h + km), h = `distanceHalfKm`. */
export function distanceValue(s: Scorer, km: number): number {
  return s.halfKm / (s.halfKm + km);
}

/**
 * Language value for a client level and a place minimum (CEFR codes 1…6, 0 = unknown / none) and the
 * place's language support; −1 = excluded (two or more levels below, no support).
 */
export function languageValue(s: Scorer, client: number, min: number, support: boolean): number {
  if (min === 0) return 1;
  if (client === 0) return s.unknown;
  const gap = min - client;
  if (gap <= 0) return 1;
  if (gap === 1) return support ? LANGUAGE_ONE_BELOW_SUPPORTED : LANGUAGE_ONE_BELOW;
  return support ? LANGUAGE_TWO_BELOW_SUPPORTED : -1;
}

/** School value for a client qualification and a place requirement (codes 0…4, −1 = unknown / none). */
export function schoolValue(s: Scorer, client: number, min: number): number {
  if (min <= 0) return 1;
  if (client < 0) return s.unknown;
  const gap = min - client;
  return gap <= 0 ? 1 : (SCHOOL_BY_GAP[Math.min(gap, 3)] as number);
}

/** Days a start lies outside the window [from, until] (NO_DAY = open end): negative before, 0 inside. */
export function startOffset(from: number, until: number, start: number): number {
  return from !== NO_DAY && start < from
    ? start - from
    : until !== NO_DAY && start > until
      ? start - until
      : 0;
}

/** Start value: 1 inside the window, falling linearly to 0 at `startToleranceDays` outside; unknown sides. */
export function startValue(s: Scorer, from: number, until: number, start: number): number {
  return windowValue(from, until, start, s.tolDays, s.unknown);
}

/** Kind value: 1 when wanted, 0 when not, `unknown` without any preference (mask 0). */
export function kindValue(s: Scorer, mask: number, kind: number): number {
  return mask === 0 ? s.unknown : (mask >> kind) & 1;
}

// --- per-client context and the pair score ------------------------------------------------------------

/** One client's side of the score, prepared for scoring many places (reused; allocation-free). */
export interface ClientCtx {
  ci: number;
  consent: boolean;
  hasLoc: boolean;
  x: number;
  y: number;
  z: number;
  rc2: number;
  from: number;
  until: number;
  windowKnown: boolean;
  /** wLang·languageValue by (place minimum << 1 | support); −1 = excluded (shared, read-only). */
  lang: Float64Array;
  /** wSchool·schoolValue by place requirement + 1. */
  school: Float64Array;
  /** wKind·kindValue by place kind. */
  kind: Float64Array;
  wOcc: number;
  wDist: number;
  wStart: number;
  halfKm: number;
  tolDays: number;
  unknown: number;
  /** Best score the factors other than occupation and distance can add (pruning bound). */
  restMax: number;
  /** Inputs of `scanPlaces` (doubles in fields: as call arguments they would be boxed). */
  scanOcc: number;
  scanDistMax: number;
  /**
   * True: the kernel tests the radius before anything else also once the list is full (every indexed
   * scan: measured faster for bands, buckets and fine cells alike, ADR 0004); false: then the other
   * factors' bound goes first (the naive reference scan, which computes every pair in full).
   */
  radiusFirst: boolean;
  minScore: number;
  /**
   * Double results without allocation: `out[0]` the score of the last `scorePlace` that returned 0,
   * `out[1]` the last `restBound`.
   */
  out: Float64Array;
}

/** An empty context. */
export function newClientCtx(): ClientCtx {
  return {
    ci: -1,
    consent: false,
    hasLoc: false,
    x: 0,
    y: 0,
    z: 0,
    rc2: 0,
    from: NO_DAY,
    until: NO_DAY,
    windowKnown: false,
    lang: new Float64Array(14),
    school: new Float64Array(6),
    kind: new Float64Array(4),
    wOcc: 0,
    wDist: 0,
    wStart: 0,
    halfKm: 1,
    tolDays: 1,
    unknown: 0,
    restMax: 0,
    scanOcc: 0,
    scanDistMax: 1,
    radiusFirst: false,
    minScore: 0,
    out: new Float64Array(2),
  };
}

/** Factor tables of every possible client side (see ClientCtx), per scorer. */
export interface ClientTables {
  lang: Float64Array[];
  langMax: Float64Array;
  school: Float64Array[];
  kind: Float64Array[];
}

/** The weighted factor tables for every client German level (0–6), qualification (−1–4) and kind mask. */
function clientTables(s: Scorer): ClientTables {
  if (s.tables) return s.tables;
  const t: ClientTables = { lang: [], langMax: new Float64Array(7), school: [], kind: [] };
  for (let lang = 0; lang <= 6; lang++) {
    const table = new Float64Array(14);
    let max = 0;
    for (let min = 0; min <= 6; min++)
      for (let support = 0; support <= 1; support++) {
        const v = languageValue(s, lang, min, support === 1);
        table[(min << 1) | support] = v < 0 ? -1 : s.wLang * v;
        if (v > max) max = v;
      }
    t.lang.push(table);
    t.langMax[lang] = max;
  }
  for (let school = -1; school <= 4; school++) {
    const table = new Float64Array(6);
    for (let min = -1; min <= 4; min++) table[min + 1] = s.wSchool * schoolValue(s, school, min);
    t.school.push(table);
  }
  for (let mask = 0; mask < 16; mask++)
    t.kind.push(Float64Array.from([0, 1, 2, 3], (k) => s.wKind * kindValue(s, mask, k)));
  s.tables = t;
  return t;
}

/** A client can be matched when it has a location or occupational information (else `nothing_to_match_on`). */
export function matchable(C: ClientTable, ci: number): boolean {
  return !Number.isNaN(C.x[ci] as number) || C.occInfo[ci] === 0;
}

/** Fills `ctx` for client `ci` with the radius in force `rc2` (squared chord). */
export function prepareClient(s: Scorer, C: ClientTable, ci: number, rc2: number, ctx: ClientCtx): ClientCtx {
  ctx.ci = ci;
  ctx.consent = C.consent[ci] === 1 && matchable(C, ci);
  const x = C.x[ci] as number;
  ctx.hasLoc = !Number.isNaN(x);
  ctx.x = x;
  ctx.y = C.y[ci] as number;
  ctx.z = C.z[ci] as number;
  ctx.rc2 = rc2;
  ctx.from = C.from[ci] as number;
  ctx.until = C.until[ci] as number;
  ctx.windowKnown = ctx.from !== NO_DAY || ctx.until !== NO_DAY;
  // The client's factor tables depend only on its level, qualification and kinds: prepared once per scorer.
  const t = clientTables(s);
  const lang = C.lang[ci] as number;
  ctx.lang = t.lang[lang] as Float64Array;
  ctx.school = t.school[(C.school[ci] as number) + 1] as Float64Array;
  const mask = C.kinds[ci] as number;
  ctx.kind = t.kind[mask] as Float64Array;
  const langMax = t.langMax[lang] as number;
  ctx.wOcc = s.wOcc;
  ctx.wDist = s.wDist;
  ctx.wStart = s.wStart;
  ctx.halfKm = s.halfKm;
  ctx.tolDays = s.tolDays;
  ctx.unknown = s.unknown;
  ctx.restMax =
    s.wLang * langMax +
    s.wSchool * 1 +
    s.wStart * (ctx.windowKnown ? 1 : s.unknown) +
    s.wKind * (mask === 0 ? s.unknown : 1);
  return ctx;
}

/**
 * `startValue` on raw day numbers (small, so the hot loop inlines it): 1 inside [from, until], linear to 0
 * at `tol` days outside, `unknown` when the start or the whole window is unknown.
 */
export function windowValue(
  from: number,
  until: number,
  start: number,
  tol: number,
  unknown: number,
): number {
  if (start === NO_DAY || (from === NO_DAY && until === NO_DAY)) return unknown;
  const d = start < from ? from - start : until !== NO_DAY && start > until ? start - until : 0;
  return d >= tol ? 0 : 1 - d / tol;
}

/**
 * Highest score the prepared client can still reach with occupation value `vOcc` and distance value at most
 * `vDistMax` (pruning bound; never below an actual score, up to rounding, which the caller's slack covers).
 */
export function reachable(c: ClientCtx, vOcc: number, vDistMax: number): number {
  return c.wOcc * vOcc + c.wDist * vDistMax + c.restMax;
}

/** One place's side of the score, for scoring many clients (the clients direction). */
export interface PlaceCtx {
  pi: number;
  open: boolean;
  hasLoc: boolean;
  x: number;
  y: number;
  z: number;
  start: number;
  /** wLang·languageValue by client level (0 = unknown … 6); −1 = excluded. */
  lang: Float64Array;
  /** wSchool·schoolValue by client qualification + 1. */
  school: Float64Array;
  /** wKind·kindValue by the client's kind mask (0…15). */
  kind: Float64Array;
  wOcc: number;
  wDist: number;
  wStart: number;
  halfKm: number;
  tolDays: number;
  unknown: number;
  /** Best score the factors other than occupation and distance can add at this place. */
  restMax: number;
  /** `out[0]`: the score of the last `scoreClient` that returned 0. */
  out: Float64Array;
}

/** An empty place context. */
export function newPlaceCtx(): PlaceCtx {
  return {
    pi: -1,
    open: false,
    hasLoc: false,
    x: 0,
    y: 0,
    z: 0,
    start: NO_DAY,
    lang: new Float64Array(7),
    school: new Float64Array(6),
    kind: new Float64Array(16),
    wOcc: 0,
    wDist: 0,
    wStart: 0,
    halfKm: 1,
    tolDays: 1,
    unknown: 0,
    restMax: 0,
    out: new Float64Array(1),
  };
}

/** Fills `ctx` for place `pi`. */
export function preparePlace(s: Scorer, P: PlaceTable, pi: number, ctx: PlaceCtx): PlaceCtx {
  ctx.pi = pi;
  ctx.open = P.open[pi] === 1;
  const x = P.xyz[3 * pi] as number;
  ctx.hasLoc = !Number.isNaN(x);
  ctx.x = x;
  ctx.y = P.xyz[3 * pi + 1] as number;
  ctx.z = P.xyz[3 * pi + 2] as number;
  ctx.start = P.start[pi] as number;
  const min = P.minLang[pi] as number;
  const support = P.support[pi] === 1;
  for (let l = 0; l <= 6; l++) {
    const v = languageValue(s, l, min, support);
    ctx.lang[l] = v < 0 ? -1 : s.wLang * v;
  }
  const minSchool = P.minSchool[pi] as number;
  for (let q = -1; q <= 4; q++) ctx.school[q + 1] = s.wSchool * schoolValue(s, q, minSchool);
  const kind = P.kind[pi] as number;
  for (let mask = 0; mask < 16; mask++) ctx.kind[mask] = s.wKind * kindValue(s, mask, kind);
  ctx.wOcc = s.wOcc;
  ctx.wDist = s.wDist;
  ctx.wStart = s.wStart;
  ctx.halfKm = s.halfKm;
  ctx.tolDays = s.tolDays;
  ctx.unknown = s.unknown;
  ctx.restMax = s.wLang + s.wSchool + s.wStart * (ctx.start === NO_DAY ? s.unknown : 1) + s.wKind;
  return ctx;
}

/**
 * Score of client `ci` at the prepared place: the same sum, in the same order, as `scorePlace`, so both
 * directions give bit-identical scores. `rc2` is the client's radius in force.
 * @returns 0 (score in `p.out[0]`), or EX_NOT_OPEN / EX_LANGUAGE / EX_RADIUS
 */
export function scoreClient(p: PlaceCtx, C: ClientTable, ci: number, vOcc: number, rc2: number): number {
  if (!p.open) return EX_NOT_OPEN;
  const wLang = p.lang[C.lang[ci] as number] as number;
  if (wLang < 0) return EX_LANGUAGE;
  let c2 = -1;
  const cx = C.x[ci] as number;
  if (p.hasLoc && !Number.isNaN(cx)) {
    const dx = cx - p.x;
    const dy = (C.y[ci] as number) - p.y;
    const dz = (C.z[ci] as number) - p.z;
    c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > rc2) return EX_RADIUS;
  }
  const rest =
    p.wOcc * vOcc +
    wLang +
    (p.school[(C.school[ci] as number) + 1] as number) +
    p.wStart * windowValue(C.from[ci] as number, C.until[ci] as number, p.start, p.tolDays, p.unknown) +
    (p.kind[C.kinds[ci] as number] as number);
  p.out[0] = rest + p.wDist * (c2 < 0 ? p.unknown : p.halfKm / (p.halfKm + chord2ToKm(c2)));
  return 0;
}

/** Highest score any client can reach at the prepared place with `vOcc` and distance value ≤ `vDistMax`. */
export function reachableAt(p: PlaceCtx, vOcc: number, vDistMax: number): number {
  return p.wOcc * vOcc + p.wDist * vDistMax + p.restMax;
}
