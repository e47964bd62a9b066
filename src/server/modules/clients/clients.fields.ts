import type { TClientFields } from '../../../contracts/clients';
import type { TRole } from '../../../contracts/common';
import type { ClientTable } from '../../platform/db/schema.counselling';

/** A client field of the API (`ZClientFields` key). */
export type ClientField = keyof TClientFields;

/** Column of `client` behind each API field (snake_case). */
export const FIELD_COLUMNS = {
  givenNames: 'given_names',
  familyName: 'family_name',
  spokenName: 'spoken_name',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  phone: 'phone',
  email: 'email',
  messenger: 'messenger',
  street: 'street',
  postcode: 'postcode',
  countryOfOrigin: 'country_of_origin',
  citizenship: 'citizenship',
  languages: 'languages',
  germanLevel: 'german_level',
  germanLevelDate: 'german_level_date',
  germanLevelSource: 'german_level_source',
  schoolQualification: 'school_qualification',
  schoolForeign: 'school_foreign',
  schoolCountry: 'school_country',
  schoolRecognition: 'school_recognition',
  workExperience: 'work_experience',
  interests: 'interests',
  strengths: 'strengths',
  wishedOccupationIds: 'wished_occupation_ids',
  mobilityRadiusKm: 'mobility_radius_km',
  availableFrom: 'available_from',
  availableUntil: 'available_until',
  wantedPlaceKinds: 'wanted_place_kinds',
  drivingLicence: 'driving_licence',
  residenceStatus: 'residence_status',
  residenceParagraph: 'residence_paragraph',
  residenceExpiresOn: 'residence_expires_on',
  workPermit: 'work_permit',
  workPermitExpiresOn: 'work_permit_expires_on',
  employmentStatusAtEntry: 'employment_status_at_entry',
  foreignBackground: 'foreign_background',
  notes: 'notes',
} as const satisfies Record<ClientField, keyof ClientTable>;

/** Every API field, in contract order. */
export const CLIENT_FIELDS = Object.keys(FIELD_COLUMNS) as ClientField[];

/**
 * The minimal record kept without an active counselling consent: the names, and the date of birth,
 * which the intake needs to check for duplicates and to decide who may consent (the guardian below
 * the consent age). Everything else needs counselling consent (DSGVO Art. 5(1)(c) data
 * minimisation, Art. 6(1)(a) consent as the legal basis of counselling).
 */
export const MINIMAL_FIELDS: ReadonlySet<ClientField> = new Set(['givenNames', 'familyName', 'dateOfBirth']);

/**
 * Fields cleared when the counselling consent is withdrawn (DSGVO Art. 7(3)): all but the names.
 * The date of birth goes too; a renewed consent starts from the names.
 */
export const CLEARED_ON_WITHDRAWAL: readonly ClientField[] = CLIENT_FIELDS.filter(
  (f) => f !== 'givenNames' && f !== 'familyName',
);

/**
 * Sensitive fields (DOMAIN.md "Rules worth knowing"): residence status and its paragraph and expiry,
 * the work permit and its expiry, and the free notes. Shown only to roles in `SENSITIVE_ROLES`.
 */
export const SENSITIVE_FIELDS: readonly ClientField[] = [
  'residenceStatus',
  'residenceParagraph',
  'residenceExpiresOn',
  'workPermit',
  'workPermitExpiresOn',
  'notes',
];

/**
 * The one rule on who sees sensitive client fields: counsellors and coordinators of the owning office.
 * Any other role that later reads clients (volunteers with assigned tandems) gets them as null.
 */
export const SENSITIVE_ROLES: ReadonlySet<TRole> = new Set(['counsellor', 'coordinator']);

/** True when `role` may see the sensitive fields. */
export function seesSensitive(role: TRole): boolean {
  return SENSITIVE_ROLES.has(role);
}

/** An empty value of a field (what a cleared or minimal record holds). */
export function emptyValue(field: ClientField): null | never[] {
  return field === 'languages' || field === 'wishedOccupationIds' || field === 'wantedPlaceKinds' ? [] : null;
}

/** True when `value` holds something (not null/undefined, not an empty list or string). */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}
