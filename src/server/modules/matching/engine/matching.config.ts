import {
  DEFAULT_WEIGHTS,
  type TMatchConfig,
  type TMatchConfigInput,
  type TMatchWeights,
  ZMatchConfig,
  ZMatchWeights,
} from '../../../../contracts/matching';
import { FACTOR_KEYS, type FactorKey } from './matching.types';

/**
 * Scoring parameters of the matching engine: factor weights (configurable per office) and the shape
 * parameters of the factor curves. Defaults and the reason for each: docs/decisions/0004-matching-engine.md.
 */

/** Our issue codes are snake_case messages; zod's own messages are sentences. */
const OWN_CODE = /^[a-z_]+$/;

/** Scoring parameters as given (defaults optional) and with defaults applied. */
export type { TMatchConfig, TMatchConfigInput };
/**
 * The schemas live in the API contract (src/contracts/matching.ts) so the web form validates with the same
 * rules: `ZMatchWeights` (each weight finite, 0…1000, at least one above 0; issue codes `weight_missing`,
 * `weight_not_a_number`, `weight_nan`, `weight_not_finite`, `weight_negative`, `weight_too_large`,
 * `weights_all_zero`, `unrecognized_keys`), `DEFAULT_WEIGHTS` (sum 100, reasons in ADR 0004) and
 * `ZMatchConfig` (weights plus `distanceHalfKm`, `defaultRadiusKm`, `startToleranceDays`, `unknownValue`,
 * `requireOccupationRelation`, with their defaults).
 */
export { DEFAULT_WEIGHTS, type TMatchWeights, ZMatchConfig, ZMatchWeights };

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
