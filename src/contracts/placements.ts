import { z } from 'zod';
import { ZDate } from './clients';
import { ZProblem, ZTimestamp, ZVersion } from './common';
import { ZCompanyStage, ZPlaceKind, ZPlaceStatus } from './companies.enums';

/**
 * Placements (Vermittlung, issue 6; DOMAIN.md `Placement`): a client × training place pairing that a
 * counsellor acted on, and its outcome. API contract of `/api/placements`. Dates are `YYYY-MM-DD`
 * calendar days in Germany; a stage change is dated the day it happened (not in the future, not
 * before the placement was proposed or the previous change).
 *
 * Pipeline: `proposed → company_contacted → interview → internship_or_eq → contract`. Steps may be
 * skipped forwards (a company may sign without a trial phase, a trial may come without an interview);
 * `internship_or_eq` (Praktikum or Einstiegsqualifizierung as trial phase) is optional. Side exits
 * from any open stage: `rejected` (with a reason code and a free note) and `withdrawn` (the office
 * takes the proposal back, e.g. the client found another place). `contract`, `rejected` and
 * `withdrawn` are final, with one exception: a `contract` signed by mistake or broken off later may be
 * closed once more as `withdrawn` or `rejected` (reason e.g. `contract_cancelled`). Rules:
 * src/server/modules/placements/placements.rules.ts.
 *
 * Effects on other pipelines (server side, in the same transaction): creating a placement moves the
 * client's open case to `applying` when it is earlier; `contract` moves the case to `placed` and the
 * company to `training` (when earlier), and the place to `filled` when contracts take all its seats.
 * `rejected`/`withdrawn` move nothing back — also not after a `contract`: leaving a contract only reopens
 * the place (`filled` → `open` when a seat is free again); the counsellor moves the case (e.g. the case's
 * training-contract dissolution flow) and the company by hand (the move response says so in `notices`).
 */

/** Stages of a placement: the pipeline in order, then the two side exits. */
export const ZPlacementStage = z.enum([
  'proposed',
  'company_contacted',
  'interview',
  'internship_or_eq',
  'contract',
  'rejected',
  'withdrawn',
]);
/** Stage of a placement. */
export type TPlacementStage = z.infer<typeof ZPlacementStage>;
/** The main pipeline in order (board columns), without the side exits. */
export const PLACEMENT_PIPELINE: readonly TPlacementStage[] = [
  'proposed',
  'company_contacted',
  'interview',
  'internship_or_eq',
  'contract',
];
/** Stages that close a placement (`contract` may still be left once, see {@link PLACEMENT_CONTRACT_EXITS}). */
export const PLACEMENT_FINAL_STAGES: readonly TPlacementStage[] = ['contract', 'rejected', 'withdrawn'];

/** The stages that may follow `contract`: a mistaken or cancelled contract is recorded this way. */
export const PLACEMENT_CONTRACT_EXITS: readonly TPlacementStage[] = ['rejected', 'withdrawn'];

/**
 * Why a placement was rejected: `company_declined` (the company said no), `client_declined` (the
 * young person said no), `no_show` (did not come to the interview or trial), `language` (German not
 * sufficient yet), `qualification` (school qualification or skills), `distance` (travel too far),
 * `residence_permit` (no work permit / residence status), `trial_ended` (internship or EQ ended without
 * an offer), `place_taken` (the place went to someone else), `contract_cancelled` (a signed contract was broken
 * off or recorded by mistake; only when leaving `contract`), `other` (the note says why).
 */
export const ZPlacementRejectionReason = z.enum([
  'company_declined',
  'client_declined',
  'no_show',
  'language',
  'qualification',
  'distance',
  'residence_permit',
  'trial_ended',
  'place_taken',
  'contract_cancelled',
  'other',
]);
/** Rejection reason code. */
export type TPlacementRejectionReason = z.infer<typeof ZPlacementRejectionReason>;

