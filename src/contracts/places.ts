import { z } from 'zod';
import { ZCefrLevel, ZDate, ZSchoolQualification } from './clients';
import { ZProblem, ZTimestamp, ZVersion } from './common';
import { ZPlaceKind, ZPlaceSource, ZPlaceStatus } from './companies.enums';
import { ZPostcode } from './reference';

/**
 * Training places (issue 5): the API contract of `/api/places` and the public place list
 * `/api/public/places`. Names follow DOMAIN.md (`TrainingPlace`, kinds `apprenticeship`,
 * `internship`, `entry_qualification`, `taster_day`), with the requirement profile, the pre-selected
 * candidates and the proposals to the company ("passgenaue Besetzung").
 */

const text = (max: number) => z.string().trim().max(max);

/** A training place as the office sees it. Dates `YYYY-MM-DD`; `durationMonths` in months. */
export const ZPlace = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  kind: ZPlaceKind,
  /** Id of the occupation list (`/api/reference/occupations/:id`). */
  occupationId: z.string().nullable(),
  occupationName: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  /** Number of seats (≥ 1). */
  seats: z.int(),
  startsOn: ZDate.nullable(),
  durationMonths: z.int().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  street: z.string().nullable(),
  /** Minimum school qualification (DOMAIN.md `SchoolQualification`). */
  minSchoolQualification: ZSchoolQualification.nullable(),
  /** Minimum German level (CEFR). */
  minGermanLevel: ZCefrLevel.nullable(),
  drivingLicenceRequired: z.boolean(),
  /** The company accepts a trainee who still needs German language support. */
  languageSupport: z.boolean(),
  contactPersonId: z.uuid().nullable(),
  contactPersonName: z.string().nullable(),
  status: ZPlaceStatus,
  published: z.boolean(),
  source: ZPlaceSource,
  /** External reference of an imported place (e.g. the BA reference number). */
  externalRef: z.string().nullable(),
  /** Pre-selected candidates on the place. */
  candidateCount: z.int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: ZVersion,
});
/** A training place. */
export type TPlace = z.infer<typeof ZPlace>;

/** Fields of a place that a counsellor sets (create and update). */
const placeFields = {
  kind: ZPlaceKind,
  occupationId: z.string().trim().min(1).max(120).nullable().optional(),
  title: text(200).nullable().optional(),
  description: text(8000).nullable().optional(),
  seats: z.int().min(1).max(999),
  startsOn: ZDate.nullable().optional(),
  durationMonths: z.int().min(1).max(60).nullable().optional(),
  postcode: ZPostcode.nullable().optional(),
  place: text(100).nullable().optional(),
  street: text(200).nullable().optional(),
  minSchoolQualification: ZSchoolQualification.nullable().optional(),
  minGermanLevel: ZCefrLevel.nullable().optional(),
  drivingLicenceRequired: z.boolean(),
  languageSupport: z.boolean(),
  contactPersonId: z.uuid().nullable().optional(),
  status: ZPlaceStatus,
  published: z.boolean(),
};

/**
 * Body of `POST /api/places`. `occupationId` is required for apprenticeships (a recognised training
 * occupation) and EQ (an occupation or EQ field); `durationMonths` defaults to the occupation's
 * standard duration (EQ: at most 12); `postcode`/`place` default to the company's.
 */
export const ZCreatePlace = z.object({
  companyId: z.uuid(),
  ...placeFields,
  seats: placeFields.seats.default(1),
  drivingLicenceRequired: placeFields.drivingLicenceRequired.default(false),
  languageSupport: placeFields.languageSupport.default(false),
  status: placeFields.status.default('open'),
  published: placeFields.published.default(false),
});
/** Parsed create body. */
export type TCreatePlace = z.infer<typeof ZCreatePlace>;

/**
 * Body of `PATCH /api/places/:id`: changed fields only, with the `version` read (409 when stale).
 * Strict: a field it does not take — `companyId` (a place stays with its company), `id`, a typo —
 * is refused with 400 `unrecognized_keys` naming it (`body.companyId`) instead of being ignored.
 */
export const ZUpdatePlace = z.strictObject({
  version: ZVersion,
  kind: placeFields.kind.optional(),
  occupationId: placeFields.occupationId,
  title: placeFields.title,
  description: placeFields.description,
  seats: placeFields.seats.optional(),
  startsOn: placeFields.startsOn,
  durationMonths: placeFields.durationMonths,
  postcode: placeFields.postcode,
  place: placeFields.place,
  street: placeFields.street,
  minSchoolQualification: placeFields.minSchoolQualification,
  minGermanLevel: placeFields.minGermanLevel,
  drivingLicenceRequired: placeFields.drivingLicenceRequired.optional(),
  languageSupport: placeFields.languageSupport.optional(),
  contactPersonId: placeFields.contactPersonId,
  status: placeFields.status.optional(),
  published: placeFields.published.optional(),
});
/** Parsed update body. */
export type TUpdatePlace = z.infer<typeof ZUpdatePlace>;

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Sort orders of the place lists: start date (default, undated last) or distance to `near`. */
export const ZPlaceSort = z.enum(['startsOn', 'distance']);
/** Sort order of a place list. */
export type TPlaceSort = z.infer<typeof ZPlaceSort>;

