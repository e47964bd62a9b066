import type { TMatchConfigUpdate, TMatchConfigView, TMatchFactorKey } from '../../../contracts/matching';
import { FACTOR_ORDER, wholeShares } from './factor-text';

/**
 * The weights form of the matching settings (issue 6): values as the inputs hold them, the share each
 * weight gets of the total (what the engine uses: weights are relative), checks before sending and the body
 * of `PUT /api/matching/config`. Pure; unit-tested.
 */

/** A number input's value: a number, or '' while empty. */
type TNumberValue = number | string;

/** Values of the settings form. `unknownPercent` is `unknownValue` × 100 (people think in percent). */
export interface TWeightsFormValues {
  weights: Record<TMatchFactorKey, TNumberValue>;
  distanceHalfKm: TNumberValue;
  defaultRadiusKm: TNumberValue;
  startToleranceDays: TNumberValue;
  unknownPercent: TNumberValue;
  requireOccupationRelation: boolean;
}

/** Form values from the office's parameters (`view.config`) or its defaults (`view.defaults.config`). */
export function formValues(config: TMatchConfigView['config']): TWeightsFormValues {
  return {
    weights: { ...config.weights },
    distanceHalfKm: config.distanceHalfKm,
    defaultRadiusKm: config.defaultRadiusKm,
    startToleranceDays: config.startToleranceDays,
    unknownPercent: Math.round(config.unknownValue * 1000) / 10,
    requireOccupationRelation: config.requireOccupationRelation,
  };
}

/**
 * A typed number in German or plain notation: `12,5` → 12.5, `1.000,5` → 1000.5, `12.5` → 12.5, `-5` → -5;
 * NaN when empty or not a number (`12abc`). The inputs use `,` as decimal separator (German UI), so a
 * comma is never dropped (it used to turn `12,5` into 125).
 */
export function parseDecimal(v: TNumberValue): number {
  if (typeof v === 'number') return v;
  const s = v.trim().replace(/\s/g, '');
  if (s === '') return Number.NaN;
  const normal = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

const num = parseDecimal;

/**
 * Props for every number input of the form: the UI language's decimal separator (`,` in German), no
 * thousands separator, and no silent clamping to min/max (an out-of-range value stays and gets a field
 * error from {@link weightsFormErrors}).
 */
export function numberInputFormat(language: string): {
  decimalSeparator: string;
  thousandSeparator: false;
  clampBehavior: 'none';
  allowNegative: true;
} {
  return {
    decimalSeparator: language.startsWith('en') ? '.' : ',',
    thousandSeparator: false,
    clampBehavior: 'none',
    allowNegative: true,
  };
}

/**
 * Each factor's share of the total in whole percent, adding up to 100 (`wholeShares`; what a weight means: only the ratios count); all 0
 * while a weight is invalid or all are 0.
 */
export function weightShares(weights: TWeightsFormValues['weights']): Record<TMatchFactorKey, number> {
  const values = FACTOR_ORDER.map((k) => num(weights[k]));
  const valid = values.every((v) => Number.isFinite(v) && v >= 0);
  const sum = valid ? values.reduce((s, v) => s + v, 0) : 0;
  const shares = sum > 0 ? wholeShares(values.map((v) => (v / sum) * 100)) : values.map(() => 0);
  return Object.fromEntries(FACTOR_ORDER.map((k, i) => [k, shares[i] as number])) as Record<
    TMatchFactorKey,
    number
  >;
}

/** Checks of one number: required, finite, in [min, max] (`exclusiveMin`: above min). */
function rangeError(v: TNumberValue, min: number, max: number, exclusiveMin = false): string | null {
  const n = num(v);
  if (!Number.isFinite(n)) return 'numberRequired';
  if (exclusiveMin ? n <= min : n < min) return exclusiveMin ? 'mustBePositive' : 'notNegative';
  if (n > max) return 'tooLarge';
  return null;
}

/**
 * Errors by form path (`weights.distance`, `distanceHalfKm`, …) as i18n keys of `matching.settings.errors`:
 * weights 0–1000 with at least one above 0 (`weights.occupation` carries `allZero`), distances 0 < km ≤ 1000,
 * tolerance 0 < days ≤ 3650, the unknown value 0–100 %.
 */
export function weightsFormErrors(values: TWeightsFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of FACTOR_ORDER) {
    const error = rangeError(values.weights[key], 0, 1000);
    if (error) errors[`weights.${key}`] = error;
  }
  if (Object.keys(errors).length === 0 && FACTOR_ORDER.every((k) => num(values.weights[k]) === 0)) {
    errors['weights.occupation'] = 'allZero';
  }
  const checks: Array<[keyof TWeightsFormValues, number, number, boolean]> = [
    ['distanceHalfKm', 0, 1000, true],
    ['defaultRadiusKm', 0, 1000, true],
    ['startToleranceDays', 0, 3650, true],
    ['unknownPercent', 0, 100, false],
  ];
  for (const [field, min, max, exclusive] of checks) {
    const error = rangeError(values[field] as TNumberValue, min, max, exclusive);
    if (error) errors[field] = error;
  }
  return errors;
}