/** Kind of the trial phase of stage `internship_or_eq`: a Praktikum or an Einstiegsqualifizierung. */
export const ZPlacementTrialKind = z.enum(['internship', 'entry_qualification']);
/** Trial kind. */
export type TPlacementTrialKind = z.infer<typeof ZPlacementTrialKind>;

/** Where the placement came from: a matching suggestion or the counsellor's own pairing. */
export const ZPlacementSource = z.enum(['matching', 'manual']);
/** Placement source. */
export type TPlacementSource = z.infer<typeof ZPlacementSource>;

/**
 * One factor of the matching score as the engine explained it (matching module, `FactorExplanation`):
 * `key` one of `occupation`, `distance`, `language`, `school`, `start`, `kind`; `value` 0..1; `weight`
 * the normalised weight; `contribution = weight × value`; `raw` the input the value came from (km,
 * CEFR levels missing, occupation level …); `reason` a code where the value is not obvious.
 */
export const ZPlacementScoreFactor = z.object({
  key: z.string().min(1).max(40),
  raw: z.union([z.number(), z.string().max(120)]).nullable(),
  value: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
  contribution: z.number().min(0).max(1),
  reason: z.string().max(60).nullable(),
  via: z.string().max(120).nullable().optional(),
});
/** A score factor. */
export type TPlacementScoreFactor = z.infer<typeof ZPlacementScoreFactor>;

/**
 * The matching score when the placement was created (a snapshot the server computed with the matching
 * engine for source `matching`; later runs do not change it): `score` 0..1, the factors and flags (`work_permit_missing` …).
 */
export const ZPlacementScore = z.object({
  score: z.number().min(0).max(1),
  factors: z.array(ZPlacementScoreFactor).max(20),
  flags: z.array(z.string().max(60)).max(20).default([]),
});
/** Score snapshot. */
export type TPlacementScore = z.infer<typeof ZPlacementScore>;

/** The client of a placement (only what lists need). */
export const ZPlacementClient = z.object({
  id: z.uuid(),
  name: z.string(),
});

/** The place of a placement, with its company. */
export const ZPlacementPlace = z.object({
  id: z.uuid(),
  kind: ZPlaceKind,
  title: z.string().nullable(),
  occupationId: z.string().nullable(),
  occupationName: z.string().nullable(),
  startsOn: ZDate.nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  seats: z.int(),
  status: ZPlaceStatus,
  company: z.object({ id: z.uuid(), name: z.string(), stage: ZCompanyStage }),
});

/**
 * One dated stage change. The first entry (`fromStage` null, `toStage` `proposed`) is the creation.
 * `on` is the day it happened; `changedByName` who recorded it (null once the user is gone).
 */
export const ZPlacementStageChange = z.object({
  fromStage: ZPlacementStage.nullable(),
  toStage: ZPlacementStage,
  on: ZDate,
  reason: ZPlacementRejectionReason.nullable(),
  trialKind: ZPlacementTrialKind.nullable(),
  note: z.string().nullable(),
  changedById: z.uuid().nullable(),
  changedByName: z.string().nullable(),
  recordedAt: ZTimestamp,
});
/** A stage change. */
export type TPlacementStageChange = z.infer<typeof ZPlacementStageChange>;

/** A placement as a list row (client page, place page, office list): no history. */
export const ZPlacementListItem = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  client: ZPlacementClient,
  place: ZPlacementPlace,
  stage: ZPlacementStage,
  /** Day the current stage was reached. */
  stageOn: ZDate,
  /** Day the placement was proposed (its first history entry). */
  proposedOn: ZDate,
  /** Set while the stage is `rejected`. */
  rejectionReason: ZPlacementRejectionReason.nullable(),
  rejectionNote: z.string().nullable(),
  /** Kind of the trial phase, once the placement reached `internship_or_eq`. */
  trialKind: ZPlacementTrialKind.nullable(),
  source: ZPlacementSource,
  /** Score snapshot at creation; null for a manual placement without one. */
  score: ZPlacementScore.nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: ZVersion,
});
/** A placement row. */
export type TPlacementListItem = z.infer<typeof ZPlacementListItem>;

