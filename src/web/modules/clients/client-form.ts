import { type TClient, type TClientFields, ZClientFields } from '../../../contracts/clients';
import { type TPlaceKind, ZPlaceKind } from '../../../contracts/companies.enums';

/** Yes / no / not recorded, as a select value. */
export type TTriState = '' | 'yes' | 'no';

/** One language row of the form: ISO 639 code and CEFR level ('' = not stated). */
export interface TLanguageRow {
  code: string;
  level: string;
}

/**
 * The client form as the inputs hold it: text for every text, date and select field ('' = empty),
 * tri-states for the yes/no facts. Keys are the API field names, so a server error at
 * `body.languages.0.level` lands on the input `languages.0.level`.
 */
export interface TClientFormValues {
  givenNames: string;
  familyName: string;
  spokenName: string;
  dateOfBirth: string;
  gender: string;
  phone: string;
  email: string;
  messenger: string;
  street: string;
  postcode: string;
  countryOfOrigin: string;
  citizenship: string;
  languages: TLanguageRow[];
  germanLevel: string;
  germanLevelDate: string;
  germanLevelSource: string;
  schoolQualification: string;
  schoolForeign: TTriState;
  schoolCountry: string;
  schoolRecognition: string;
  workExperience: string;
  interests: string;
  strengths: string;
  wishedOccupationIds: string[];
  mobilityRadiusKm: string;
  /** Start of the window in which the client can start (`YYYY-MM-DD`, '' = not stated). */
  availableFrom: string;
  /** End of that window (`YYYY-MM-DD`, '' = open); not before `availableFrom`. */
  availableUntil: string;
  /** Kinds of place wanted, in the order of the enum; empty = no preference. */
  wantedPlaceKinds: TPlaceKind[];
  drivingLicence: TTriState;
  residenceStatus: string;
  residenceParagraph: string;
  residenceExpiresOn: string;
  workPermit: string;
  workPermitExpiresOn: string;
  employmentStatusAtEntry: string;
  foreignBackground: TTriState;
  notes: string;
}

/** An empty intake form. */
export function emptyClientForm(): TClientFormValues {
  return {
    givenNames: '',
    familyName: '',
    spokenName: '',
    dateOfBirth: '',
    gender: '',
    phone: '',
    email: '',
    messenger: '',
    street: '',
    postcode: '',
    countryOfOrigin: '',
    citizenship: '',
    languages: [],
    germanLevel: '',
    germanLevelDate: '',
    germanLevelSource: '',
    schoolQualification: '',
    schoolForeign: '',
    schoolCountry: '',
    schoolRecognition: '',
    workExperience: '',
    interests: '',
    strengths: '',
    wishedOccupationIds: [],
    mobilityRadiusKm: '',
    availableFrom: '',
    availableUntil: '',
    wantedPlaceKinds: [],
    drivingLicence: '',
    residenceStatus: '',
    residenceParagraph: '',
    residenceExpiresOn: '',
    workPermit: '',
    workPermitExpiresOn: '',
    employmentStatusAtEntry: '',
    foreignBackground: '',
    notes: '',
  };
}

/** The place kinds in enum order (apprenticeship, internship, entry qualification, taster day). */
const PLACE_KIND_ORDER = ZPlaceKind.options;

const toTri = (value: boolean | null | undefined): TTriState =>
  value === true ? 'yes' : value === false ? 'no' : '';
const fromTri = (value: TTriState): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;
const text = (value: string | null | undefined): string => value ?? '';

