import { z } from 'zod';
import { ZName, ZProblem, ZTimestamp, ZVersion } from './common';
import { ZPlaceKind } from './companies.enums';
import { ZPostcode } from './reference';

/** ISO 8601 calendar date `YYYY-MM-DD` (a real date: 2026-02-30 is refused). */
export const ZDate = z.iso.date();

/** CEFR level (Common European Framework of Reference): A1 … C2. */
export const ZCefrLevel = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
/** CEFR level. */
export type TCefrLevel = z.infer<typeof ZCefrLevel>;

/** Gender as recorded (PStG § 22 allows "divers"; "not_stated" when the person does not say). */
export const ZGender = z.enum(['female', 'male', 'diverse', 'not_stated']);

/** Where a German level comes from. */
export const ZGermanLevelSource = z.enum(['certificate', 'self_assessment', 'counsellor_estimate']);

/**
 * School qualification (DOMAIN.md `SchoolQualification`): none, Erster Schulabschluss (ESA, formerly
 * Hauptschulabschluss), Mittlerer Schulabschluss (MSA), Fachhochschulreife, Abitur.
 */
export const ZSchoolQualification = z.enum(['none', 'esa', 'msa', 'fachhochschulreife', 'abitur']);
/** Recognition state of a foreign certificate (Anerkennung / Zeugnisbewertung). */
export const ZRecognitionState = z.enum([
  'not_applied',
  'applied',
  'recognised',
  'partially_recognised',
  'refused',
]);

/** Residence status type (DOMAIN.md `ResidenceStatus`); facts only, never a legal verdict. */
export const ZResidenceStatus = z.enum([
  'aufenthaltsgestattung',
  'duldung',
  'ausbildungsduldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'eu_citizen',
  'german_citizen',
  'other',
]);
/** Residence status. */
export type TResidenceStatus = z.infer<typeof ZResidenceStatus>;

/** Work permit (Beschäftigungserlaubnis) as recorded. */
export const ZWorkPermit = z.enum(['yes', 'no', 'applied', 'not_needed']);

/** Employment status at programme entry (ESF+ common indicators). */
export const ZEmploymentStatus = z.enum([
  'unemployed',
  'long_term_unemployed',
  'inactive',
  'employed_or_training',
]);

/** A spoken language: ISO 639 code (2 or 3 letters) with an optional CEFR level. */
export const ZLanguage = z.object({ code: z.string().regex(/^[a-z]{2,3}$/), level: ZCefrLevel.nullable() });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const ZCountry = z.string().regex(/^[A-Z]{2}$/);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * Editable client fields (all but the names optional). Dates are `YYYY-MM-DD`; `mobilityRadiusKm` in km;
 * `wishedOccupationIds` are ids of the occupation list (`/api/reference/occupations`). The place, Land
 * and Kreis are derived from `postcode`. For matching: `availableFrom`/`availableUntil` is the window in
 * which the client can start (until ≥ from, else 400 `validation` with code `until_before_from` on
 * `body.availableUntil`), `wantedPlaceKinds` the kinds of place wanted (empty = no preference), and the
 * free-text `interests` are split into keywords. Residence fields and notes are sensitive: only counsellors
 * and coordinators of the owning office see them.
 */
export const ZClientFields = z.object({
  givenNames: ZName(1, 120),
  familyName: ZName(1, 120),
  spokenName: ZName(1, 120).nullable().optional(),
  dateOfBirth: ZDate.nullable().optional(),
  gender: ZGender.nullable().optional(),
  phone: optionalText(40),
  email: z.email().max(254).nullable().optional(),
  messenger: optionalText(120),
  street: optionalText(200),
  postcode: ZPostcode.nullable().optional(),
  countryOfOrigin: ZCountry.nullable().optional(),
  citizenship: ZCountry.nullable().optional(),
  languages: z.array(ZLanguage).max(20).optional(),
  germanLevel: ZCefrLevel.nullable().optional(),
  germanLevelDate: ZDate.nullable().optional(),
  germanLevelSource: ZGermanLevelSource.nullable().optional(),
  schoolQualification: ZSchoolQualification.nullable().optional(),
  schoolForeign: z.boolean().nullable().optional(),
  schoolCountry: ZCountry.nullable().optional(),
  schoolRecognition: ZRecognitionState.nullable().optional(),
  workExperience: optionalText(4000),
  interests: optionalText(4000),
  strengths: optionalText(4000),
  wishedOccupationIds: z.array(z.string().max(120)).max(10).optional(),
  mobilityRadiusKm: z.int().min(0).max(1000).nullable().optional(),
  availableFrom: ZDate.nullable().optional(),
  availableUntil: ZDate.nullable().optional(),
  wantedPlaceKinds: z.array(ZPlaceKind).max(4).optional(),
  drivingLicence: z.boolean().nullable().optional(),
  residenceStatus: ZResidenceStatus.nullable().optional(),
  residenceParagraph: optionalText(60),
  residenceExpiresOn: ZDate.nullable().optional(),
  workPermit: ZWorkPermit.nullable().optional(),
  workPermitExpiresOn: ZDate.nullable().optional(),
  employmentStatusAtEntry: ZEmploymentStatus.nullable().optional(),
  foreignBackground: z.boolean().nullable().optional(),
  notes: optionalText(10000),
});
/** Client fields as sent. */
export type TClientFields = z.infer<typeof ZClientFields>;

