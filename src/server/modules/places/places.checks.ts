import type { TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import type { TOccupationSuggestion } from '../../../contracts/places';
import { type TOccupation, TRAINING_KINDS } from '../../../contracts/reference';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { getOccupation, lookupPostcode, searchOccupations } from '../reference/index';
import { contactPersonOfCompany } from './places.repository';

/**
 * Rules of a training place that zod cannot check: the occupation against the occupation list and
 * the kind of place, EQ duration, start date, postcode, contact person. Sources: BBiG/HwO (an
 * apprenticeship is in a state-recognised training occupation; trainings under their own federal law,
 * e.g. PflBG, count too), § 54a SGB III (EQ lasts 6–12 months).
 */

/**
 * Occupation kinds a training place can be offered in: recognised under BBiG/HwO, or a training under
 * its own federal law such as Pflegefachmann/-frau (PflBG) — a real training with contract and pay (not
 * EQ fields).
 */
const RECOGNISED = new Set<string>(TRAINING_KINDS);

/** What a place will look like after the write (create: the input; update: the row merged with the patch). */
export interface PlaceDraft {
  companyId: string;
  kind: TPlaceKind;
  occupationId: string | null;
  startsOn: string | null;
  durationMonths: number | null;
  postcode: string | null;
  contactPersonId: string | null;
  status: TPlaceStatus;
}

/** Which parts of the draft the request changes (only those are checked; `occupation` = occupation or kind). */
export interface DraftChanges {
  creating: boolean;
  startsOn: boolean;
  status: boolean;
  occupation: boolean;
  postcode: boolean;
  contactPerson: boolean;
  duration: boolean;
}

/** What the checks found out: the occupation, the place name of the postcode, the default duration. */
export interface CheckedPlace {
  occupation: TOccupation | null;
  /** First town of the postcode (null without postcode or when unchanged). */
  postcodePlace: string | null;
  /** Standard duration in months for the kind and occupation (EQ at most 12), or null. */
  defaultDurationMonths: number | null;
}

/**
 * The nearest recognised occupations to a free text (the reference module's search: names, aliases,
 * misspellings), at most 3; EQ fields only when `includeEq`.
 */
export async function suggestOccupations(
  db: Executor,
  text: string,
  includeEq: boolean,
): Promise<TOccupationSuggestion[]> {
  const q = text
    .replace(/^eq[\s-]+/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  if (!q) return [];
  const { items } = await searchOccupations(db, { q, limit: 10, offset: 0 });
  return items
    .filter((o) => includeEq || RECOGNISED.has(o.kind))
    .slice(0, 3)
    .map((o) => ({ id: o.id, name: o.name }));
}

/**
 * Checks a place draft and collects every problem before throwing.
 * - `occupationId` must be on the occupation list; required for apprenticeships (a recognised training
 *   occupation, not an EQ field) and EQ (an occupation or EQ field);
 * - an EQ lasts 6–12 months;
 * - an open place cannot start in the past (checked on create, and when the date or the status changes);
 * - `postcode` must exist; the contact person must belong to the company.
 * @param today `YYYY-MM-DD` (Germany)
 * @throws AppError `place_invalid` (422) with field errors (`body.occupationId`: `unknown_occupation`,
 *   `occupation_required`, `occupation_not_recognised`; `body.durationMonths`: `eq_duration`;
 *   `body.startsOn`: `starts_in_past`; `body.postcode`: `unknown_postcode`; `body.contactPersonId`:
 *   `contact_person_not_of_company`) and `suggestions` of the nearest recognised occupations
 */
export async function checkPlaceDraft(
  db: Executor,
  draft: PlaceDraft,
  changes: DraftChanges,
  today: string,
): Promise<CheckedPlace> {
  const errors: FieldError[] = [];
  let suggestions: TOccupationSuggestion[] = [];
  const field = (name: string, code: FieldError['messageKey'] & string) =>
    errors.push({ field: `body.${name}`, code, messageKey: code });

  let occupation: TOccupation | null = null;
  if (draft.occupationId) {
    occupation = await getOccupation(db, draft.occupationId).catch(() => null);
    if (!occupation) {
      field('occupationId', 'unknown_occupation');
      suggestions = await suggestOccupations(db, draft.occupationId, draft.kind !== 'apprenticeship');
    }
  }
  const occupationChecked = changes.creating || changes.occupation;
  if (occupationChecked && (draft.kind === 'apprenticeship' || draft.kind === 'entry_qualification')) {
    if (!draft.occupationId) field('occupationId', 'occupation_required');
  }
  if (
    occupationChecked &&
    occupation &&
    draft.kind === 'apprenticeship' &&
    !RECOGNISED.has(occupation.kind)
  ) {
    field('occupationId', 'occupation_not_recognised');
    suggestions = await suggestOccupations(db, occupation.name, false);
  }

  let defaultDurationMonths: number | null = null;
  if (occupation && draft.kind === 'apprenticeship') defaultDurationMonths = occupation.durationMonths;
  if (occupation && draft.kind === 'entry_qualification') {
    defaultDurationMonths = Math.min(occupation.durationMonths, 12);
  }
  const duration = draft.durationMonths ?? (changes.creating ? defaultDurationMonths : null);
  if (draft.kind === 'entry_qualification' && duration !== null && (duration < 6 || duration > 12)) {
    if (changes.creating || changes.duration || changes.status) field('durationMonths', 'eq_duration');
  }

  const startMatters = changes.creating || changes.startsOn || changes.status;
  if (startMatters && draft.status === 'open' && draft.startsOn !== null && draft.startsOn < today) {
    field('startsOn', 'starts_in_past');
  }

  let postcodePlace: string | null = null;
  if (draft.postcode && changes.postcode) {
    const info = await lookupPostcode(db, draft.postcode).catch(() => null);
    if (!info) field('postcode', 'unknown_postcode');
    else postcodePlace = (info.places.find((p) => !p.organisation) ?? info.places[0])?.name ?? null;
  }

  if (draft.contactPersonId && changes.contactPerson) {
    if (!(await contactPersonOfCompany(db, draft.companyId, draft.contactPersonId))) {
      field('contactPersonId', 'contact_person_not_of_company');
    }
  }

  if (errors.length > 0) {
    throw new AppError('place_invalid', errors, suggestions.length > 0 ? { suggestions } : {});
  }
  return { occupation, postcodePlace, defaultDurationMonths };
}