/** Body of `PUT /api/matching/config` from valid form values and the `version` read. */
export function weightsFormBody(values: TWeightsFormValues, version: number): TMatchConfigUpdate {
  return {
    version,
    weights: Object.fromEntries(FACTOR_ORDER.map((k) => [k, num(values.weights[k])])) as Record<
      TMatchFactorKey,
      number
    >,
    distanceHalfKm: num(values.distanceHalfKm),
    defaultRadiusKm: num(values.defaultRadiusKm),
    startToleranceDays: num(values.startToleranceDays),
    unknownValue: Math.round(num(values.unknownPercent) * 10) / 1000,
    requireOccupationRelation: values.requireOccupationRelation,
  };
}

/** Maps a server field path (`body.unknownValue`, `body.weights.distance`) to the form path. */
export function formPath(serverField: string): string {
  const path = serverField.replace(/^body\./, '');
  return path === 'unknownValue' ? 'unknownPercent' : path;
}

/** Form paths that have an input (server field errors on other paths cannot be shown at a field). */
const FIELD_PATHS: ReadonlySet<string> = new Set([
  ...FACTOR_ORDER.map((k) => `weights.${k}`),
  'distanceHalfKm',
  'defaultRadiusKm',
  'startToleranceDays',
  'unknownPercent',
  'requireOccupationRelation',
]);

/** How the form shows a failed save: see {@link saveFailure}. */
export interface TSaveFailure {
  /** Stale version (409): show the problem's own message with the reload button. */
  conflict: boolean;
  /** Field errors by form path (only paths that have an input). */
  fields: Record<string, string>;
  /** Show the problem's own message (detail/title); false: "please check the marked fields". */
  problemMessage: boolean;
}

/**
 * What to show for a failed `PUT /api/matching/config` with HTTP `status` and the problem's field errors:
 * a 409 (stale `version`; its field error `body.version` has no input) marks nothing and shows the
 * problem's message with the reload button; field errors that land on an input (`body.weights` → the first
 * weight) are marked with "please check the marked fields"; otherwise the problem's own message.
 */
export function saveFailure(
  status: number,
  fieldErrors: ReadonlyArray<{ field: string; message: string }>,
): TSaveFailure {
  if (status === 409) return { conflict: true, fields: {}, problemMessage: true };
  const fields: Record<string, string> = {};
  for (const fe of fieldErrors) {
    const raw = formPath(fe.field);
    const path = raw === 'weights' ? 'weights.occupation' : raw;
    if (FIELD_PATHS.has(path)) fields[path] = fe.message;
  }
  return { conflict: false, fields, problemMessage: Object.keys(fields).length === 0 };
}

/**
 * Offices whose weights a user may open: a coordinator their own office and every office below it (the
 * Landesstelle steers its service centres), anyone else only their own. Names sorted, own office first.
 */
export function reachableOffices<T extends { id: string; parentId: string | null; name: string }>(
  offices: readonly T[],
  ownOfficeId: string,
  coordinator: boolean,
): T[] {
  const own = offices.find((o) => o.id === ownOfficeId);
  if (!own) return [];
  if (!coordinator) return [own];
  const below: T[] = [];
  let frontier = [ownOfficeId];
  while (frontier.length > 0) {
    const children = offices.filter((o) => o.parentId !== null && frontier.includes(o.parentId));
    below.push(...children);
    frontier = children.map((o) => o.id);
  }
  return [own, ...below.sort((a, b) => a.name.localeCompare(b.name, 'de'))];
}
