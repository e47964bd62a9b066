import type {
  TClient,
  TClientSummary,
  TConsent,
  TGuardian,
  TProgrammeFields,
} from '../../../contracts/clients';
import type { TRole } from '../../../contracts/common';
import type { Actor } from '../../platform/auth/context';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import {
  type ClientField,
  emptyValue,
  MINIMAL_FIELDS,
  SENSITIVE_FIELDS,
  seesSensitive,
} from './clients.fields';
import { programmeFields } from './clients.programme';
import type { ClientRow, ClientSummaryRow } from './clients.repository';
import type { ConsentRow } from './consents.repository';
import type { GuardianRow } from './guardians.repository';

/** Time zone whose calendar day counts as "today" (the offices are in Germany). */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

/** The calendar date in Germany of `at` (default now) as `YYYY-MM-DD`. */
export function todayIso(at: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Offices whose clients an actor reaches: its own office only (issue 4; no sharing without referral). */
export function clientScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** Maps a guardian row to the API shape. */
export function toGuardian(r: GuardianRow): TGuardian {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation as TGuardian['relation'],
    phone: r.phone,
    email: r.email,
    language: r.language,
    involvedInCounselling: r.involved_in_counselling,
    version: r.version,
  };
}

/** Maps a consent row to the API shape; `active` = not withdrawn and given by `today`. */
export function toConsent(r: ConsentRow, today: string = todayIso()): TConsent {
  return {
    id: r.id,
    purpose: r.purpose as TConsent['purpose'],
    partnerName: r.partner_name,
    legalBasis: r.legal_basis as TConsent['legalBasis'],
    givenOn: r.given_on,
    form: r.form as TConsent['form'],
    givenBy: r.given_by as TConsent['givenBy'],
    guardianId: r.guardian_id,
    recordedBy: r.recorded_by_name,
    recordedAt: new Date(r.recorded_at).toISOString(),
    withdrawnOn: r.withdrawn_on,
    active: r.withdrawn_on === null && r.given_on <= today,
  };
}

/** True when one of the consents is an active counselling consent. */
export function hasCounsellingConsent(consents: readonly TConsent[]): boolean {
  return consents.some((c) => c.purpose === 'counselling' && c.active);
}

/** The client's fields (`ZClientFields`) read from a row, dates as `YYYY-MM-DD`. */
export function fieldsOf(r: ClientRow): Record<ClientField, unknown> {
  return {
    givenNames: r.given_names,
    familyName: r.family_name,
    spokenName: r.spoken_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    phone: r.phone,
    email: r.email,
    messenger: r.messenger,
    street: r.street,
    postcode: r.postcode?.trim() ?? null,
    countryOfOrigin: r.country_of_origin?.trim() ?? null,
    citizenship: r.citizenship?.trim() ?? null,
    languages: r.languages ?? [],
    germanLevel: r.german_level?.trim() ?? null,
    germanLevelDate: r.german_level_date,
    germanLevelSource: r.german_level_source,
    schoolQualification: r.school_qualification,
    schoolForeign: r.school_foreign,
    schoolCountry: r.school_country?.trim() ?? null,
    schoolRecognition: r.school_recognition,
    workExperience: r.work_experience,
    interests: r.interests,
    strengths: r.strengths,
    wishedOccupationIds: r.wished_occupation_ids ?? [],
    mobilityRadiusKm: r.mobility_radius_km,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    wantedPlaceKinds: r.wanted_place_kinds ?? [],
    drivingLicence: r.driving_licence,
    residenceStatus: r.residence_status,
    residenceParagraph: r.residence_paragraph,
    residenceExpiresOn: r.residence_expires_on,
    workPermit: r.work_permit,
    workPermitExpiresOn: r.work_permit_expires_on,
    employmentStatusAtEntry: r.employment_status_at_entry,
    foreignBackground: r.foreign_background,
    notes: r.notes,
  };
}

/** Nulls the sensitive fields for a role that may not see them (the one place this rule is applied). */
export function redactSensitive<T extends Partial<Record<ClientField, unknown>>>(fields: T, role: TRole): T {
  if (seesSensitive(role)) return fields;
  const out: Record<string, unknown> = { ...fields };
  for (const f of SENSITIVE_FIELDS) if (f in out) out[f] = emptyValue(f);
  return out as T;
}

/** Region of the client's postcode, derived from the reference data (null without postcode). */
export interface Region {
  landCode: string | null;
  kreisAgs: string | null;
  densityPerKm2: number | null;
}

/** Programme fields of a client row (entry day = the day it was created, in Germany). */
export function programmeOf(r: ClientRow, region: Region): TProgrammeFields {
  return programmeFields({
    dateOfBirth: r.date_of_birth,
    entryOn: todayIso(new Date(r.created_at)),
    schoolQualification: r.school_qualification,
    schoolForeign: r.school_foreign,
    schoolRecognition: r.school_recognition,
    citizenship: r.citizenship?.trim() ?? null,
    kreisDensityPerKm2: region.densityPerKm2,
  });
}

/** What a programme snapshot holds: the programme fields, employment status at entry and foreign background. */
export function snapshotData(r: ClientRow, region: Region): Record<string, unknown> {
  return {
    ...programmeOf(r, region),
    employmentStatus: r.employment_status_at_entry,
    foreignBackground: r.foreign_background,
  };
}

/**
 * The API shape of a client for `role`: without an active counselling consent only the minimal
 * record (`minimal: true`, other fields null); sensitive fields null for roles without access.
 */
export function toClient(
  r: ClientRow,
  extra: { consents: TConsent[]; guardians: TGuardian[]; region: Region; role: TRole },
): TClient {
  const minimal = !hasCounsellingConsent(extra.consents);
  const fields = fieldsOf(r);
  if (minimal) {
    for (const f of Object.keys(fields) as ClientField[])
      if (!MINIMAL_FIELDS.has(f)) fields[f] = emptyValue(f);
  }
  const shown = redactSensitive(fields, extra.role);
  return {
    ...(shown as unknown as Omit<TClient, 'id'>),
    id: r.id,
    officeId: r.office_id,
    place: minimal ? null : r.place,
    landCode: minimal ? null : extra.region.landCode,
    kreisAgs: minimal ? null : extra.region.kreisAgs,
    programme: minimal
      ? { ageGroupAtEntry: null, iscedLevel: null, citizenshipGroup: null, ruralResidence: null }
      : programmeOf(r, extra.region),
    minimal,
    consents: extra.consents,
    guardians: extra.guardians,
    caseId: r.case_id,
    mergedIntoId: r.merged_into_id,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Maps a list/search row to `ZClientSummary`. */
export function toSummary(r: ClientSummaryRow): TClientSummary {
  return {
    id: r.id,
    givenNames: r.given_names,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    postcode: r.postcode,
    place: r.place,
    germanLevel: (r.german_level?.trim() ?? null) as TClientSummary['germanLevel'],
    caseId: r.case_id,
    stage: r.case_stage,
    counsellorName: r.counsellor_name,
    lastContactOn: r.case_last_contact_on,
  };
}
