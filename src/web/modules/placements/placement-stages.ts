import { type TCaseStage, ZCaseStage } from '../../../contracts/cases';
import type { TPlaceKind } from '../../../contracts/companies.enums';
import {
  PLACEMENT_CONTRACT_EXITS,
  PLACEMENT_FINAL_STAGES,
  PLACEMENT_PIPELINE,
  type TPlacementRejectionReason,
  type TPlacementStage,
  type TPlacementTrialKind,
  ZPlacementRejectionReason,
} from '../../../contracts/placements';

/**
 * The placement pipeline as the web shows it (the server's rules in placements.rules.ts): forwards only,
 * steps may be skipped, `rejected` and `withdrawn` from every open stage, `rejected`/`withdrawn` final;
 * a `contract` may be left once as `rejected` (e.g. reason `contract_cancelled`) or `withdrawn`.
 * Pure; unit-tested.
 */

const SIDE_EXITS: readonly TPlacementStage[] = ['rejected', 'withdrawn'];

/** True when `stage` closes the placement (`contract` may still be left once, see {@link nextStages}). */
export function isFinalStage(stage: TPlacementStage): boolean {
  return PLACEMENT_FINAL_STAGES.includes(stage);
}

/** True when "Phase ändern" is offered: some stage may still follow `stage` (on a place of `kind`). */
export function canChangeStage(stage: TPlacementStage, kind: TPlaceKind = 'apprenticeship'): boolean {
  return nextStages(stage, kind).length > 0;
}

/**
 * The stages a placement in `from` may move to: later pipeline stages, then the side exits; after a
 * `contract` only `rejected`/`withdrawn` (a mistaken or cancelled contract). `contract` (the training
 * contract) only on an apprenticeship place: an internship, EQ or taster day ends at `internship_or_eq`.
 */
export function nextStages(from: TPlacementStage, kind: TPlaceKind = 'apprenticeship'): TPlacementStage[] {
  if (from === 'contract') return [...PLACEMENT_CONTRACT_EXITS];
  if (isFinalStage(from)) return [];
  const index = PLACEMENT_PIPELINE.indexOf(from);
  return [...PLACEMENT_PIPELINE.slice(index + 1), ...SIDE_EXITS].filter(
    (s) => s !== 'contract' || kind === 'apprenticeship',
  );
}

/** The stage preselected in "Phase ändern": the next pipeline stage (on a place of `kind`). */
export function defaultNextStage(
  from: TPlacementStage,
  kind: TPlaceKind = 'apprenticeship',
): TPlacementStage | null {
  return nextStages(from, kind)[0] ?? null;
}

/** The rejection reasons offered when leaving `from`: `contract_cancelled` only after a contract. */
export function reasonOptions(from: TPlacementStage): TPlacementRejectionReason[] {
  return ZPlacementRejectionReason.options.filter((r) => r !== 'contract_cancelled' || from === 'contract');
}

/** What the place of a placement looks like to the contract confirmation. */
export interface TContractPlace {
  seats: number;
  status: string;
  company: { stage: string };
}

/**
 * i18n keys (`placements.confirmContract.*`) with values of what a `contract` moves, for the
 * confirmation before sending: the case to "Vermittelt" (when earlier), the company to "Bildet aus"
 * (unless it already trains), the place to "besetzt" — at once with one seat, else once contracts take
 * all seats.
 */
export function contractEffects(
  place: TContractPlace,
): Array<{ key: string; values?: Record<string, unknown> }> {
  const effects: Array<{ key: string; values?: Record<string, unknown> }> = [{ key: 'case' }];
  if (place.company.stage !== 'training') effects.push({ key: 'company' });
  if (place.status === 'open') {
    effects.push(
      place.seats <= 1 ? { key: 'placeFilled' } : { key: 'placeSeats', values: { count: place.seats } },
    );
  }
  return effects;
}

/** Values of the stage form. */
export type TStageFormValues = {
  stage: string;
  on: string;
  reason: string;
  trialKind: string;
  note: string;
};

/** What the stage form knows about the placement. */
export interface TStageFormTarget {
  stage: TPlacementStage;
  /** Day of the current stage (a change cannot be dated before it). */
  stageOn: string;
}

/**
 * i18n keys (`placements.stageDialog.*`) of the form's errors by field, before sending: the stage must be
 * one that may follow, the day not in the future nor before the current stage's day, a rejection needs
 * its reason, the note "other" reason needs the note.
 */
export function stageFormErrors(
  values: TStageFormValues,
  target: TStageFormTarget,
  today: string,
): Partial<Record<keyof TStageFormValues, string>> {
  const errors: Partial<Record<keyof TStageFormValues, string>> = {};
  if (!nextStages(target.stage).includes(values.stage as TPlacementStage)) errors.stage = 'stageRequired';
  if (!values.on) errors.on = 'dateRequired';
  else if (values.on > today) errors.on = 'dateInFuture';
  else if (values.on < target.stageOn) errors.on = 'dateBeforeLast';
  if (values.stage === 'rejected' && !values.reason) errors.reason = 'reasonRequired';
  else if (
    values.stage === 'rejected' &&
    !reasonOptions(target.stage).includes(values.reason as TPlacementRejectionReason)
  )
    errors.reason = 'reasonRequired';
  if (values.stage === 'rejected' && values.reason === 'other' && !values.note.trim())
    errors.note = 'noteRequired';
  return errors;
}

/** Body of `POST /api/placements/:id/stage` as the web sends it. */
export interface TStageBody {
  version: number;
  stage: TPlacementStage;
  on: string;
  reason: TPlacementRejectionReason | null;
  trialKind: TPlacementTrialKind | null;
  note: string | null;
}

/** Body of `POST /api/placements/:id/stage` from the form values. */
export function stageFormBody(values: TStageFormValues, version: number): TStageBody {
  const stage = values.stage as TPlacementStage;
  return {
    version,
    stage,
    on: values.on,
    reason: stage === 'rejected' ? (values.reason as TPlacementRejectionReason) : null,
    trialKind:
      stage === 'internship_or_eq' ? ((values.trialKind || 'internship') as TPlacementTrialKind) : null,
    note: values.note.trim() || null,
  };
}

/** Colour of a stage badge (light variant; these hues keep AA contrast for their text). */
export function stageColour(stage: TPlacementStage): string {
  if (stage === 'contract') return 'indigo';
  if (stage === 'rejected') return 'red';
  if (stage === 'withdrawn') return 'gray';
  return 'blue';
}

/** True when creating a placement moves a case in `stage` to "applying" (it is in an earlier stage). */
export function movesCaseToApplying(stage: TCaseStage | null): boolean {
  if (!stage) return false;
  return ZCaseStage.options.indexOf(stage) < ZCaseStage.options.indexOf('applying');
}
