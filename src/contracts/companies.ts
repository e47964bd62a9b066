import { z } from 'zod';
import { ZDate } from './clients';
import { ZName, ZProblem, ZVersion } from './common';
import {
  ZAcquisitionChannel,
  ZChamber,
  ZCompanyStage,
  ZSector,
  ZTrainingHistory,
  ZYesNoInProgress,
} from './companies.enums';
import { ZPostcode } from './reference';

/**
 * API contract of the companies module (issue 5): companies (Betriebe) with the acquisition pipeline,
 * contact persons, contact log, advice checklist, duplicates and merge. Names follow DOMAIN.md
 * (`Company`, `AcquisitionChannel`, `Company.ownerUserId` = Ansprechperson). Dates are `YYYY-MM-DD`
 * calendar days in Germany.
 */

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** ISO 639-1/-2 language code, lower case (`tr`, `ar`, `fa`, `prs`). */
export const ZLanguageCode = z.string().regex(/^[a-z]{2,3}$/);

/**
 * Editable company fields. `postcode` must exist in the reference postcodes; `place` defaults to the
 * postcode's town. `ownerMigrationBackground` and `ownerLanguages` are the owner's voluntary
 * self-declaration (null = not declared). `acquisitionReferredBy` is required when
 * `acquisitionChannel` is `referral`. `ownerUserId` is the one responsible counsellor (an enabled
 * counsellor or coordinator of the company's office). `employees` counts persons.
 */
export const ZCompanyFields = z.object({
  name: ZName(2, 200),
  legalForm: optionalText(60),
  sector: ZSector.nullable().optional(),
  employees: z.int().min(0).max(1_000_000).nullable().optional(),
  street: optionalText(200),
  postcode: ZPostcode.nullable().optional(),
  place: optionalText(100),
  phone: optionalText(60),
  email: z.email().max(254).nullable().optional(),
  website: optionalText(300),
  chamber: ZChamber.nullable().optional(),
  ownerMigrationBackground: z.boolean().nullable().optional(),
  ownerLanguages: z.array(ZLanguageCode).max(20).optional(),
  authorisedToTrain: ZYesNoInProgress.nullable().optional(),
  qualifiedTrainer: ZYesNoInProgress.nullable().optional(),
  trainingHistory: ZTrainingHistory.nullable().optional(),
  acquisitionChannel: ZAcquisitionChannel.nullable().optional(),
  acquisitionReferredBy: optionalText(200),
  acquisitionOn: ZDate.nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  notes: optionalText(4000),
});
/** Company fields as sent. */
export type TCompanyFields = z.infer<typeof ZCompanyFields>;

/**
 * Body of `POST /api/companies`. A company with the same name key and postcode in the office is
 * refused with 409 `company_duplicate` (listing it) unless `allowDuplicate` is true. `stage` defaults
 * to `identified`; the first history row is dated today.
 */
export const ZCreateCompany = ZCompanyFields.extend({
  stage: ZCompanyStage.default('identified'),
  allowDuplicate: z.boolean().default(false),
});
/** Parsed create body. */
export type TCreateCompany = z.infer<typeof ZCreateCompany>;

/**
 * Body of `PATCH /api/companies/:id`: changed fields plus the `version` read (409 when stale). A new
 * name or postcode that gives the company the name key and postcode of another company of the office
 * is refused with 409 `company_duplicate` (listing it), as on create, unless `allowDuplicate` is true.
 */
export const ZUpdateCompany = ZCompanyFields.partial().extend({
  version: ZVersion,
  allowDuplicate: z.boolean().default(false),
});
/** Parsed update body. */
export type TUpdateCompany = z.infer<typeof ZUpdateCompany>;

/** A company record (without its contact persons, history and logs). */
export const ZCompany = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  name: z.string(),
  legalForm: z.string().nullable(),
  sector: ZSector.nullable(),
  employees: z.int().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  chamber: ZChamber.nullable(),
  ownerMigrationBackground: z.boolean().nullable(),
  ownerLanguages: z.array(z.string()),
  authorisedToTrain: ZYesNoInProgress.nullable(),
  qualifiedTrainer: ZYesNoInProgress.nullable(),
  trainingHistory: ZTrainingHistory.nullable(),
  stage: ZCompanyStage,
  stageChangedOn: ZDate,
  acquisitionChannel: ZAcquisitionChannel.nullable(),
  acquisitionReferredBy: z.string().nullable(),
  acquisitionOn: ZDate.nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  version: ZVersion,
});
/** Company. */
export type TCompany = z.infer<typeof ZCompany>;

/** Role of a contact person at the company. */
export const ZContactPersonRole = z.enum(['owner', 'managing_director', 'trainer', 'hr', 'other']);
/** Contact person role. */
export type TContactPersonRole = z.infer<typeof ZContactPersonRole>;