/**
 * Counselling consent given by the client at intake (DSGVO Art. 6(1)(a)), recorded with the client in
 * one step. Clients under the consent age (default 16) need a guardian's consent instead: create them
 * with names and date of birth only, add the guardian, then record the consent.
 */
export const ZIntakeConsent = z.object({
  legalBasis: z.enum(['art6_1a', 'art9_2a']).default('art6_1a'),
  givenOn: ZDate,
  form: z.enum(['paper', 'digital']),
});

/**
 * Body of `POST /api/clients`: the fields, optionally with the client's counselling consent. Without an
 * active counselling consent only the minimal record (names, date of birth) may be sent: other fields
 * are refused with 400 `consent_required` naming each field. (The cases module's intake opens a case in
 * `first_contact` with the client; `POST /api/clients` itself opens none.)
 */
export const ZCreateClient = ZClientFields.extend({ counsellingConsent: ZIntakeConsent.optional() });
/** Parsed create body. */
export type TCreateClient = z.infer<typeof ZCreateClient>;
/** Body of `PATCH /api/clients/:id`: changed fields plus the `version` read. */
export const ZUpdateClient = ZClientFields.partial().extend({ version: ZVersion });
/** Parsed update. */
export type TUpdateClient = z.infer<typeof ZUpdateClient>;

/** Funder programme fields derived from the record (ESF+ style). */
export const ZProgrammeFields = z.object({
  ageGroupAtEntry: z.enum(['under_18', '18_29', '30_plus']).nullable(),
  iscedLevel: z.int().min(0).max(8).nullable(),
  citizenshipGroup: z.enum(['german', 'eu', 'third_country']).nullable(),
  ruralResidence: z.boolean().nullable(),
});

/** Consent purposes (DOMAIN.md `Consent`). */
export const ZConsentPurpose = z.enum(['counselling', 'partner_transfer', 'matching', 'story_publication']);
/** Legal basis (DSGVO): Art. 6(1)(a) consent, Art. 9(2)(a) explicit consent for special categories. */
export const ZLegalBasis = z.enum(['art6_1a', 'art9_2a']);

/** A consent as stored. `givenBy` is the guardian for minors under the configured age (default 16). */
export const ZConsent = z.object({
  id: z.uuid(),
  purpose: ZConsentPurpose,
  partnerName: z.string().nullable(),
  legalBasis: ZLegalBasis,
  givenOn: ZDate,
  form: z.enum(['paper', 'digital']),
  givenBy: z.enum(['client', 'guardian']),
  guardianId: z.uuid().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: ZTimestamp,
  withdrawnOn: ZDate.nullable(),
  active: z.boolean(),
});
/** Consent. */
export type TConsent = z.infer<typeof ZConsent>;

/** Body of `POST /api/clients/:id/consents`. */
export const ZRecordConsent = z.object({
  purpose: ZConsentPurpose,
  partnerName: z.string().trim().min(2).max(200).nullable().optional(),
  legalBasis: ZLegalBasis.default('art6_1a'),
  givenOn: ZDate,
  form: z.enum(['paper', 'digital']),
  givenBy: z.enum(['client', 'guardian']).default('client'),
  guardianId: z.uuid().nullable().optional(),
});

/** Body of `POST /api/clients/:id/consents/:consentId/withdraw`. */
export const ZWithdrawConsent = z.object({ withdrawnOn: ZDate });

/** A guardian (parent) of a client. */
export const ZGuardian = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.enum(['mother', 'father', 'legal_guardian', 'other']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: z.string().nullable(),
  involvedInCounselling: z.boolean(),
  version: ZVersion,
});
/** Body of `POST /api/clients/:id/guardians`. */
export const ZCreateGuardian = z.object({
  name: ZName(2, 120),
  relation: ZGuardian.shape.relation,
  phone: optionalText(40),
  email: z.email().max(254).nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullable()
    .optional(),
  involvedInCounselling: z.boolean().default(false),
});

