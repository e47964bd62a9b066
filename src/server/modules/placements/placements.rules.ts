import {
  PLACEMENT_CONTRACT_EXITS,
  PLACEMENT_FINAL_STAGES,
  PLACEMENT_PIPELINE,
  type TMovePlacementStage,
  type TPlacementMoveNotice,
  type TPlacementStage,
} from '../../../contracts/placements';
import type { FieldError } from '../../platform/errors';

/**
 * Pure rules of the placement pipeline (issue 6): which stage may follow which, which dates are
 * possible, and how a placement feeds the case and company pipelines. No I/O; unit-tested in
 * placements.rules.test.ts.
 *
 * Transitions:
 * - pipeline `proposed → company_contacted → interview → internship_or_eq → contract`; any later
 *   pipeline stage may follow (steps are skipped when they did not happen: a company may sign without
 *   a trial phase, or offer an internship without an interview); never backwards — a placement that
 *   went wrong ends `rejected`, and a new attempt is a new placement;
 * - from every open stage: `rejected` (needs a reason code) and `withdrawn` (the office takes the
 *   proposal back, e.g. the client found another place or moved away);
 * - `rejected`, `withdrawn` are final: nothing follows;
 * - `contract` is final except for one exit: `withdrawn` or `rejected` (reason e.g. `contract_cancelled`,
 *   which is only allowed there) records a contract entered by mistake or broken off later.
 *
 * Effects (applied by the service in the same transaction, through the other modules' index):
 * - creating a placement moves the client's open case to `applying` when it is in an earlier stage
 *   (`first_contact`, `orientation`, `preparation`);
 * - `contract` moves the case to `placed` when earlier (up to `applying`), the company to `training`
 *   from any other stage (a signed contract proves it trains, even after `declined`/`inactive`), and
 *   the place to `filled` once contracts take all its seats; each automatic move is dated the
 *   contract day, but never before that pipeline's last change (its history stays in order);
 * - `internship_or_eq` moves nothing: the case stays `applying` (a trial phase is part of applying)
 *   and the placement's own history shows it on the client page;
 * - `rejected`/`withdrawn` move nothing back: the case may have other placements in progress, and
 *   the counsellor decides whether the client goes back to `preparation`;
 * - leaving `contract` reopens the place when it was `filled` and a seat is free again, but moves
 *   neither the case nor the company back (the counsellor does, e.g. with the case's training-contract
 *   dissolution flow); the response names that in its notices ({@link contractExitNotices}).
 */

/** Stages that close a placement. */
const FINAL: ReadonlySet<TPlacementStage> = new Set(PLACEMENT_FINAL_STAGES);
/** Side exits, allowed from every open stage. */
const SIDE_EXITS: ReadonlySet<TPlacementStage> = new Set(['rejected', 'withdrawn']);
/** Stages that pass more of the client's data to the company: they need the matching consent. */
const DATA_SHARING: ReadonlySet<TPlacementStage> = new Set([
  'company_contacted',
  'interview',
  'internship_or_eq',
]);

/** The open stages (not final), in pipeline order. */
export const OPEN_PLACEMENT_STAGES: readonly TPlacementStage[] = PLACEMENT_PIPELINE.filter(
  (s) => !FINAL.has(s),
);

/**
 * True when `stage` closes the placement (`contract`, `rejected`, `withdrawn`; a `contract` may still be
 * left once, see {@link transitionError}).
 */
export function isFinalStage(stage: TPlacementStage): boolean {
  return FINAL.has(stage);
}

/**
 * Why a move from `from` to `to` is not allowed, or null when it is: `same_stage`, `placement_closed` (the
 * placement is closed), `placement_backwards` (an earlier pipeline stage).
 */
export function transitionError(
  from: TPlacementStage,
  to: TPlacementStage,
): 'same_stage' | 'placement_closed' | 'placement_backwards' | null {
  if (from === to) return 'same_stage';
  if (from === 'contract') return PLACEMENT_CONTRACT_EXITS.includes(to) ? null : 'placement_closed';
  if (FINAL.has(from)) return 'placement_closed';
  if (SIDE_EXITS.has(to)) return null;
  return PLACEMENT_PIPELINE.indexOf(to) > PLACEMENT_PIPELINE.indexOf(from) ? null : 'placement_backwards';
}