/** Editable contact person fields. Setting `isPrimary` clears the flag of the company's other persons. */
export const ZContactPersonFields = z.object({
  name: ZName(2, 120),
  role: ZContactPersonRole,
  jobTitle: optionalText(120),
  phone: optionalText(60),
  email: z.email().max(254).nullable().optional(),
  languages: z.array(ZLanguageCode).max(20).optional(),
  isPrimary: z.boolean().optional(),
});
/** Body of `POST /api/companies/:id/contact-persons`. */
export const ZCreateContactPerson = ZContactPersonFields;
/** Body of `PATCH /api/companies/:id/contact-persons/:personId` (`version` read). */
export const ZUpdateContactPerson = ZContactPersonFields.partial().extend({ version: ZVersion });
/** A contact person (personal data: reads of the company detail are audited). */
export const ZContactPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZContactPersonRole,
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  languages: z.array(z.string()),
  isPrimary: z.boolean(),
  version: ZVersion,
});
/** Contact person. */
export type TContactPerson = z.infer<typeof ZContactPerson>;
/** Path parameters `{ id, personId }`. */
export const ZContactPersonParams = z.object({ id: z.uuid(), personId: z.uuid() });

/** One row of the dated pipeline history. */
export const ZCompanyStageChange = z.object({
  fromStage: ZCompanyStage.nullable(),
  toStage: ZCompanyStage,
  changedOn: ZDate,
  reason: z.string().nullable(),
  changedByName: z.string().nullable(),
});
/** Stage change. */
export type TCompanyStageChange = z.infer<typeof ZCompanyStageChange>;

/**
 * Body of `POST /api/companies/:id/stage`: the new stage `to`, the day it happened `on` (not in the
 * future, not before the previous change), a `reason` (required for `declined` and `inactive`) and the
 * company's `version` read.
 */
export const ZMoveCompanyStage = z.object({
  to: ZCompanyStage,
  on: ZDate,
  reason: optionalText(2000),
  version: ZVersion,
});
/** Parsed stage body. */
export type TMoveCompanyStage = z.infer<typeof ZMoveCompanyStage>;

/** Channel of a logged company contact. */
export const ZCompanyContactChannel = z.enum([
  'phone',
  'visit',
  'email',
  'event',
  'letter',
  'video',
  'other',
]);
/** Contact channel. */
export type TCompanyContactChannel = z.infer<typeof ZCompanyContactChannel>;

/**
 * Body of `POST /api/companies/:id/contacts`: one contact on `contactedOn` (not in the future). A
 * `nextStep` becomes a follow-up task due `nextStepDueOn` (not before `contactedOn`; before today is
 * fine for a back-filled contact), owned by `nextStepOwnerId` (default: the company's responsible
 * counsellor, else the actor). Logging a contact of an `identified` company moves it to `contacted`,
 * dated the contact's day.
 */
export const ZCreateCompanyContact = z
  .object({
    contactedOn: ZDate,
    channel: ZCompanyContactChannel,
    contactPersonId: z.uuid().nullable().optional(),
    result: z.string().trim().min(2).max(4000),
    nextStep: z.string().trim().min(2).max(300).nullable().optional(),
    nextStepDueOn: ZDate.nullable().optional(),
    nextStepOwnerId: z.uuid().nullable().optional(),
  })
  .refine((v) => v.nextStep || (!v.nextStepDueOn && !v.nextStepOwnerId), {
    message: 'nextStepDueOn and nextStepOwnerId need a nextStep',
    path: ['nextStep'],
  });
/** Parsed contact body. */
export type TCreateCompanyContact = z.infer<typeof ZCreateCompanyContact>;

/** The follow-up task of a contact, as it stands now. */
export const ZContactTask = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: ZDate.nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  done: z.boolean(),
  version: ZVersion,
});
/** A logged contact with its contact person's name and the state of its follow-up task. */
export const ZCompanyContact = z.object({
  id: z.uuid(),
  contactedOn: ZDate,
  channel: ZCompanyContactChannel,
  contactPersonId: z.uuid().nullable(),
  contactPersonName: z.string().nullable(),
  result: z.string(),
  nextStep: z.string().nullable(),
  counsellorId: z.uuid().nullable(),
  counsellorName: z.string().nullable(),
  task: ZContactTask.nullable(),
});
/** Company contact. */
export type TCompanyContact = z.infer<typeof ZCompanyContact>;

/**
 * Items of the advice checklist towards becoming a training company: trainer aptitude (AEVO),
 * suitability of the workplace, registration with the chamber, training plan, funding: assisted
 * training (Assistierte Ausbildung, § 74 SGB III), entry qualification (EQ, § 54a SGB III), other.
 */
