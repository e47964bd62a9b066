import { describe, expect, it } from 'vitest';
import { CAN_DO_IDS, countCanDo, suggestGermanLevel } from './can-do';

const all = (...levels: Array<keyof typeof CAN_DO_IDS>) => levels.flatMap((l) => [...CAN_DO_IDS[l]]);

describe('German level from can-do statements', () => {
  it('is null when fewer than 3 of 4 A1 statements are ticked', () => {
    expect(suggestGermanLevel([])).toBeNull();
    expect(suggestGermanLevel(['a1_1', 'a1_2'])).toBeNull();
  });

  it('takes the highest level with 3 of 4 ticked and every level below at least half', () => {
    expect(suggestGermanLevel(['a1_1', 'a1_2', 'a1_3'])).toBe('A1');
    expect(suggestGermanLevel([...all('A1'), 'a2_1', 'a2_2', 'a2_3'])).toBe('A2');
    expect(suggestGermanLevel(all('A1', 'A2', 'B1'))).toBe('B1');
    expect(suggestGermanLevel(all('A1', 'A2', 'B1', 'B2', 'C1'))).toBe('C1');
  });

  it('is not lifted by stray ticks high up when a level below is less than half ticked', () => {
    // B2 fully ticked, but only one B1 statement: stays at A2.
    expect(suggestGermanLevel([...all('A1', 'A2'), 'b1_1', ...all('B2')])).toBe('A2');
  });

  it('ignores unknown ids and counts per level', () => {
    expect(countCanDo(['a1_1', 'zz_9', 'b1_2'])).toEqual({
      ticked: { A1: 1, A2: 0, B1: 1, B2: 0, C1: 0 },
      totals: { A1: 4, A2: 4, B1: 4, B2: 4, C1: 4 },
    });
  });
});
