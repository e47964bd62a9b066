import { COMPANY_PIPELINE, type TCompanyStage, ZCompanyStage } from '../../../contracts/companies.enums';

/** Every stage: the pipeline in order, then the side exits (the order of the server's board columns). */
export const COMPANY_STAGES: readonly TCompanyStage[] = [
  ...COMPANY_PIPELINE,
  ...ZCompanyStage.options.filter((stage) => !COMPANY_PIPELINE.includes(stage)),
];

/** The side exits of the pipeline (`declined`, `inactive`): a move there needs a reason. */
export const SIDE_EXITS: readonly TCompanyStage[] = COMPANY_STAGES.filter(
  (stage) => !COMPANY_PIPELINE.includes(stage),
);

/** True for `declined` and `inactive`, the stages that need a reason (server: `reason_required`). */
export function needsReason(stage: TCompanyStage | string): boolean {
  return (SIDE_EXITS as readonly string[]).includes(stage);
}

/** The stage after `stage` in the pipeline; null after `training` and for the side exits. */
export function nextCompanyStage(stage: TCompanyStage): TCompanyStage | null {
  const index = COMPANY_PIPELINE.indexOf(stage);
  return index < 0 ? null : (COMPANY_PIPELINE[index + 1] ?? null);
}

/**
 * Every stage a company in `stage` can be moved to: all others (forwards, back, or to a side exit; the
 * server refuses only the same stage), pipeline order, side exits last.
 */
export function companyMoveTargets(stage: TCompanyStage): TCompanyStage[] {
  return COMPANY_STAGES.filter((s) => s !== stage);
}

/**
 * The stage a "Phase ändern" dialog preselects: `wanted` when it is a valid target, else the next
 * pipeline stage, else the first target.
 */
export function defaultTargetStage(stage: TCompanyStage, wanted?: TCompanyStage | null): TCompanyStage {
  const targets = companyMoveTargets(stage);
  if (wanted && targets.includes(wanted)) return wanted;
  return nextCompanyStage(stage) ?? targets[0] ?? 'identified';
}

/** Board columns split into the pipeline (kanban) and the side exits (a separate strip). */
export function splitBoardColumns<T extends { stage: TCompanyStage }>(
  columns: readonly T[],
): { pipeline: T[]; side: T[] } {
  return {
    pipeline: columns.filter((c) => COMPANY_PIPELINE.includes(c.stage)),
    side: columns.filter((c) => !COMPANY_PIPELINE.includes(c.stage)),
  };
}

/**
 * The stage history oldest first: by day, changes of the same day in the order the server sent them
 * (it sends them in the order they were recorded).
 */
export function historyOldestFirst<T extends { changedOn: string }>(history: readonly T[]): T[] {
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.changedOn.localeCompare(b.entry.changedOn) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The latest `changedOn` of the history (`YYYY-MM-DD`; a move cannot be dated before it), or undefined. */
export function latestChange(history: readonly { changedOn: string }[]): string | undefined {
  return history.reduce<string | undefined>(
    (last, h) => (!last || h.changedOn > last ? h.changedOn : last),
    undefined,
  );
}

/**
 * Mantine colour of a stage badge (filled: white text; each keeps ≥ 4.5:1, WCAG 1.4.3). Pipeline
 * stages get different hues so the board and lists can be scanned; the side exits are red and grey.
 */
export const STAGE_COLOURS: Record<TCompanyStage, string> = {
  identified: 'gray.8',
  contacted: 'indigo.9',
  advised: 'blue.9',
  ready_to_train: 'violet.9',
  offering: 'grape.9',
  training: 'teal.9',
  declined: 'red.9',
  inactive: 'gray.7',
};