/**
 * Filters of the office's place list (`GET /api/places`) and of the export, without paging: `q`
 * searches title, occupation name and company name (case and accents ignored); `near` (a postcode)
 * with `radiusKm` keeps places within that great-circle distance and fills `distanceKm`.
 */
export const ZPlaceFilter = z.object({
  status: ZPlaceStatus.optional(),
  kind: ZPlaceKind.optional(),
  occupationId: z.string().max(120).optional(),
  companyId: z.uuid().optional(),
  published: queryFlag,
  q: z.string().trim().max(100).optional(),
  near: z.string().trim().max(20).optional(),
  radiusKm: z.coerce.number().min(1).max(1000).optional(),
  sort: ZPlaceSort.default('startsOn'),
});
/** Parsed place filters. */
export type TPlaceFilter = z.infer<typeof ZPlaceFilter>;

/** Query of `GET /api/places`: the filters plus paging (`limit` 1–200, default 50). */
export const ZPlaceQuery = ZPlaceFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed place list query. */
export type TPlaceQuery = z.infer<typeof ZPlaceQuery>;

/** A list row: the place plus its distance in km to `near` (null without `near` or postcode). */
export const ZPlaceListItem = ZPlace.extend({ distanceKm: z.number().nullable() });
/** Response of `GET /api/places`. */
export const ZPlaceList = z.object({ items: z.array(ZPlaceListItem), total: z.int() });

/** A suggested recognised occupation (for an unknown or unsuitable `occupationId`). */
export const ZOccupationSuggestion = z.object({ id: z.string(), name: z.string() });
/** An occupation suggestion. */
export type TOccupationSuggestion = z.infer<typeof ZOccupationSuggestion>;

/**
 * Problem of the place routes: a 422 `place_invalid` names each field and, for an unknown
 * occupation, `suggestions` of the nearest recognised occupations; `mergedIntoId` for a merged company;
 * a 409 `seats_below_contracts` the place's signed `contracts`.
 */
export const ZPlaceProblem = ZProblem.extend({
  suggestions: z.array(ZOccupationSuggestion).optional(),
  mergedIntoId: z.uuid().optional(),
  contracts: z.int().optional(),
});

/**
 * A place on the public place list: published, open, starting today or later (or undated). Only
 * fields safe for the public — no contact person, street or internal notes.
 */
