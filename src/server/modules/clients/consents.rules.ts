import { AppError } from '../../platform/errors';
import { ageOn } from './clients.programme';

/**
 * The minors rule of issue 4 (DSGVO Art. 8 sets 16 as the age from which a young person consents
 * alone; `CONSENT_MIN_AGE` configures it): a consent given by the client personally needs a known date
 * of birth and an age of at least `minAge` on the day it was given.
 * @param field the request field to name in the error (e.g. `body.givenBy`)
 * @throws AppError `guardian_consent_required` (400) with field code `below_consent_age` or
 *   `date_of_birth_unknown`
 */
export function assertClientMayConsent(opts: {
  minAge: number;
  dateOfBirth: string | null;
  givenOn: string;
  field: string;
}): void {
  if (!opts.dateOfBirth) {
    throw new AppError('guardian_consent_required', [{ field: opts.field, code: 'date_of_birth_unknown' }]);
  }
  if (ageOn(opts.dateOfBirth, opts.givenOn) < opts.minAge) {
    throw new AppError('guardian_consent_required', [{ field: opts.field, code: 'below_consent_age' }]);
  }
}

/**
 * A date that must not lie in the future (relative to `today`) nor before `notBefore`.
 * @returns a field error for `field`, or null when the date is possible
 */
export function impossibleDate(
  value: string | null | undefined,
  field: string,
  bounds: { today: string; notBefore?: string | null },
): { field: string; code: string; messageKey: 'impossible_date' } | null {
  if (!value) return null;
  if (value > bounds.today || (bounds.notBefore && value < bounds.notBefore)) {
    return { field, code: 'impossible_date', messageKey: 'impossible_date' };
  }
  return null;
}