/** The form values of a stored client (for editing). */
export function clientToForm(client: TClient): TClientFormValues {
  return {
    givenNames: client.givenNames,
    familyName: client.familyName,
    spokenName: text(client.spokenName),
    dateOfBirth: text(client.dateOfBirth),
    gender: text(client.gender),
    phone: text(client.phone),
    email: text(client.email),
    messenger: text(client.messenger),
    street: text(client.street),
    postcode: text(client.postcode),
    countryOfOrigin: text(client.countryOfOrigin),
    citizenship: text(client.citizenship),
    languages: client.languages.map((row) => ({ code: row.code, level: row.level ?? '' })),
    germanLevel: text(client.germanLevel),
    germanLevelDate: text(client.germanLevelDate),
    germanLevelSource: text(client.germanLevelSource),
    schoolQualification: text(client.schoolQualification),
    schoolForeign: toTri(client.schoolForeign),
    schoolCountry: text(client.schoolCountry),
    schoolRecognition: text(client.schoolRecognition),
    workExperience: text(client.workExperience),
    interests: text(client.interests),
    strengths: text(client.strengths),
    wishedOccupationIds: [...client.wishedOccupationIds],
    mobilityRadiusKm: client.mobilityRadiusKm === null ? '' : String(client.mobilityRadiusKm),
    availableFrom: text(client.availableFrom),
    availableUntil: text(client.availableUntil),
    wantedPlaceKinds: sortPlaceKinds(client.wantedPlaceKinds ?? []),
    drivingLicence: toTri(client.drivingLicence),
    residenceStatus: text(client.residenceStatus),
    residenceParagraph: text(client.residenceParagraph),
    residenceExpiresOn: text(client.residenceExpiresOn),
    workPermit: text(client.workPermit),
    workPermitExpiresOn: text(client.workPermitExpiresOn),
    employmentStatusAtEntry: text(client.employmentStatusAtEntry),
    foreignBackground: toTri(client.foreignBackground),
    notes: text(client.notes),
  };
}

/** The place kinds without repeats, in the order of `ZPlaceKind` (so the same choice always compares equal). */
export function sortPlaceKinds(kinds: readonly TPlaceKind[]): TPlaceKind[] {
  return PLACE_KIND_ORDER.filter((kind) => kinds.includes(kind));
}

/**
 * The error code of the availability window, as the server would answer it at `availableUntil`:
 * `until_before_from` when both are calendar days (`YYYY-MM-DD`) and the end lies before the start; else
 * null (an open end, an unknown start or a malformed day is left to the date input and the server).
 */
export function availabilityProblem(
  values: Pick<TClientFormValues, 'availableFrom' | 'availableUntil'>,
): 'until_before_from' | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = values.availableFrom.trim();
  const until = values.availableUntil.trim();
  return day.test(from) && day.test(until) && until < from ? 'until_before_from' : null;
}

/** Trimmed text, or null when empty. */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The request fields of the form values: texts trimmed, empty → null, the radius as an integer (a
 * non-number is sent as is, so the server names the field), language rows without a code dropped,
 * the school country only for a foreign qualification. Enum values are passed through unchecked:
 * the server validates them and answers field errors.
 */
export function formToClientFields(values: TClientFormValues): TClientFields {
  const radius = values.mobilityRadiusKm.trim();
  const radiusNumber = radius === '' ? null : Number(radius);
  const foreign = fromTri(values.schoolForeign);
  return {
    givenNames: values.givenNames.trim(),
    familyName: values.familyName.trim(),
    spokenName: orNull(values.spokenName),
    dateOfBirth: orNull(values.dateOfBirth),
    gender: orNull(values.gender) as TClientFields['gender'],
    phone: orNull(values.phone),
    email: orNull(values.email),
    messenger: orNull(values.messenger),
    street: orNull(values.street),
    postcode: orNull(values.postcode),
    countryOfOrigin: orNull(values.countryOfOrigin),
    citizenship: orNull(values.citizenship),
    languages: values.languages
      .filter((row) => row.code.trim() !== '')
      .map((row) => ({
        code: row.code.trim(),
        level: orNull(row.level) as NonNullable<TClientFields['languages']>[number]['level'],
      })),
    germanLevel: orNull(values.germanLevel) as TClientFields['germanLevel'],
    germanLevelDate: orNull(values.germanLevelDate),
    germanLevelSource: orNull(values.germanLevelSource) as TClientFields['germanLevelSource'],
    schoolQualification: orNull(values.schoolQualification) as TClientFields['schoolQualification'],
    schoolForeign: foreign,
    schoolCountry: foreign ? orNull(values.schoolCountry) : null,
    schoolRecognition: foreign
      ? (orNull(values.schoolRecognition) as TClientFields['schoolRecognition'])
      : null,
    workExperience: orNull(values.workExperience),
    interests: orNull(values.interests),
    strengths: orNull(values.strengths),
    wishedOccupationIds: [...values.wishedOccupationIds],
    mobilityRadiusKm:
      radiusNumber !== null && Number.isFinite(radiusNumber)
        ? Math.trunc(radiusNumber)
        : (radiusNumber as number | null),
    availableFrom: orNull(values.availableFrom),
    availableUntil: orNull(values.availableUntil),
    wantedPlaceKinds: sortPlaceKinds(values.wantedPlaceKinds),
    drivingLicence: fromTri(values.drivingLicence),
    residenceStatus: orNull(values.residenceStatus) as TClientFields['residenceStatus'],
    residenceParagraph: orNull(values.residenceParagraph),
    residenceExpiresOn: orNull(values.residenceExpiresOn),
    workPermit: orNull(values.workPermit) as TClientFields['workPermit'],
    workPermitExpiresOn: orNull(values.workPermitExpiresOn),
    employmentStatusAtEntry: orNull(
      values.employmentStatusAtEntry,
    ) as TClientFields['employmentStatusAtEntry'],
    foreignBackground: fromTri(values.foreignBackground),
    notes: orNull(values.notes),
  };
}