/**
 * A client as returned. Without counselling consent only the minimal record (names, date of birth,
 * office, consents, guardians) is kept and the other fields are null (`minimal: true`). Sensitive fields
 * are null for roles without access. `landCode` and `kreisAgs` come from the postcode's reference data.
 */
export const ZClient = ZClientFields.required().extend({
  id: z.uuid(),
  officeId: z.uuid(),
  place: z.string().nullable(),
  landCode: z.string().nullable(),
  kreisAgs: z.string().nullable(),
  languages: z.array(ZLanguage),
  wishedOccupationIds: z.array(z.string()),
  wantedPlaceKinds: z.array(ZPlaceKind),
  programme: ZProgrammeFields,
  minimal: z.boolean(),
  consents: z.array(ZConsent),
  guardians: z.array(ZGuardian),
  caseId: z.uuid().nullable(),
  /** Set when this record was merged into another client (read-only since; open that one instead). */
  mergedIntoId: z.uuid().nullable(),
  version: ZVersion,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
/** Client. */
export type TClient = z.infer<typeof ZClient>;

/** A row of the client list / search result. */
export const ZClientSummary = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  dateOfBirth: ZDate.nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  germanLevel: ZCefrLevel.nullable(),
  caseId: z.uuid().nullable(),
  stage: z.string().nullable(),
  counsellorName: z.string().nullable(),
  lastContactOn: ZDate.nullable(),
});
/** Query of `GET /api/clients`: `q` searches any name spelling, phone, e-mail, postcode. */
export const ZClientQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A page of clients. */
export const ZClientList = z.object({ items: z.array(ZClientSummary), total: z.int() });

/** A possible duplicate: an existing client of the same office with the score and its reasons. */
export const ZDuplicateHit = z.object({
  client: ZClientSummary,
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
/** Body of `POST /api/clients/duplicates/check`: names and date of birth of a new intake. */
export const ZDuplicateCheck = z.object({
  givenNames: z.string().trim().min(1).max(120),
  familyName: z.string().trim().min(1).max(120),
  dateOfBirth: ZDate.nullable().optional(),
});
/** Body of `POST /api/clients/:id/merge`: merge `otherId` into this client, keeping all history. */
export const ZMergeClients = z.object({ otherId: z.uuid(), version: ZVersion });

/** Parsed merge body. */
export type TMergeClients = z.infer<typeof ZMergeClients>;
/** Parsed duplicate check. */
export type TDuplicateCheck = z.infer<typeof ZDuplicateCheck>;
/** Duplicate hit. */
export type TDuplicateHit = z.infer<typeof ZDuplicateHit>;
/** Client list row. */
export type TClientSummary = z.infer<typeof ZClientSummary>;
/** Parsed client query. */
export type TClientQuery = z.infer<typeof ZClientQuery>;
/** Programme fields. */
export type TProgrammeFields = z.infer<typeof ZProgrammeFields>;
/** Guardian. */
export type TGuardian = z.infer<typeof ZGuardian>;
/** Parsed guardian body. */
export type TCreateGuardian = z.infer<typeof ZCreateGuardian>;
/** Parsed consent body. */
export type TRecordConsent = z.infer<typeof ZRecordConsent>;
/** Parsed withdrawal body. */
export type TWithdrawConsent = z.infer<typeof ZWithdrawConsent>;

/** Body of `PATCH /api/clients/:id/guardians/:guardianId`: changed fields plus the `version` read. */
export const ZUpdateGuardian = ZCreateGuardian.partial().extend({ version: ZVersion });
/** Parsed guardian update. */
export type TUpdateGuardian = z.infer<typeof ZUpdateGuardian>;

/** Path parameters `{ id, consentId }`. */
export const ZConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });
/** Path parameters `{ id, guardianId }`. */
export const ZGuardianParams = z.object({ id: z.uuid(), guardianId: z.uuid() });

/** Response of recording or withdrawing a consent: the consent and the client as it is now. */
export const ZConsentResult = z.object({ consent: ZConsent, client: ZClient });

/** A likely duplicate pair of the office (`GET /api/clients/duplicates`), best first. */
export const ZDuplicatePair = z.object({
  a: ZClientSummary,
  b: ZClientSummary,
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
/** Duplicate pair. */
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;
/** The likely duplicate pairs of the office. */
export const ZDuplicatePairList = z.object({ items: z.array(ZDuplicatePair) });

/**
 * A 409 problem of a stale client update: `changedFields` names the fields (as in `ZClientFields`)
 * someone else changed since the `version` sent, so the UI can say what changed; `mergedIntoId` is set
 * when the record was merged into another client.
 */
export const ZClientConflict = ZProblem.extend({
  changedFields: z.array(z.string()).optional(),
  mergedIntoId: z.uuid().optional(),
});
