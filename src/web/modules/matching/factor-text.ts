import type { TCefrLevel } from '../../../contracts/clients';
import type { TMatchFactor, TMatchFactorKey } from '../../../contracts/matching';

/**
 * Plain-language description of one factor of a matching score (issue 6): which i18n text of the
 * `matching.explain` namespace says what the factor's input was, with its values. Pure: the caller
 * passes formatters (UI language) and turns the result into text with `t(key, params)`.
 */

/** CEFR levels in order (index = level). */
const CEFR: readonly TCefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** What the description knows besides the factor itself; everything optional. */
export interface TFactorContext {
  /** The client's recorded German level (the level of the suggestion's client summary). */
  germanLevel?: TCefrLevel | null;
  /** The place's start day `YYYY-MM-DD` (from the place summary). */
  startsOn?: string | null;
  /** The client's mobility radius in km (own or the office default), when known on this page. */
  radiusKm?: number | null;
  /** Which side the page looks from: the client's page ("you") or the place's page ("the person"). */
  side: 'client' | 'place';
}

/** Formatters in the UI language. */
export interface TFactorFormatters {
  km: (km: number) => string;
  day: (day: string) => string;
  kind: (kind: string) => string;
  /** Name of an occupation id (the id itself while unknown). */
  occupation: (id: string) => string;
}

/** An i18n key (under `matching.explain.`) and its interpolation values. */
export interface TFactorText {
  key: string;
  params: Record<string, string | number>;
}

/** The German level `gap` CEFR levels above `level` (the place's minimum), or null when off the scale. */
export function requiredLevel(level: TCefrLevel, gap: number): TCefrLevel | null {
  const index = CEFR.indexOf(level) + gap;
  return CEFR[index] ?? null;
}

/** Reasons of an unknown occupation fit (each has its own text). */
const OCCUPATION_REASONS: ReadonlySet<string> = new Set([
  'no_wished_occupation',
  'wished_occupation_unknown',
  'interests_unmatched',
  'place_occupation_missing',
]);

const text = (key: string, params: Record<string, string | number> = {}): TFactorText => ({
  key: `matching.explain.${key}`,
  params,
});

function occupationText(factor: TMatchFactor, f: TFactorFormatters): TFactorText {
  const level = typeof factor.raw === 'string' ? factor.raw : 'unknown';
  if (level === 'unknown') {
    const reason = factor.reason && OCCUPATION_REASONS.has(factor.reason) ? factor.reason : 'unknown';
    return text(`occupation.${reason}`);
  }
  if (level === 'exact' || level === 'interest' || level === 'unrelated' || !factor.via) {
    return text(`occupation.${level}`);
  }
  return text(`occupation.${level}Via`, { name: f.occupation(factor.via) });
}

function distanceText(factor: TMatchFactor, ctx: TFactorContext, f: TFactorFormatters): TFactorText {
  if (typeof factor.raw !== 'number') {
    if (factor.reason === 'place_postcode_missing') return text('distance.placePostcodeMissing');
    return text(ctx.side === 'client' ? 'distance.postcodeMissing' : 'distance.personPostcodeMissing');
  }
  const km = f.km(factor.raw);
  if (ctx.radiusKm === undefined || ctx.radiusKm === null) return text('distance.km', { km });
  const radius = f.km(ctx.radiusKm);
  return text(
    factor.reason === 'mobility_radius_default' ? 'distance.kmDefaultRadius' : 'distance.kmRadius',
    {
      km,
      radius,
    },
  );
}

function languageText(factor: TMatchFactor, ctx: TFactorContext): TFactorText {
  const level = ctx.germanLevel ?? null;
  if (factor.reason === 'no_requirement') {
    return level ? text('language.noRequirementLevel', { level }) : text('language.noRequirement');
  }
  if (typeof factor.raw !== 'number' || !level) return text('language.unknown');
  const gap = factor.raw;
  const required = requiredLevel(level, gap) ?? '?';
  const support = factor.reason === 'language_support' ? 'Support' : '';
  if (gap <= 0) return text('language.met', { level, required });
  if (gap === 1) return text(`language.oneBelow${support}`, { level, required });
  return text(support ? 'language.belowSupport' : 'language.below', { level, required, count: gap });
}

function schoolText(factor: TMatchFactor): TFactorText {
  if (factor.reason === 'no_requirement') return text('school.noRequirement');
  if (typeof factor.raw !== 'number') return text('school.unknown');
  if (factor.raw <= 0) return text('school.met');
  return text('school.below', { count: factor.raw });
}