/**
 * The fields of `after` that differ from `before` (compared as JSON), for a PATCH that sends only
 * what was changed. Empty when nothing changed.
 */
export function changedClientFields(before: TClientFields, after: TClientFields): Partial<TClientFields> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof TClientFields)[]) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b) changes[key] = after[key];
  }
  return changes as Partial<TClientFields>;
}

/**
 * Age in whole years on `onDay` (both `YYYY-MM-DD`); null when the birth date is missing or not a day.
 * A birthday on 29 February counts as reached on 1 March in other years.
 */
export function ageOn(dateOfBirth: string | null | undefined, onDay: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth ?? '');
  const on = /^(\d{4})-(\d{2})-(\d{2})$/.exec(onDay);
  if (!birth || !on) return null;
  const [by, bm, bd] = birth.slice(1).map(Number) as [number, number, number];
  const [oy, om, od] = on.slice(1).map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

/**
 * Age below which a guardian gives consent (issue 4: under 16, configurable on the server; the
 * server has the last word and answers a field error when its setting differs).
 */
export const GUARDIAN_CONSENT_AGE = 16;

/** True when a client born on `dateOfBirth` needs a guardian's consent on `onDay`. */
export function needsGuardianConsent(dateOfBirth: string | null | undefined, onDay: string): boolean {
  const age = ageOn(dateOfBirth, onDay);
  return age !== null && age < GUARDIAN_CONSENT_AGE;
}

/**
 * Form path of a problem field: `body.languages.0.level` → `languages.0.level`; the prefix of the
 * request part (`body.`, `query.`, `params.`) is dropped, and so is `client.` of the intake body
 * (`body.client.dateOfBirth` → `dateOfBirth`).
 */
export function problemFieldPath(field: string): string {
  return field.replace(/^(body|query|params)\./, '').replace(/^client\./, '');
}

/** Input for the duplicate check once names and birth date are filled in, else null. */
export function duplicateCheckInput(
  values: Pick<TClientFormValues, 'givenNames' | 'familyName' | 'dateOfBirth'>,
): { givenNames: string; familyName: string; dateOfBirth: string } | null {
  const givenNames = values.givenNames.trim();
  const familyName = values.familyName.trim();
  const dateOfBirth = values.dateOfBirth.trim();
  if (!givenNames || !familyName || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  return { givenNames, familyName, dateOfBirth };
}

/**
 * Form paths of the fields the API contract would refuse (`ZClientFields`), e.g. `email`,
 * `languages.0.level`, `mobilityRadiusKm`: checked before sending, so an intake that is saved in several
 * steps (client, guardian, consent, remaining fields) does not fail half-way on a malformed field.
 */
export function invalidClientFields(fields: TClientFields): string[] {
  const result = ZClientFields.safeParse(fields);
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => issue.path.map(String).join('.')))];
}

/** The minimal record kept without counselling consent: names and birth date. */
export function minimalClientFields(fields: TClientFields): TClientFields {
  return {
    givenNames: fields.givenNames,
    familyName: fields.familyName,
    dateOfBirth: fields.dateOfBirth ?? null,
  };
}