/** The stages that may follow `from` (for the UI and the tests), in pipeline order then side exits. */
export function nextStages(from: TPlacementStage): TPlacementStage[] {
  return [...PLACEMENT_PIPELINE, 'rejected', 'withdrawn'].filter(
    (to) => transitionError(from, to as TPlacementStage) === null,
  ) as TPlacementStage[];
}

/** True when moving into `to` passes more of the client's data to the company (needs the matching consent). */
export function needsMatchingConsent(to: TPlacementStage): boolean {
  return DATA_SHARING.has(to);
}

/**
 * Field errors of a stage-move body that zod cannot see: `reason` is required for `rejected`
 * (`reason_required`) and refused for other stages (`reason_only_when_rejected`); `contract_cancelled`
 * only when leaving `contract` (`reason_only_after_contract`; checked when `from` is given);
 * `trialKind` only for `internship_or_eq` (`trial_kind_only_for_trial`).
 */
export function moveInputErrors(
  input: Pick<TMovePlacementStage, 'stage' | 'reason' | 'trialKind'>,
  from?: TPlacementStage,
): FieldError[] {
  const errors: FieldError[] = [];
  if (from !== undefined && from !== 'contract' && input.reason === 'contract_cancelled') {
    errors.push({
      field: 'body.reason',
      code: 'reason_only_after_contract',
      messageKey: 'invalid_stage_change',
    });
  }
  if (input.stage === 'rejected' && !input.reason) {
    errors.push({ field: 'body.reason', code: 'reason_required', messageKey: 'reason_required' });
  }
  if (input.stage !== 'rejected' && input.reason) {
    errors.push({
      field: 'body.reason',
      code: 'reason_only_when_rejected',
      messageKey: 'invalid_stage_change',
    });
  }
  if (input.stage !== 'internship_or_eq' && input.trialKind) {
    errors.push({
      field: 'body.trialKind',
      code: 'trial_kind_only_for_trial',
      messageKey: 'invalid_stage_change',
    });
  }
  return errors;
}

/**
 * Why `on` is not a possible day for a stage change, or null: `in_future` (after `today`),
 * `before_proposal` (before the placement was proposed), `before_previous_change` (before the last
 * history entry). All dates `YYYY-MM-DD`, compared as strings.
 */
export function stageDateError(opts: {
  on: string;
  today: string;
  proposedOn: string;
  lastChangeOn: string | null;
}): 'in_future' | 'before_proposal' | 'before_previous_change' | null {
  if (opts.on > opts.today) return 'in_future';
  if (opts.on < opts.proposedOn) return 'before_proposal';
  if (opts.lastChangeOn && opts.on < opts.lastChangeOn) return 'before_previous_change';
  return null;
}

/**
 * The stage the client's case moves to when a placement is created (`created`) or reaches `stage`:
 * creation → `applying`, `contract` → `placed`, else null. The cases module moves only an open case
 * and only forwards (`advanceCaseOfClient`): a case already `placed` or `in_training` stays.
 */
export function caseTargetFor(event: TPlacementStage | 'created'): 'applying' | 'placed' | null {
  if (event === 'created') return 'applying';
  return event === 'contract' ? 'placed' : null;
}

/** True when a company in `companyStage` moves to `training` on a contract (every stage but `training`). */
export function companyMovesToTraining(companyStage: string): boolean {
  return companyStage !== 'training';
}

/**
 * True when leaving a `contract` reopens the place: the placement was in `from` = `contract`, the place is
 * `filled` and the remaining contracts (`contracts`, without this one) leave a seat free.
 */
export function placeReopens(
  from: TPlacementStage,
  placeStatus: string,
  seats: number,
  contracts: number,
): boolean {
  return from === 'contract' && placeStatus === 'filled' && contracts < seats;
}

/**
 * What a move from `from` did not do, for the counsellor (response `notices`): leaving `contract` leaves
 * the case and the company where they are (`case_not_moved_back`, `company_not_moved_back`), plus
 * `place_reopened` when the place was reopened. Empty for every other move.
 */
export function contractExitNotices(from: TPlacementStage, placeReopened: boolean): TPlacementMoveNotice[] {
  if (from !== 'contract') return [];
  return [
    'case_not_moved_back',
    'company_not_moved_back',
    ...(placeReopened ? (['place_reopened'] as const) : []),
  ];
}

/** True when the contracts of a place take all its seats (an open place then becomes `filled`). */
export function placeIsFull(seats: number, contracts: number): boolean {
  return contracts >= seats;
}

/** Today's calendar date in Germany as `YYYY-MM-DD` (the offices are in Germany; `now` for tests). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
