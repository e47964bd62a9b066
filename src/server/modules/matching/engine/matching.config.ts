import { z } from 'zod';
import { FACTOR_KEYS, type FactorKey } from './matching.types';

/**
 * Scoring parameters of the matching engine: factor weights (configurable per office) and the shape
 * parameters of the factor curves. Defaults and the reason for each: docs/decisions/0004-matching-engine.md.
 */

/** Our issue codes are snake_case messages; zod's own messages are sentences. */
const OWN_CODE = /^[a-z_]+$/;

const weight = z
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
 * Factor weights, relative (only their ratios count; the engine divides by their sum). Each finite,
 * 0…1000; at least one above 0. Error codes of the issues: `weight_missing`, `weight_not_a_number`,
 * `weight_nan`, `weight_not_finite` (±Infinity), `weight_negative`, `weight_too_large`, `weights_all_zero`,
 * `unrecognized_keys`.
 */
export const ZMatchWeights = z
  .strictObject({
    occupation: weight,
    distance: weight,
    language: weight,
    school: weight,
    start: weight,
    kind: weight,
  })
  .refine((w) => FACTOR_KEYS.some((k) => w[k] > 0), { error: 'weights_all_zero' });
/** Factor weights. */
export type TMatchWeights = z.infer<typeof ZMatchWeights>;

/** Default weights (sum 100), reasons in ADR 0004. */
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
 * - `distanceHalfKm` (km, > 0, default 15): the distance at which the distance value has halved; the value
 *   is `h / (h + d)` (1 at 0 km, 0.5 at h, 1/3 at 2h).
 * - `defaultRadiusKm` (km, > 0, default 30): mobility radius of a client who has none recorded.
 * - `startToleranceDays` (days, > 0, default 92): a start this many days outside the client's availability
 *   window scores 0; linearly more in between.
 * - `unknownValue` (0…1, default 0.5): the value of a factor whose input is unknown (neutral: neither
 *   rewarded nor punished against a known average).
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
/** Scoring parameters as given (defaults optional). */
export type TMatchConfigInput = z.input<typeof ZMatchConfig>;
/** Scoring parameters with defaults applied. */
export type TMatchConfig = z.output<typeof ZMatchConfig>;

/** One invalid parameter: path (e.g. `weights.distance`) and a machine code. */
export interface MatchConfigIssue {
  path: string;
  code: string;
  message: string;
}

/**
 * Thrown by `parseMatchConfig` for invalid parameters; `issues` names every bad field. The service maps it
 * to its own error code (400) for the API.
 */
export class MatchConfigError extends Error {
  readonly issues: MatchConfigIssue[];
  constructor(issues: MatchConfigIssue[]) {
    super(`invalid matching parameters: ${issues.map((i) => `${i.path || '(root)'}: ${i.code}`).join('; ')}`);
    this.name = 'MatchConfigError';
    this.issues = issues;
  }
}

/**
 * Validates matching parameters and fills in defaults.
 * @throws MatchConfigError listing each invalid field (negative, NaN or infinite weight, all weights zero,
 *   unknown keys, curve parameters out of range)
 */
export function parseMatchConfig(input: unknown = {}): TMatchConfig {
  const r = ZMatchConfig.safeParse(input ?? {});
  if (r.success) return r.data;
  throw new MatchConfigError(
    r.error.issues.map((i) => {
      // Our refinements and number errors carry their code as the message; other checks keep zod's code.
      const code = OWN_CODE.test(i.message) ? i.message : i.code;
      return { path: i.path.join('.'), code, message: i.message };
    }),
  );
}

/** Weights divided by their sum, in FACTOR_KEYS order (they add up to 1). */
export function normalisedWeights(w: TMatchWeights): Record<FactorKey, number> {
  const sum = FACTOR_KEYS.reduce((s, k) => s + w[k], 0);
  return Object.fromEntries(FACTOR_KEYS.map((k) => [k, w[k] / sum])) as Record<FactorKey, number>;
}
