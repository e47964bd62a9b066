import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf } from './matching.grid';
import { keyMasks, maskWords } from './matching.masks';
import { createMatchModel } from './matching.model';
import { arbPlace, TEST_OCCUPATIONS, withIds } from './matching.testkit';

describe('occupation key masks', () => {
  it('set a key in a cell exactly when an open place of it lies within the reach, or has no coordinates', () => {
    fc.assert(
      fc.property(
        fc.array(arbPlace, { maxLength: 80 }),
        fc.constantFrom(5, 10, 40),
        fc.integer({ min: 0, max: 3 }),
        (places, cellKm, reach) => {
          const m = createMatchModel({
            occupations: TEST_OCCUPATIONS,
            clients: [],
            places: withIds('p', places),
            cellKm,
          });
          const P = m.places;
          const g = P.grid;
          const masks = keyMasks(P, reach);
          const words = maskWords(P);
          const nOcc = TEST_OCCUPATIONS.length;
          for (let c = 0; c < g.nCells; c++) {
            const row = Math.floor(c / g.cols);
            const col = c % g.cols;
            for (let key = 0; key < P.nKeys; key++) {
              let expected = false;
              for (let pi = 0; pi < P.nOpen && !expected; pi++) {
                const occ = P.occ[pi] as number;
                if ((occ < 0 ? nOcc : occ) !== key) continue;
                const pc = cellOf(g, P.lat[pi] as number, P.lon[pi] as number);
                if (pc === g.nCells) expected = true;
                else {
                  const pr = Math.floor(pc / g.cols);
                  expected = Math.abs(pr - row) <= reach && Math.abs(pc - pr * g.cols - col) <= reach;
                }
              }
              const bit = ((masks[c * words + (key >>> 5)] as number) >>> (key & 31)) & 1;
              expect(bit === 1).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
