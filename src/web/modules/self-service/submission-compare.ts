import type { TClient } from '../../../contracts/clients';
import type { TProfileSubmission, TTakeOverField } from '../../../contracts/self-service';

/**
 * A row of the side-by-side view: a field the counsellor can take over, or one shown for
 * information (the school years have no field in the record; uploads stay with the submission).
 */
export type TCompareField = TTakeOverField | 'schoolYears' | 'uploads';

/** One row: whether the profile answered it, whether the record has it, whether it can be taken over. */
export interface TCompareRow {
  field: TCompareField;
  takeable: boolean;
  hasAnswer: boolean;
  recordEmpty: boolean;
  /** True when the answer says what the record says already. */
  same: boolean;
}

type TRecord = Pick<
  TClient,
  | 'spokenName'
  | 'phone'
  | 'email'
  | 'languages'
  | 'germanLevel'
  | 'schoolQualification'
  | 'schoolCountry'
  | 'workExperience'
  | 'wishedOccupationIds'
  | 'interests'
  | 'mobilityRadiusKm'
  | 'drivingLicence'
  | 'availableFrom'
>;

const filled = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The fields of the comparison, in the order of the form. */
export const COMPARE_FIELDS: readonly TCompareField[] = [
  'spokenName',
  'phone',
  'email',
  'languages',
  'germanLevel',
  'school',
  'schoolYears',
  'workExperience',
  'wishedOccupationIds',
  'interests',
  'mobility',
  'availability',
  'uploads',
];

/**
 * The rows of the side-by-side view of a submission and the record. Languages and wished occupations
 * count as "same" when the record holds every one of them already (taking over adds, never removes).
 */
export function compareRows(submission: TProfileSubmission, record: TRecord): TCompareRow[] {
  const a = submission.answers;
  const recordCodes = new Set(record.languages.map((l) => l.code));
  const rows: Record<TCompareField, Omit<TCompareRow, 'field'>> = {
    spokenName: row(true, a.spokenName, record.spokenName, a.spokenName === record.spokenName),
    phone: row(true, a.phone, record.phone, a.phone === record.phone),
    email: row(true, a.email, record.email, a.email === record.email),
    languages: row(
      true,
      a.languages,
      record.languages,
      (a.languages ?? []).every((l) => recordCodes.has(l.code)),
    ),
    germanLevel: row(
      true,
      submission.suggestedGermanLevel,
      record.germanLevel,
      submission.suggestedGermanLevel === record.germanLevel,
    ),
    school: row(
      true,
      a.schoolQualification ?? a.schoolCountry,
      record.schoolQualification ?? record.schoolCountry,
      (a.schoolQualification ?? null) === (record.schoolQualification ?? null) &&
        (a.schoolCountry ?? null) === (record.schoolCountry ?? null),
    ),
    schoolYears: row(false, a.schoolYears, null, false),
    workExperience: row(
      true,
      a.workExperience,
      record.workExperience,
      a.workExperience === record.workExperience,
    ),
    wishedOccupationIds: row(
      true,
      a.wishedOccupationIds,
      record.wishedOccupationIds,
      (a.wishedOccupationIds ?? []).every((id) => record.wishedOccupationIds.includes(id)),
    ),
    interests: row(true, a.interests, record.interests, a.interests === record.interests),
    mobility: row(
      true,
      a.mobilityRadiusKm ?? a.drivingLicence,
      record.mobilityRadiusKm ?? record.drivingLicence,
      (a.mobilityRadiusKm ?? null) === (record.mobilityRadiusKm ?? null) &&
        (a.drivingLicence ?? null) === (record.drivingLicence ?? null),
    ),
    // Taken over as the record's `availableFrom` when the answer gives a day (the server's suggestion).
    availability: {
      takeable: submission.suggestedAvailableFrom !== null,
      hasAnswer: filled(a.availability),
      recordEmpty: !filled(record.availableFrom),
      same:
        submission.suggestedAvailableFrom !== null &&
        submission.suggestedAvailableFrom === record.availableFrom,
    },
    uploads: row(false, submission.uploads, null, false),
  };
  return COMPARE_FIELDS.map((field) => ({ field, ...rows[field] }));
}

function row(takeable: boolean, answer: unknown, record: unknown, same: boolean): Omit<TCompareRow, 'field'> {
  const hasAnswer = filled(answer);
  return {
    takeable: takeable && hasAnswer,
    hasAnswer,
    recordEmpty: !filled(record),
    same: hasAnswer && same,
  };
}

/** Fields whose take-over adds to the record instead of replacing it. */
const ADDITIVE: readonly TCompareField[] = ['languages', 'wishedOccupationIds'];

/**
 * The fields ticked when the view opens: answers that fill an empty field of the record, or add
 * languages or wished occupations, and were not taken over before. Answers that would replace what
 * the record says (a certified German level, another phone number) stay unticked: the counsellor
 * sees both and decides.
 */
export function defaultTicks(
  rows: readonly TCompareRow[],
  confirmed: readonly TTakeOverField[],
): TTakeOverField[] {
  return rows
    .filter(
      (r) =>
        r.takeable &&
        !r.same &&
        !confirmed.includes(r.field as TTakeOverField) &&
        (r.recordEmpty || ADDITIVE.includes(r.field)),
    )
    .map((r) => r.field as TTakeOverField);
}