export const ZPublicPlace = z.object({
  id: z.uuid(),
  kind: ZPlaceKind,
  occupationId: z.string().nullable(),
  occupationName: z.string().nullable(),
  title: z.string().nullable(),
  companyName: z.string(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  startsOn: ZDate.nullable(),
  durationMonths: z.int().nullable(),
  seats: z.int(),
  minSchoolQualification: ZSchoolQualification.nullable(),
  minGermanLevel: ZCefrLevel.nullable(),
  drivingLicenceRequired: z.boolean(),
  languageSupport: z.boolean(),
  /** The KAUSA office to contact about the place. */
  officeName: z.string(),
  distanceKm: z.number().nullable(),
});
/** A public place. */
export type TPublicPlace = z.infer<typeof ZPublicPlace>;

/** Query of `GET /api/public/places`. */
export const ZPublicPlaceQuery = z.object({
  kind: ZPlaceKind.optional(),
  occupationId: z.string().max(120).optional(),
  near: z.string().trim().max(20).optional(),
  radiusKm: z.coerce.number().min(1).max(1000).optional(),
  sort: ZPlaceSort.default('startsOn'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed public query. */
export type TPublicPlaceQuery = z.infer<typeof ZPublicPlaceQuery>;

/** Response of `GET /api/public/places`. */
export const ZPublicPlaceList = z.object({ items: z.array(ZPublicPlace), total: z.int() });

/** Requirement profile of a place. `version` 0 = never saved (all fields empty). */
export const ZPlaceProfile = z.object({
  placeId: z.uuid(),
  /** What the trainee will do. */
  tasks: z.string().nullable(),
  mustHaves: z.array(z.string()),
  niceToHaves: z.array(z.string()),
  workingHours: z.string().nullable(),
  languageNeeds: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: ZTimestamp.nullable(),
  version: z.int().min(0),
});
/** A requirement profile. */
export type TPlaceProfile = z.infer<typeof ZPlaceProfile>;

const profileItems = z.array(z.string().trim().min(1).max(300)).max(30);

/** Body of `PUT /api/places/:id/profile`: the whole profile with the `version` read (0 for the first save). */
export const ZUpdatePlaceProfile = z.object({
  version: z.int().min(0),
  tasks: text(4000).nullable().default(null),
  mustHaves: profileItems.default([]),
  niceToHaves: profileItems.default([]),
  workingHours: text(500).nullable().default(null),
  languageNeeds: text(1000).nullable().default(null),
});
/** Parsed profile body. */
export type TUpdatePlaceProfile = z.infer<typeof ZUpdatePlaceProfile>;

/** The counsellor's assessment of a candidate for a place. */
export const ZCandidateAssessment = z.enum(['suitable', 'suitable_with_support', 'not_suitable']);
/** Where a candidate came from: added by hand or taken from a matching suggestion. */
export const ZCandidateSource = z.enum(['manual', 'matching']);
/** The company's answer to a proposed candidate. */
export const ZCandidateAnswer = z.enum(['interview', 'internship', 'rejected']);
/** How a proposal was sent to the company. */
export const ZProposalChannel = z.enum(['email', 'letter', 'phone', 'visit', 'other']);

/** A pre-selected candidate (a client of the office) for a place, with assessment and the company's answer. */
export const ZPlaceCandidate = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  source: ZCandidateSource,
  /** Matching score as the matching module reports it (0–100). */
  score: z.number().nullable(),
  assessment: ZCandidateAssessment.nullable(),
  assessmentNote: z.string().nullable(),
  proposalId: z.uuid().nullable(),
  proposedOn: ZDate.nullable(),
  answer: ZCandidateAnswer.nullable(),
  answerOn: ZDate.nullable(),
  answerReason: z.string().nullable(),
  addedByName: z.string().nullable(),
  createdAt: ZTimestamp,
  version: ZVersion,
});
/** A candidate. */
export type TPlaceCandidate = z.infer<typeof ZPlaceCandidate>;

/** A proposal sent to the company: which candidates, when, how. */
export const ZPlaceProposal = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  sentOn: ZDate,
  channel: ZProposalChannel,
  note: z.string().nullable(),
  sentByName: z.string().nullable(),
  candidateIds: z.array(z.uuid()),
  createdAt: ZTimestamp,
});
/** A proposal. */
export type TPlaceProposal = z.infer<typeof ZPlaceProposal>;

/** Response of `GET /api/places/:id/candidates`: candidates (best assessment first) and proposals (newest first). */
export const ZCandidateList = z.object({
  items: z.array(ZPlaceCandidate),
  proposals: z.array(ZPlaceProposal),
});

/**
 * Body of `POST /api/places/:id/candidates`: a client of the office with an active consent for
 * `matching` (the proposal passes personal data to the company).
 */
export const ZCreateCandidate = z.object({
  clientId: z.uuid(),
  assessment: ZCandidateAssessment,
  assessmentNote: text(2000).nullable().optional(),
  source: ZCandidateSource.default('manual'),
  score: z.number().min(0).max(100).nullable().optional(),
});
/** Parsed candidate body. */
export type TCreateCandidate = z.infer<typeof ZCreateCandidate>;

/** Body of `PATCH /api/places/:id/candidates/:candidateId`: the assessment, with the `version` read. */
export const ZUpdateCandidate = z.object({
  version: ZVersion,
  assessment: ZCandidateAssessment.optional(),
  assessmentNote: text(2000).nullable().optional(),
  score: z.number().min(0).max(100).nullable().optional(),
});
/** Parsed candidate update. */
export type TUpdateCandidate = z.infer<typeof ZUpdateCandidate>;

/** Body of `PUT /api/places/:id/candidates/:candidateId/answer`; `reason` is required for `rejected`. */
export const ZRecordAnswer = z.object({
  version: ZVersion,
  answer: ZCandidateAnswer,
  answerOn: ZDate,
  reason: text(2000).nullable().optional(),
});
/** Parsed answer body. */
export type TRecordAnswer = z.infer<typeof ZRecordAnswer>;

/** Body of `POST /api/places/:id/proposals`: marks the candidates as proposed to the company. */
export const ZCreateProposal = z.object({
  sentOn: ZDate,
  channel: ZProposalChannel,
  note: text(2000).nullable().optional(),
  candidateIds: z.array(z.uuid()).min(1).max(50),
});
/** Parsed proposal body. */
export type TCreateProposal = z.infer<typeof ZCreateProposal>;

/** Path parameters `{ id, candidateId }`. */
export const ZCandidateParams = z.object({ id: z.uuid(), candidateId: z.uuid() });
