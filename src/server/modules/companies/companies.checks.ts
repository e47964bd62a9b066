import type { TCompanyFields } from '../../../contracts/companies';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { lookupPostcode } from '../reference/index';
import { todayIso } from './companies.access';
import * as repo from './companies.repository';

/**
 * Checks the parts of company input zod cannot, collecting every problem before throwing:
 * - `postcode` must be a known postcode (reference data); the place then defaults to its town
 *   (first place that is not a large-customer organisation) unless `place` is given too;
 * - `ownerUserId` must be an enabled counsellor or coordinator of `officeId`;
 * - `acquisitionOn` must not lie in the future;
 * - the result (`after`) must name who recommended the company when the channel is `referral`.
 * @param changed the fields being written (create: all given fields)
 * @param after all fields as they will be after the write
 * @returns the place to store when the postcode changed (undefined: leave it)
 * @throws AppError `validation` (400) with field codes `unknown_postcode`, `unknown_user`,
 *   `in_future` (message `impossible_date`), `referred_by_required`
 */
export async function checkCompanyFields(
  db: Executor,
  officeId: string,
  changed: Partial<TCompanyFields>,
  after: Partial<TCompanyFields>,
): Promise<{ place: string | null | undefined }> {
  const errors: FieldError[] = [];
  let place: string | null | undefined;
  if (changed.postcode !== undefined) {
    place = changed.place !== undefined ? changed.place : null;
    if (changed.postcode !== null) {
      const info = await lookupPostcode(db, changed.postcode).catch(() => undefined);
      if (!info) {
        errors.push({ field: 'body.postcode', code: 'unknown_postcode', messageKey: 'unknown_postcode' });
      } else if (changed.place === undefined || changed.place === null) {
        place = (info.places.find((p) => !p.organisation) ?? info.places[0])?.name ?? null;
      }
    }
  }
  if (changed.ownerUserId) {
    if (!(await repo.selectStaff(db, officeId, changed.ownerUserId))) {
      errors.push({ field: 'body.ownerUserId', code: 'unknown_user', messageKey: 'unknown_user' });
    }
  }
  if (changed.acquisitionOn && changed.acquisitionOn > todayIso()) {
    errors.push({ field: 'body.acquisitionOn', code: 'in_future', messageKey: 'impossible_date' });
  }
  if (after.acquisitionChannel === 'referral' && !after.acquisitionReferredBy?.trim()) {
    errors.push({
      field: 'body.acquisitionReferredBy',
      code: 'referred_by_required',
      messageKey: 'referred_by_required',
    });
  }
  if (errors.length > 0) throw new AppError('validation', errors);
  return { place };
}
