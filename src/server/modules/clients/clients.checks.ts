import type { TClientFields } from '../../../contracts/clients';
import type { TRole } from '../../../contracts/common';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { getKreis, getOccupation, lookupPostcode } from '../reference/index';
import {
  type ClientField,
  FIELD_COLUMNS,
  hasValue,
  MINIMAL_FIELDS,
  SENSITIVE_FIELDS,
  seesSensitive,
} from './clients.fields';
import type { ClientWrite } from './clients.repository';
import { type Region, todayIso } from './clients.view';
import { impossibleDate } from './consents.rules';

/** Earliest accepted date of birth: clients are young people (usually 14–27); older dates are typing errors. */
export const EARLIEST_BIRTH_DATE = '1930-01-01';

/** Fields a write may carry: the contract fields, any subset. */
export type FieldInput = Partial<TClientFields>;

/** The region (Land, Kreis, density) of a postcode from the reference data; nulls when unknown. */
export async function regionOf(db: Executor, postcode: string | null): Promise<Region> {
  if (!postcode) return { landCode: null, kreisAgs: null, densityPerKm2: null };
  const info = await lookupPostcode(db, postcode).catch(() => undefined);
  if (!info) return { landCode: null, kreisAgs: null, densityPerKm2: null };
  const kreis = await getKreis(db, info.kreisAgs);
  return { landCode: info.landCode, kreisAgs: info.kreisAgs, densityPerKm2: kreis?.populationPerKm2 ?? null };
}

/**
 * Checks the parts of client input zod cannot: dates that cannot be (birth in the future or before
 * 1930, a German level dated in the future or before birth), postcodes that do not exist, occupations
 * not in the list, an availability window that ends before it starts (with the stored bound when only one
 * side changes). Collects every problem before throwing.
 * @returns the place name of the postcode when one was given (first town of the postcode)
 * @throws AppError `validation` (400) naming each field (`body.dateOfBirth`, `body.postcode`,
 *   `body.wishedOccupationIds.N`, `body.availableUntil`, …) with codes `impossible_date`, `unknown_postcode`,
 *   `unknown_occupation`, `until_before_from`
 */
export async function checkFields(
  db: Executor,
  input: FieldInput,
  current: { dateOfBirth: string | null; availableFrom?: string | null; availableUntil?: string | null } = {
    dateOfBirth: null,
  },
): Promise<{ place: string | null | undefined }> {
  const today = todayIso();
  const errors: FieldError[] = [];
  const dob = input.dateOfBirth !== undefined ? input.dateOfBirth : current.dateOfBirth;
  for (const e of [
    impossibleDate(input.dateOfBirth, 'body.dateOfBirth', { today, notBefore: EARLIEST_BIRTH_DATE }),
    impossibleDate(input.germanLevelDate, 'body.germanLevelDate', { today, notBefore: dob }),
  ])
    if (e) errors.push(e);
  if (input.availableFrom !== undefined || input.availableUntil !== undefined) {
    const from = input.availableFrom !== undefined ? input.availableFrom : (current.availableFrom ?? null);
    const until =
      input.availableUntil !== undefined ? input.availableUntil : (current.availableUntil ?? null);
    if (from && until && until < from) {
      errors.push({
        field: input.availableUntil !== undefined ? 'body.availableUntil' : 'body.availableFrom',
        code: 'until_before_from',
      });
    }
  }
  let place: string | null | undefined;
  if (input.postcode !== undefined) {
    place = null;
    if (input.postcode !== null) {
      const info = await lookupPostcode(db, input.postcode).catch(() => undefined);
      if (!info) {
        errors.push({ field: 'body.postcode', code: 'unknown_postcode', messageKey: 'unknown_postcode' });
      } else {
        place = (info.places.find((p) => !p.organisation) ?? info.places[0])?.name ?? null;
      }
    }
  }
  for (const [i, id] of (input.wishedOccupationIds ?? []).entries()) {
    const known = await getOccupation(db, id).catch(() => undefined);
    if (!known) {
      errors.push({
        field: `body.wishedOccupationIds.${i}`,
        code: 'unknown_occupation',
        messageKey: 'unknown_occupation',
      });
    }
  }
  if (errors.length > 0) throw new AppError('validation', errors);
  return { place };
}

/**
 * Refuses anything beyond the minimal record without an active counselling consent.
 * @throws AppError `consent_required` (400) naming each refused field
 */
export function assertMinimalUnlessConsented(input: FieldInput, consented: boolean): void {
  if (consented) return;
  const refused = (Object.keys(input) as ClientField[]).filter(
    (f) => f in FIELD_COLUMNS && !MINIMAL_FIELDS.has(f) && hasValue(input[f]),
  );
  if (refused.length > 0) {
    throw new AppError(
      'consent_required',
      refused.map((f) => ({ field: `body.${f}`, code: 'consent_required' })),
    );
  }
}

/** Roles without the sensitive fields may not write them either. @throws `forbidden` */
export function assertMayWriteSensitive(role: TRole, input: FieldInput): void {
  if (seesSensitive(role)) return;
  if (SENSITIVE_FIELDS.some((f) => input[f] !== undefined)) throw new AppError('forbidden');
}

/** Column values of the given fields (`languages` as JSON text). */
export function toColumns(input: FieldInput): ClientWrite {
  const out: Record<string, unknown> = {};
  for (const f of Object.keys(input) as ClientField[]) {
    const v = input[f];
    if (v === undefined || !(f in FIELD_COLUMNS)) continue;
    out[FIELD_COLUMNS[f]] = f === 'languages' ? JSON.stringify(v) : v;
  }
  return out as ClientWrite;
}
