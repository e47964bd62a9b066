import { KINDS, NO_DAY, OCC_INFO } from './matching.codes';
import { chord2ToKm } from './matching.geo';
import { scanPlaces } from './matching.kernel';
import type { MatchModel } from './matching.model';
import {
  LEVEL_INTEREST,
  LEVEL_MAIN_GROUP,
  LEVEL_NAMES,
  LEVEL_UNKNOWN,
  LEVEL_UNRELATED,
  relateOccupations,
} from './matching.occupations';
import {
  distanceValue,
  EX_CASE_CLOSED,
  EX_CONSENT,
  EX_LANGUAGE,
  EX_NO_BASIS,
  EX_NOT_OPEN,
  EX_OCCUPATION,
  EX_RADIUS,
  kindValue,
  languageValue,
  matchable,
  newClientCtx,
  occupationValue,
  prepareClient,
  schoolValue,
  startOffset,
  startValue,
} from './matching.score';
import { levelOf } from './matching.search-clients';
import { TopK } from './matching.topk';
import {
  type ExclusionCode,
  FACTOR_KEYS,
  type FactorExplanation,
  type FlagCode,
  type PairExplanation,
  type ReasonCode,
} from './matching.types';

const EXCLUSION: Record<number, ExclusionCode> = {
  [EX_CONSENT]: 'no_matching_consent',
  [EX_CASE_CLOSED]: 'case_closed',
  [EX_NO_BASIS]: 'nothing_to_match_on',
  [EX_NOT_OPEN]: 'place_not_open',
  [EX_RADIUS]: 'beyond_mobility_radius',
  [EX_LANGUAGE]: 'german_level_too_low',
  [EX_OCCUPATION]: 'occupation_unrelated',
};

/** Flags of a pair (they never change the score). */
export function pairFlags(m: MatchModel, ci: number, pi: number): FlagCode[] {
  const flags: FlagCode[] = [];
  const permit = m.clients.permitFlag[ci];
  if (permit === 1) flags.push('work_permit_missing');
  if (permit === 2) flags.push('work_permit_pending');
  if (m.places.licence[pi] === 1 && m.clients.licence[ci] === 0) flags.push('driving_licence_missing');
  if (m.clients.placed[ci] === 1) flags.push('already_placed');
  return flags;
}

const nanToNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * Explains the pair (table indices `ci`, `pi`) with every factor's value, weight, contribution and reason.
 * `rc2` is the radius in force (default: the client's own). The wished occupation an occupation fit comes
 * from (`via`) is named when the model holds its input records.
 */
export function explainIndices(
  m: MatchModel,
  ci: number,
  pi: number,
  rc2: number = m.clients.radiusChord2[ci] as number,
): PairExplanation {
  const client = m.inputClients?.[ci];
  const { clients: C, places: P, scorer: s } = m;
  const o = P.occ[pi] as number;
  const level = levelOf(m, ci, o);
  // Factor values from the factor functions; the score itself from the scoring kernel, as in the searches.
  const clientLoc = !Number.isNaN(C.x[ci] as number);
  const placeLoc = !Number.isNaN(P.xyz[3 * pi] as number);
  let km = Number.NaN;
  let c2 = 0;
  if (clientLoc && placeLoc) {
    const dx = (C.x[ci] as number) - (P.xyz[3 * pi] as number);
    const dy = (C.y[ci] as number) - (P.xyz[3 * pi + 1] as number);
    const dz = (C.z[ci] as number) - (P.xyz[3 * pi + 2] as number);
    c2 = dx * dx + dy * dy + dz * dz;
    km = chord2ToKm(c2);
  }
  const lang = C.lang[ci] as number;
  const minLang = P.minLang[pi] as number;
  const vLang = languageValue(s, lang, minLang, P.support[pi] === 1);
  const start = P.start[pi] as number;
  const from = C.from[ci] as number;
  const until = C.until[ci] as number;
  const windowKnown = from !== NO_DAY || until !== NO_DAY;
  const values = [
    s.levelFit[level] as number,
    Number.isNaN(km) ? s.unknown : distanceValue(s, km),
    Math.max(vLang, 0),
    schoolValue(s, C.school[ci] as number, P.minSchool[pi] as number),
    startValue(s, from, until, start),
    kindValue(s, C.kinds[ci] as number, P.kind[pi] as number),
  ];
  let exclusion = 0;
  if (C.consent[ci] === 0) exclusion = C.closed[ci] === 1 ? EX_CASE_CLOSED : EX_CONSENT;
  else if (!matchable(C, ci)) exclusion = EX_NO_BASIS;
  else if (P.open[pi] === 0) exclusion = EX_NOT_OPEN;
  else if (level === LEVEL_UNRELATED && occupationValue(s, level) < 0) exclusion = EX_OCCUPATION;
  else if (!Number.isNaN(km) && c2 > rc2) exclusion = EX_RADIUS;
  else if (vLang < 0) exclusion = EX_LANGUAGE;
  const excluded = exclusion ? (EXCLUSION[exclusion] ?? null) : null;
  // The score from the kernel the searches use (one pair, a list of one).
  const ctx = prepareClient(s, C, ci, rc2, newClientCtx());
  const one = new TopK(1);
  ctx.scanOcc = values[0] as number;
  ctx.scanDistMax = 1;
  ctx.minScore = Number.NEGATIVE_INFINITY;
  if (!excluded) scanPlaces(ctx, P.xyz, P.code, P.start, pi, pi + 1, one, P.rank, null, null);
  const result = one.n === 1 ? (one.score[0] as number) : 0;
  const weights = [s.wOcc, s.wDist, s.wLang, s.wSchool, s.wStart, s.wKind];
  const langGap = minLang !== 0 && lang !== 0 ? minLang - lang : Number.NaN;
  const minSchool = P.minSchool[pi] as number;
  const schoolGap =
    minSchool > 0 && (C.school[ci] as number) >= 0 ? minSchool - (C.school[ci] as number) : Number.NaN;
  const startDays = start !== NO_DAY && windowKnown ? startOffset(from, until, start) : Number.NaN;

  let via: string | null = null;
  if (client && level <= LEVEL_MAIN_GROUP && level !== LEVEL_INTEREST && o >= 0) {
    const rel = relateOccupations(m.catalogue, client.wishedOccupationIds, client.interests);
    const k = rel.occ.indexOf(o);
    const w = k >= 0 ? (rel.via[k] as number) : -1;
    via = w >= 0 ? (m.catalogue.ids[w] ?? null) : null;
  }
  const occReason = (): ReasonCode | null => {
    if (level !== LEVEL_UNKNOWN) return null;
    if (o < 0) return 'place_occupation_missing';
    return (OCC_INFO[C.occInfo[ci] as number] as ReasonCode) ?? null;
  };
  const raws: Array<[number | string | null, ReasonCode | null]> = [
    [LEVEL_NAMES[level] ?? null, occReason()],
    [
      Number.isNaN(km) ? null : Math.round(km * 10) / 10,
      !clientLoc
        ? 'client_postcode_missing'
        : !placeLoc
          ? 'place_postcode_missing'
          : C.radiusDefault[ci] === 1
            ? 'mobility_radius_default'
            : null,
    ],
    [
      nanToNull(langGap),
      P.minLang[pi] === 0
        ? 'no_requirement'
        : C.lang[ci] === 0
          ? 'client_german_level_unknown'
          : langGap >= 1 && P.support[pi] === 1
            ? 'language_support'
            : null,
    ],
    [
      nanToNull(schoolGap),
      minSchool <= 0 ? 'no_requirement' : (C.school[ci] as number) < 0 ? 'client_school_unknown' : null,
    ],
    [
      nanToNull(startDays),
      start === NO_DAY
        ? 'place_start_missing'
        : !windowKnown
          ? 'client_availability_unknown'
          : startDays < 0
            ? 'before_window'
            : startDays > 0
              ? 'after_window'
              : null,
    ],
    [
      KINDS[P.kind[pi] as number] ?? null,
      C.kinds[ci] === 0 ? 'no_kind_preference' : values[5] === 0 ? 'kind_not_wanted' : null,
    ],
  ];
  const factors: FactorExplanation[] = FACTOR_KEYS.map((key, i) => {
    const value = values[i] as number;
    const weight = weights[i] as number;
    const [raw, reason] = raws[i] as [number | string | null, ReasonCode | null];
    const f: FactorExplanation = { key, raw, value, weight, contribution: weight * value, reason };
    if (key === 'occupation') f.via = via;
    return f;
  });
  return {
    clientId: C.ids[ci] ?? '',
    placeId: P.ids[pi] ?? '',
    score: excluded ? 0 : result,
    excluded,
    factors,
    flags: pairFlags(m, ci, pi),
  };
}
