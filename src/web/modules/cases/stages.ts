import { type TCaseStage, ZCaseOutcome, ZCaseStage } from '../../../contracts/cases';

/** Case stages in pipeline order (DOMAIN.md "Stages"): the board's columns, left to right. */
export const STAGES: readonly TCaseStage[] = ZCaseStage.options;
/** Outcomes of a closed case. */
export const OUTCOMES = ZCaseOutcome.options;

/** Position of `stage` in the pipeline (0 = first contact). */
export function stageIndex(stage: TCaseStage): number {
  return STAGES.indexOf(stage);
}

/** The stage after `stage` in the pipeline, or null after the last one. */
export function nextStage(stage: TCaseStage): TCaseStage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** Every stage a case in `stage` can be moved to (all others, pipeline order). */
export function moveTargets(stage: TCaseStage): TCaseStage[] {
  return STAGES.filter((s) => s !== stage);
}

/** Cards grouped by stage, one entry per stage in pipeline order (empty stages included). */
export function groupByStage<T extends { stage: TCaseStage }>(cards: readonly T[]): [TCaseStage, T[]][] {
  return STAGES.map((stage) => [stage, cards.filter((card) => card.stage === stage)]);
}

/** Whole days from `day` to `today` (both `YYYY-MM-DD`); null when either is missing. */
export function daysBetween(day: string | null | undefined, today: string): number | null {
  const parse = (d: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  if (!day) return null;
  const a = parse(day);
  const b = parse(today);
  if (a === null || b === null) return null;
  return Math.round((b - a) / 86_400_000);
}

/**
 * The stage history oldest first: by the day of the change, changes of the same day in the order the
 * server sent them (it records them in sequence).
 */
export function chronological<T extends { changedOn: string }>(history: readonly T[]): T[] {
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.changedOn.localeCompare(b.entry.changedOn) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** `YYYY-MM-DDTHH:mm` of `date` in local time (the value of `<input type="datetime-local">`). */
export function toLocalDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(
    date.getMinutes(),
  )}`;
}

/** ISO timestamp (UTC) of a local `YYYY-MM-DDTHH:mm`; undefined when the text is no such value. */
export function localDateTimeToIso(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The latest `changedOn` of the history (`YYYY-MM-DD`), or undefined without history. */
export function lastChangeOn(history: readonly { changedOn: string }[]): string | undefined {
  return history.reduce<string | undefined>(
    (last, h) => (!last || h.changedOn > last ? h.changedOn : last),
    undefined,
  );
}

/** State of a stage in the case's pipeline view. */
export type TStageState = 'done' | 'skipped' | 'current' | 'todo';

/**
 * Each stage's state for a case at `stage` with `history`: earlier stages the case reached are `done`, the
 * ones it never entered `skipped` (a case closed from `placed` never was `in_training`), then `current`,
 * then `todo`.
 */
export function stageStates(
  stage: TCaseStage,
  history: readonly { toStage: TCaseStage }[],
): Array<{ stage: TCaseStage; state: TStageState }> {
  const current = stageIndex(stage);
  const reached = new Set(history.map((h) => h.toStage));
  return STAGES.map((s, index) => ({
    stage: s,
    state: index < current ? (reached.has(s) ? 'done' : 'skipped') : index === current ? 'current' : 'todo',
  }));
}
