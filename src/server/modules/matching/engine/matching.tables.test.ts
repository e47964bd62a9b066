import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatchModel } from './matching.model';
import { arbPlace, bareClient, withIds } from './matching.testkit';

/** Occupations with KldB codes from a few main groups, listed out of KldB order (40–150: several words of bits). */
const arbOccupations = fc
  .uniqueArray(fc.integer({ min: 0, max: 149 }), { minLength: 40, maxLength: 150 })
  .map((ns) =>
    ns.map((n) => ({ id: `occ-${n}`, kldb: `${[25, 26, 62, 71][n % 4]}${String(n % 7)}${String(n % 3)}2` })),
  );

describe('compiled client relations', () => {
  it('hold the same occupations and levels as words of bits, in KldB order of the occupations', () => {
    fc.assert(
      fc.property(
        arbOccupations,
        fc.array(fc.array(fc.nat(149), { maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (occupations, wishes) => {
          const m = createMatchModel({
            occupations,
            places: [],
            clients: wishes.map((w, i) =>
              bareClient(`c${i}`, {
                wishedOccupationIds: w.map((n) => `occ-${n}`),
                interests: i % 2 === 0 ? ['25'] : [],
              }),
            ),
          });
          const codes = m.occupations.map((o) => o.kldb);
          expect(codes).toEqual([...codes].sort());
          expect(m.catalogue.ids).toEqual(m.occupations.map((o) => o.id));
          const C = m.clients;
          for (let ci = 0; ci < C.n; ci++) {
            const entries = [];
            for (let e = C.relStart[ci] as number; e < (C.relStart[ci + 1] as number); e++)
              entries.push([C.relLevel[e], C.relOcc[e]]);
            const fromWords = [];
            for (let t = C.relWordStart[ci] as number; t < (C.relWordStart[ci + 1] as number); t++) {
              const lw = C.relWord[t] as number;
              for (let b = 0; b < 32; b++)
                if ((((C.relBits[t] as number) >>> b) & 1) === 1)
                  fromWords.push([lw >>> 12, (lw & 4095) * 32 + b]);
            }
            expect(fromWords).toEqual(entries);
          }
        },
      ),
    );
  });

  it('refuses a rank chunk that is not an integer of at least 1 (NaN or 2.5 would skip places)', () => {
    for (const rankChunk of [0, 2.5, Number.NaN])
      expect(() => createMatchModel({ occupations: [], clients: [], places: [], rankChunk })).toThrow(
        'rankChunk must be an integer of at least 1',
      );
  });
});

describe('fine table', () => {
  it('keeps every open place once, each group of one cell and kind, lower requirements first', () => {
    fc.assert(
      fc.property(fc.array(arbPlace, { maxLength: 120 }), (list) => {
        const places = withIds('p', list);
        const m = createMatchModel({ occupations: [], clients: [], places });
        const P = m.places;
        const F = P.fine;
        const gs = F.groupStart;
        // Requirement order of PlaceTable.code: German minimum, then with support first, then school.
        const req = (code: number) =>
          ((code >> 2) & 7) * 16 + (1 - ((code >> 1) & 1)) * 8 + ((code >> 5) & 7);
        const seen = new Set<number>();
        for (let grp = 0; grp + 1 < gs.length; grp++) {
          for (let r = gs[grp] as number; r < (gs[grp + 1] as number); r++) {
            const pi = F.item[r] as number;
            seen.add(pi);
            expect(F.code[r]).toBe(P.code[pi]);
            expect(F.start[r]).toBe(P.start[pi]);
            expect(((F.code[r] as number) >> 8) & 3).toBe(grp & 3);
            if (r > (gs[grp] as number))
              expect(req(F.code[r] as number)).toBeGreaterThanOrEqual(req(F.code[r - 1] as number));
          }
        }
        expect(seen.size).toBe(places.filter((p) => p.status === 'open').length);
      }),
    );
  });
});