/** A placement with its dated history (oldest first). */
export const ZPlacement = ZPlacementListItem.extend({
  history: z.array(ZPlacementStageChange),
});
/** A placement. */
export type TPlacement = z.infer<typeof ZPlacement>;

/**
 * Body of `POST /api/placements`: a client and an open place of the actor's office. The client needs
 * an active consent for `matching` (the proposal passes personal data to the company); only one open
 * placement per client × place (409 `placement_exists` with `existingId`). `proposedOn` defaults to
 * today (not in the future). For source `matching` the server computes the score snapshot itself with
 * the matching engine (422 `match_excluded` on `body.source` when the engine excludes the pair: create
 * it as `manual`); `score` is ignored (deprecated, kept so older clients still validate).
 */
export const ZCreatePlacement = z.object({
  clientId: z.uuid(),
  placeId: z.uuid(),
  source: ZPlacementSource.default('manual'),
  /** Ignored: the server computes the snapshot (see above). */
  score: z.unknown().optional(),
  proposedOn: ZDate.optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
/** Parsed create body. */
export type TCreatePlacement = z.infer<typeof ZCreatePlacement>;

/**
 * Body of `POST /api/placements/:id/stage`: the new stage, the day it happened (`on`) and the
 * `version` read (409 `conflict` when stale). `reason` is required for `rejected` and refused
 * otherwise; `trialKind` only for `internship_or_eq` (default `internship`); `note` free text.
 */
export const ZMovePlacementStage = z.object({
  version: ZVersion,
  stage: ZPlacementStage,
  on: ZDate,
  reason: ZPlacementRejectionReason.nullable().optional(),
  trialKind: ZPlacementTrialKind.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
/** Parsed stage-move body. */
export type TMovePlacementStage = z.infer<typeof ZMovePlacementStage>;

/**
 * What a stage move did NOT do and the counsellor should check: after leaving a `contract`,
 * `case_not_moved_back` (the client's case stays `placed`/`in_training`: move it by hand, e.g. the
 * case's training-contract dissolution), `company_not_moved_back` (the company stays `training`), and
 * `place_reopened` (the place was `filled` and is `open` again since a seat is free).
 */
export const ZPlacementMoveNotice = z.enum([
  'case_not_moved_back',
  'company_not_moved_back',
  'place_reopened',
]);
/** A move notice. */
export type TPlacementMoveNotice = z.infer<typeof ZPlacementMoveNotice>;

/** Response of `POST /api/placements/:id/stage`: the placement and the notices of the move. */
export const ZPlacementMoveResult = z.object({
  placement: ZPlacement,
  notices: z.array(ZPlacementMoveNotice),
});
/** A move response. */
export type TPlacementMoveResult = z.infer<typeof ZPlacementMoveResult>;

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/**
 * Query of `GET /api/placements`: all filters narrow. `open=true` only placements not yet final
 * (`contract`, `rejected`, `withdrawn`), `open=false` only final ones. Newest first.
 */
export const ZPlacementQuery = z.object({
  clientId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  stage: ZPlacementStage.optional(),
  open: queryFlag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed list query. */
export type TPlacementQuery = z.infer<typeof ZPlacementQuery>;

/** Response of `GET /api/placements`. */
export const ZPlacementList = z.object({ items: z.array(ZPlacementListItem), total: z.int() });

/** Query of `DELETE /api/placements/:id`: the `version` read (a mistaken placement, only while `proposed`). */
export const ZDeletePlacementQuery = z.object({ version: z.coerce.number().int().min(1) });

/**
 * Problem of the placement routes: 409 `placement_exists` carries `existingId`, the open placement of
 * the same client and place; 409 `place_seats_taken` carries the place's `seats` and its `contracts`.
 */
export const ZPlacementProblem = ZProblem.extend({
  existingId: z.uuid().optional(),
  seats: z.number().int().optional(),
  contracts: z.number().int().optional(),
});