function startText(factor: TMatchFactor, ctx: TFactorContext, f: TFactorFormatters): TFactorText {
  if (factor.reason === 'place_start_missing' || !ctx.startsOn) return text('start.placeMissing');
  const date = f.day(ctx.startsOn);
  if (typeof factor.raw !== 'number') return text('start.windowUnknown', { date });
  // The engine's raw value is signed (days before the window < 0 < days after it); the reason code
  // decides the text, the count is the distance in days.
  const count = Math.abs(Math.round(factor.raw));
  if (factor.reason === 'before_window' && count > 0) return text('start.before', { date, count });
  if (factor.reason === 'after_window' && count > 0) return text('start.after', { date, count });
  if (factor.reason === 'client_availability_unknown') return text('start.windowUnknown', { date });
  return text('start.inside', { date });
}

function kindText(factor: TMatchFactor, f: TFactorFormatters): TFactorText {
  const kind = typeof factor.raw === 'string' ? f.kind(factor.raw) : '';
  if (factor.reason === 'kind_not_wanted') return text('kind.notWanted', { kind });
  if (factor.reason === 'no_kind_preference') return text('kind.noPreference', { kind });
  return text('kind.wanted', { kind });
}

/**
 * The description of `factor`: e.g. `language` with raw 1 and a client at B1 → "Deutsch B1, verlangt B2:
 * eine Stufe darunter"; an unknown input names what is missing ("Keine Postleitzahl erfasst").
 */
export function describeFactor(factor: TMatchFactor, ctx: TFactorContext, f: TFactorFormatters): TFactorText {
  switch (factor.key) {
    case 'occupation':
      return occupationText(factor, f);
    case 'distance':
      return distanceText(factor, ctx, f);
    case 'language':
      return languageText(factor, ctx);
    case 'school':
      return schoolText(factor);
    case 'start':
      return startText(factor, ctx, f);
    case 'kind':
      return kindText(factor, f);
  }
}

/**
 * Whole numbers for shares that add up to the rounded sum of the shares (largest-remainder method, as in
 * seat apportionment): rounded one by one, 38.1 + 19.05 + 14.29 + 3 × 9.52 would give 101.
 */
export function wholeShares(values: readonly number[]): number[] {
  const whole = values.map((v) => Math.floor(v));
  let left = Math.round(values.reduce((s, v) => s + v, 0)) - whole.reduce((s, v) => s + v, 0);
  const byRemainder = values
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    whole[i] = (whole[i] as number) + 1;
    left--;
  }
  return whole;
}

/**
 * Points (0–100, whole) each factor adds to the score, and the most it could add (its weight): the maxima
 * add up to 100 and the points to the score shown in whole percent (`scorePercent(score)`; without `score`,
 * of the contributions' sum, which differs from it only by rounding), both by the
 * largest-remainder method (`wholeShares`) — rounded one by one, 31.5 + 17.5 + … showed 77 points on a
 * card saying 76 %. A factor's points never exceed its maximum.
 */
export function factorPoints(
  factors: readonly Pick<TMatchFactor, 'contribution' | 'weight'>[],
  score?: number,
): Array<{
  points: number;
  max: number;
}> {
  const maxima = wholeShares(factors.map((f) => f.weight * 100));
  const raw = factors.map((f) => Math.max(0, f.contribution * 100));
  const points = raw.map((v, i) => Math.min(maxima[i] as number, Math.floor(v)));
  const percent = scorePercent(score ?? raw.reduce((s, v) => s + v, 0) / 100);
  let left = percent - points.reduce((s, v) => s + v, 0);
  // Largest remainder first; then any factor with room (a remainder may sit where the maximum is reached).
  const order = raw
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const pass of [true, false])
    for (const { i, rest } of order) {
      if (left <= 0) break;
      if ((pass && rest <= 0) || (points[i] as number) >= (maxima[i] as number)) continue;
      points[i] = (points[i] as number) + 1;
      left--;
    }
  return factors.map((_, i) => ({ points: points[i] as number, max: maxima[i] as number }));
}

/** A score 0..1 as whole percent 0–100. */
export function scorePercent(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.max(0, Math.min(100, Math.round(score * 100)));
}

/** Reason codes that say an input is unknown (the factor then counts with the neutral value). */
const UNKNOWN_REASONS: ReadonlySet<string> = new Set([
  'no_wished_occupation',
  'wished_occupation_unknown',
  'interests_unmatched',
  'place_occupation_missing',
  'client_postcode_missing',
  'place_postcode_missing',
  'client_german_level_unknown',
  'client_school_unknown',
  'client_availability_unknown',
  'place_start_missing',
  'no_kind_preference',
]);

/**
 * True when the factor's input is unknown (it counts with the neutral value): a reason says so. A place
 * that asks nothing (`no_requirement`) is known: the requirement is met.
 */
export function factorUnknown(factor: Pick<TMatchFactor, 'reason'>): boolean {
  return factor.reason !== null && UNKNOWN_REASONS.has(factor.reason);
}

/** The factor keys in the order of every explanation. */
export const FACTOR_ORDER: readonly TMatchFactorKey[] = [
  'occupation',
  'distance',
  'language',
  'school',
  'start',
  'kind',
];