export const ZAdviceItemKey = z.enum([
  'trainer_aptitude',
  'workplace_suitability',
  'chamber_registration',
  'training_plan',
  'funding_assisted_training',
  'funding_entry_qualification',
  'funding_other',
]);
/** Advice item key. */
export type TAdviceItemKey = z.infer<typeof ZAdviceItemKey>;
/** State of an advice item. */
export const ZAdviceState = z.enum(['open', 'in_progress', 'done', 'not_applicable']);
/** Advice state. */
export type TAdviceState = z.infer<typeof ZAdviceState>;
/** One item of the checklist; `version` 0 = never saved (state `open`). */
export const ZAdviceItem = z.object({
  item: ZAdviceItemKey,
  state: ZAdviceState,
  stateOn: ZDate.nullable(),
  note: z.string().nullable(),
  updatedByName: z.string().nullable(),
  version: z.int().min(0),
});
/** Advice item. */
export type TAdviceItem = z.infer<typeof ZAdviceItem>;
/** Path parameters `{ id, item }`. */
export const ZAdviceParams = z.object({ id: z.uuid(), item: ZAdviceItemKey });
/**
 * Body of `PUT /api/companies/:id/advice/:item`: state, its date (not in the future; defaults to
 * today when the state changes) and a note, with the item's `version` read (0 for an unsaved item).
 */
export const ZUpdateAdviceItem = z.object({
  state: ZAdviceState,
  stateOn: ZDate.nullable().optional(),
  note: optionalText(2000),
  version: z.int().min(0),
});
/** Parsed advice body. */
export type TUpdateAdviceItem = z.infer<typeof ZUpdateAdviceItem>;

/** A company with its contact persons, pipeline history, newest contacts and advice checklist. */
export const ZCompanyDetail = ZCompany.extend({
  contactPersons: z.array(ZContactPerson),
  history: z.array(ZCompanyStageChange),
  contacts: z.array(ZCompanyContact),
  advice: z.array(ZAdviceItem),
});
/** Company detail. */
export type TCompanyDetail = z.infer<typeof ZCompanyDetail>;

/**
 * Query of `GET /api/companies`: filters (stage, responsible counsellor, tag, acquisition channel,
 * training history) and `q`, a search over name, place, postcode and contact person names (any
 * case or accents, misspellings tolerated).
 */
export const ZCompanyQuery = z.object({
  stage: ZCompanyStage.optional(),
  ownerUserId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  channel: ZAcquisitionChannel.optional(),
  trainingHistory: ZTrainingHistory.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed list query. */
export type TCompanyQuery = z.infer<typeof ZCompanyQuery>;
/** The list filters without paging (export). */
export type TCompanyFilter = Omit<TCompanyQuery, 'limit' | 'offset'>;

/** A row of the company list / a card of the board. */
export const ZCompanySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  stage: ZCompanyStage,
  stageChangedOn: ZDate,
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  trainingHistory: ZTrainingHistory.nullable(),
  acquisitionChannel: ZAcquisitionChannel.nullable(),
  tags: z.array(z.string()),
  primaryContactName: z.string().nullable(),
  lastContactOn: ZDate.nullable(),
  openTasks: z.int(),
  nextDueOn: ZDate.nullable(),
  version: ZVersion,
});
/** Company summary. */
export type TCompanySummary = z.infer<typeof ZCompanySummary>;
/** A page of companies. */
export const ZCompanyList = z.object({ items: z.array(ZCompanySummary), total: z.int() });

/** Query of `GET /api/companies/board`: only the companies of one responsible counsellor; cards per column. */
export const ZCompanyBoardQuery = z.object({
  ownerUserId: z.uuid().optional(),
  perStage: z.coerce.number().int().min(1).max(500).default(100),
});
/** The kanban board: one column per stage (pipeline order, then the side exits) with its full count. */
export const ZCompanyBoard = z.object({
  columns: z.array(z.object({ stage: ZCompanyStage, count: z.int(), items: z.array(ZCompanySummary) })),
});
/** Board. */
export type TCompanyBoard = z.infer<typeof ZCompanyBoard>;

/** A company that the duplicate check found (same name key and postcode). */
export const ZCompanyDuplicate = z.object({
  id: z.uuid(),
  name: z.string(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  stage: ZCompanyStage,
});
/** Duplicate hit. */
export type TCompanyDuplicate = z.infer<typeof ZCompanyDuplicate>;
/**
 * Query of `GET /api/companies/duplicates`: companies of the office with the same name key as `name`
 * (legal form, case, umlauts and punctuation ignored) and the same `postcode`; without `postcode`,
 * with any postcode.
 */
export const ZCompanyDuplicateQuery = z.object({
  name: z.string().trim().min(1).max(200),
  postcode: ZPostcode.optional(),
});
/** Problem body of a 409: `duplicates` on `company_duplicate`, `mergedIntoId` on a merged record. */
export const ZCompanyConflict = ZProblem.extend({
  duplicates: z.array(ZCompanyDuplicate).optional(),
  mergedIntoId: z.uuid().optional(),
});

/** Body of `POST /api/companies/:id/merge`: merge `otherId` into this company (`version` of this one). */
export const ZMergeCompanies = z.object({ otherId: z.uuid(), version: ZVersion });
/** Parsed merge body. */
export type TMergeCompanies = z.infer<typeof ZMergeCompanies>;

/** Query of the DELETE routes (company, contact person): the `version` read (409 when stale). */
export const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });
