import { z } from 'zod';
import { ZCreateClient, ZDate } from './clients';
import { ZTimestamp, ZVersion } from './common';
import { ZChamber } from './reference';

/** Case stages in order (DOMAIN.md "Stages"). */
export const ZCaseStage = z.enum([
  'first_contact',
  'orientation',
  'preparation',
  'applying',
  'placed',
  'in_training',
  'closed',
]);
/** Case stage. */
export type TCaseStage = z.infer<typeof ZCaseStage>;
/** Outcome of a closed case. */
export const ZCaseOutcome = z.enum(['completed', 'dropped_out', 'other_path', 'moved_away', 'no_contact']);

/** One stage change of the case history, with the date it happened. */
export const ZStageChange = z.object({
  fromStage: ZCaseStage.nullable(),
  toStage: ZCaseStage,
  outcome: ZCaseOutcome.nullable(),
  changedOn: ZDate,
  changedByName: z.string().nullable(),
  note: z.string().nullable(),
});

/** Channel of a counselling contact. */
export const ZSessionChannel = z.enum(['in_person', 'phone', 'video', 'messenger', 'outreach']);
/** Topics of a counselling contact. */
export const ZSessionTopic = z.enum([
  'occupation_choice',
  'application',
  'internship',
  'entry_qualification',
  'recognition',
  'residence_law',
  'language_course',
  'financing',
  'school',
  'family',
  'training_support',
  'other',
]);
/** Who took part. */
export const ZParticipant = z.object({
  kind: z.enum(['client', 'guardian', 'interpreter', 'partner', 'mentor']),
  name: z.string().trim().max(120).nullable(),
});

/** A counselling session (held) or appointment (planned). `durationMinutes` in minutes. */
export const ZSession = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  startsAt: ZTimestamp,
  durationMinutes: z.int().nullable(),
  status: z.enum(['planned', 'held', 'cancelled']),
  channel: ZSessionChannel,
  participants: z.array(ZParticipant),
  language: z.string().nullable(),
  topics: z.array(ZSessionTopic),
  notes: z.string().nullable(),
  counsellorId: z.uuid().nullable(),
  version: ZVersion,
});
/** Body of `POST /api/cases/:id/sessions`; `nextSteps` become tasks. */
export const ZCreateSession = z.object({
  startsAt: ZTimestamp,
  durationMinutes: z.int().min(1).max(600).nullable().optional(),
  status: z.enum(['planned', 'held']).default('held'),
  channel: ZSessionChannel,
  participants: z
    .array(ZParticipant)
    .max(20)
    .default([{ kind: 'client', name: null }]),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullable()
    .optional(),
  topics: z.array(ZSessionTopic).max(12).default([]),
  notes: z.string().trim().max(10000).nullable().optional(),
  nextSteps: z
    .array(
      z.object({
        title: z.string().trim().min(2).max(300),
        dueOn: ZDate.nullable().optional(),
        ownerId: z.uuid().nullable().optional(),
      }),
    )
    .max(20)
    .default([]),
});

/** A task (next step). */
export const ZTask = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable(),
  clientName: z.string().nullable(),
  /** Set for a company follow-up (issue 5, from the company contact log); then `caseId` is null. */
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  dueOn: ZDate.nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
  version: ZVersion,
});
/** Task (case task or company follow-up). */
export type TTask = z.infer<typeof ZTask>;
/** Body of `POST /api/cases/:id/tasks`. */
export const ZCreateTask = z.object({
  title: z.string().trim().min(2).max(300),
  dueOn: ZDate.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
});
/** Body of `PATCH /api/tasks/:id`. */
export const ZUpdateTask = z.object({
  version: ZVersion,
  done: z.boolean().optional(),
  dueOn: ZDate.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  title: z.string().trim().min(2).max(300).optional(),
});

/** Partner kinds for referrals (DOMAIN.md `Referral`). */
export const ZReferralPartner = z.enum([
  'employment_agency',
  'jobcenter',
  'recognition_counselling',
  'migration_counselling',
  'youth_migration_service',
  'language_school',
  'immigration_office',
  'refugee_counselling',
  'other',
]);
/** A referral to a partner organisation. */
export const ZReferral = z.object({
  id: z.uuid(),
  partnerKind: ZReferralPartner,
  partnerName: z.string().nullable(),
  referredOn: ZDate,
  reason: z.string(),
  feedback: z.string().nullable(),
  feedbackOn: ZDate.nullable(),
  version: ZVersion,
});
/** Body of `POST /api/cases/:id/referrals`. */
export const ZCreateReferral = z.object({
  partnerKind: ZReferralPartner,
  partnerName: z.string().trim().max(200).nullable().optional(),
  referredOn: ZDate,
  reason: z.string().trim().min(2).max(2000),
});

/** A signed training contract. */
export const ZTrainingContract = z.object({
  id: z.uuid(),
  companyName: z.string(),
  companyPostcode: z.string().nullable(),
  occupationId: z.string(),
  occupationName: z.string().nullable(),
  startsOn: ZDate,
  chamber: ZChamber,
  signedOn: ZDate.nullable(),
  precededBy: z.enum(['none', 'internship', 'entry_qualification']).nullable(),
  terminatedOn: ZDate.nullable(),
  terminationReason: z.string().nullable(),
  version: ZVersion,
});
/** Body of `POST /api/cases/:id/contract`. */
export const ZCreateContract = z.object({
  companyName: z.string().trim().min(2).max(200),
  companyPostcode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
  occupationId: z.string().max(120),
  startsOn: ZDate,
  chamber: ZChamber,
  signedOn: ZDate.nullable().optional(),
  precededBy: z.enum(['none', 'internship', 'entry_qualification']).nullable().optional(),
});
/** Body of `POST /api/cases/:id/contract/terminate`. */
export const ZTerminateContract = z.object({
  version: ZVersion,
  terminatedOn: ZDate,
  reason: z.string().trim().min(2).max(2000),
});

/** A residence-law reminder shown on the case (facts, never a legal verdict). */
export const ZResidenceReminder = z.object({
  kind: z.enum([
    'residence_expires',
    'work_permit_expires',
    'ausbildungsduldung_window',
    'ausbildungsduldung_early_end',
  ]),
  date: ZDate,
  message: z.string(),
  suggestReferral: z.enum(['immigration_office', 'refugee_counselling']).nullable(),
});

/** A case with history, sessions, tasks, referrals, contract and reminders. */
export const ZCase = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  officeId: z.uuid(),
  counsellorId: z.uuid().nullable(),
  counsellorName: z.string().nullable(),
  stage: ZCaseStage,
  outcome: ZCaseOutcome.nullable(),
  openedOn: ZDate,
  closedOn: ZDate.nullable(),
  lastContactOn: ZDate.nullable(),
  history: z.array(ZStageChange),
  sessions: z.array(ZSession),
  tasks: z.array(ZTask),
  referrals: z.array(ZReferral),
  contract: ZTrainingContract.nullable(),
  reminders: z.array(ZResidenceReminder),
  version: ZVersion,
});
/** Case. */
export type TCase = z.infer<typeof ZCase>;

/** Body of `POST /api/cases/:id/stage`: the new stage with the date it happened (not before the case opened, not in the future). */
export const ZMoveStage = z.object({
  version: ZVersion,
  stage: ZCaseStage,
  changedOn: ZDate,
  outcome: ZCaseOutcome.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** A card of the case board / a row of the case list. */
export const ZCaseCard = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  stage: ZCaseStage,
  counsellorName: z.string().nullable(),
  age: z.int().nullable(),
  germanLevel: z.string().nullable(),
  wishedOccupationIds: z.array(z.string()),
  residenceStatus: z.string().nullable(),
  lastContactOn: ZDate.nullable(),
  openTasks: z.int(),
  version: ZVersion,
});
/** Query of `GET /api/cases` (list and board). */
export const ZCaseQuery = z.object({
  stage: ZCaseStage.optional(),
  counsellorId: z.uuid().optional(),
  minAge: z.coerce.number().int().min(0).max(99).optional(),
  maxAge: z.coerce.number().int().min(0).max(99).optional(),
  germanLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
  occupationId: z.string().max(120).optional(),
  residenceStatus: z.string().max(40).optional(),
  noContactForDays: z.coerce.number().int().min(1).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A page of case cards. */
export const ZCaseList = z.object({ items: z.array(ZCaseCard), total: z.int() });

// --- Added with the cases module (issue 4): intake, updates, task list, agenda. ---

/**
 * Body of `POST /api/cases` (intake): either a new client (`client`, created with the case in one
 * transaction) or an existing client of the actor's office (`clientId`) — exactly one of the two.
 * `counsellorId` defaults to the actor; it must be a counsellor or coordinator of the same office.
 */
export const ZCreateCase = z
  .object({
    client: ZCreateClient.optional(),
    clientId: z.uuid().optional(),
    counsellorId: z.uuid().nullable().optional(),
  })
  .refine((v) => (v.client === undefined) !== (v.clientId === undefined), {
    message: 'either client or clientId',
    path: ['clientId'],
  });
/** Parsed intake body. */
export type TCreateCase = z.infer<typeof ZCreateCase>;

/** Body of `PATCH /api/cases/:id`: reassign the counsellor (`version` read). */
export const ZUpdateCase = z.object({ version: ZVersion, counsellorId: z.uuid().nullable() });

/**
 * Body of `PATCH /api/sessions/:id`: mark a planned appointment `held` or `cancelled`, or move it;
 * `version` read. A session marked held sets the case's last contact date.
 */
export const ZUpdateSession = z.object({
  version: ZVersion,
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
  startsAt: ZTimestamp.optional(),
  durationMinutes: z.int().min(1).max(600).nullable().optional(),
  topics: z.array(ZSessionTopic).max(12).optional(),
  notes: z.string().trim().max(10000).nullable().optional(),
});

/** Body of `PATCH /api/referrals/:id`: the partner's feedback and its date (`version` read). */
export const ZUpdateReferral = z.object({
  version: ZVersion,
  feedback: z.string().trim().max(4000).nullable().optional(),
  feedbackOn: ZDate.nullable().optional(),
});

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/**
 * Query of `GET /api/tasks`: `mine=true` only tasks owned by the actor, `overdue=true` only open
 * tasks due before today, `done=true|false` filters by state (default: open only), `caseId` one case,
 * `companyId` one company's follow-ups.
 */
export const ZTaskQuery = z.object({
  mine: queryFlag,
  overdue: queryFlag,
  done: queryFlag,
  caseId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A page of tasks (open first by due date). */
export const ZTaskList = z.object({ items: z.array(ZTask), total: z.int() });

/** A planned session in the personal agenda, with the client's name. */
export const ZAppointment = ZSession.extend({ clientName: z.string() });
/** A residence reminder of one case (agenda). */
export const ZCaseReminder = ZResidenceReminder.extend({ caseId: z.uuid(), clientName: z.string() });

/** Query of `GET /api/agenda`: `noContactDays` (default 30) for "clients without contact". */
export const ZAgendaQuery = z.object({
  noContactDays: z.coerce.number().int().min(1).max(3650).default(30),
});

/**
 * The counsellor's home page: today's appointments (own planned sessions today), own open tasks
 * (overdue ones flagged), own open cases without contact for `noContactDays`, residence reminders of
 * own open cases, application profiles to confirm (always empty until issue 7 adds them).
 */
export const ZAgenda = z.object({
  today: ZDate,
  appointments: z.array(ZAppointment),
  tasks: z.array(ZTask),
  noContact: z.array(ZCaseCard),
  reminders: z.array(ZCaseReminder),
  profilesToConfirm: z.array(z.object({ id: z.uuid(), clientName: z.string(), submittedAt: ZTimestamp })),
});
