import type { TCefrLevel } from '../../../contracts/clients';

/** Levels of the German self-check, ascending (C2 is not self-assessed: it needs a certificate). */
export const CAN_DO_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1'] as const satisfies readonly TCefrLevel[];

/**
 * Ids of the can-do statements per level (`<level>_<n>`); the texts are in the form texts of each
 * language (`canDo.<id>`). Written for this project in plain language after the global scale of the
 * CEFR (Council of Europe, Common European Framework of Reference for Languages, 2001; Companion
 * Volume 2020): four everyday statements per level, covering listening, speaking, reading, writing.
 */
export const CAN_DO_IDS: Record<(typeof CAN_DO_LEVELS)[number], readonly string[]> = {
  A1: ['a1_1', 'a1_2', 'a1_3', 'a1_4'],
  A2: ['a2_1', 'a2_2', 'a2_3', 'a2_4'],
  B1: ['b1_1', 'b1_2', 'b1_3', 'b1_4'],
  B2: ['b2_1', 'b2_2', 'b2_3', 'b2_4'],
  C1: ['c1_1', 'c1_2', 'c1_3', 'c1_4'],
};

/** Every statement id with its level, in order. */
export const CAN_DO_STATEMENTS: ReadonlyArray<{ id: string; level: TCefrLevel }> = CAN_DO_LEVELS.flatMap(
  (level) => CAN_DO_IDS[level].map((id) => ({ id, level })),
);

/** Ticked and total statements per level (unknown ids are ignored). */
export function countCanDo(ticked: readonly string[]): {
  ticked: Record<string, number>;
  totals: Record<string, number>;
} {
  const set = new Set(ticked);
  const t: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const level of CAN_DO_LEVELS) {
    t[level] = CAN_DO_IDS[level].filter((id) => set.has(id)).length;
    n[level] = CAN_DO_IDS[level].length;
  }
  return { ticked: t, totals: n };
}

/**
 * The German level suggested by the ticked can-do statements (the rule of issue 7, shown to the
 * counsellor, who decides): a level counts as reached when at least two thirds of its statements are
 * ticked (3 of 4); the suggestion is the highest reached level whose lower levels each have at least
 * half of their statements ticked (2 of 4), so a stray tick high up does not lift the level. Null
 * when A1 is not reached. A self-assessment, never a certificate (`germanLevelSource: self_assessment`).
 */
export function suggestGermanLevel(ticked: readonly string[]): TCefrLevel | null {
  const { ticked: t, totals } = countCanDo(ticked);
  let best: TCefrLevel | null = null;
  for (const [i, level] of CAN_DO_LEVELS.entries()) {
    const reached = (t[level] ?? 0) * 3 >= (totals[level] ?? 0) * 2;
    const belowHalf = CAN_DO_LEVELS.slice(0, i).every((l) => (t[l] ?? 0) * 2 >= (totals[l] ?? 0));
    if (reached && belowHalf) best = level;
  }
  return best;
}
