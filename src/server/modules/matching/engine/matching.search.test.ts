import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runClientsBatch, runPlacesBatch, sameBatch } from './matching.batch';
import { fineCellKmFor } from './matching.cells';
import type { TMatchConfigInput } from './matching.config';
import { scanPlaces } from './matching.kernel';
import { createMatchModel, scratchOf } from './matching.model';
import { newPlaceCtx, occupationValue, prepareClient, preparePlace, scoreClient } from './matching.score';
import { levelOf } from './matching.search-clients';
import {
  arbClient,
  arbPlace,
  arbWeights,
  bareClient,
  barePlace,
  TEST_OCCUPATIONS,
  withIds,
} from './matching.testkit';
import { TopK } from './matching.topk';
import type { ClientFilters, PlaceFilters } from './matching.types';

/** Property tests: the indexed fast path gives exactly the lists of the naive all-pairs scan. */

const arbConfig: fc.Arbitrary<TMatchConfigInput> = fc.record({
  weights: arbWeights,
  distanceHalfKm: fc.constantFrom(5, 15, 40),
  defaultRadiusKm: fc.constantFrom(10, 30, 200),
  unknownValue: fc.constantFrom(0, 0.3, 0.5, 1),
  requireOccupationRelation: fc.boolean(),
});

const arbPlaceFilters: fc.Arbitrary<PlaceFilters> = fc.record(
  {
    kinds: fc.uniqueArray(
      fc.constantFrom('apprenticeship', 'internship', 'entry_qualification', 'taster_day'),
      { maxLength: 3 },
    ),
    occupationIds: fc.uniqueArray(fc.constantFrom(...TEST_OCCUPATIONS.map((o) => o.id)), { maxLength: 4 }),
    maxDistanceKm: fc.integer({ min: 0, max: 60 }),
    minScore: fc.double({ min: 0, max: 0.8, noNaN: true }),
    withoutFlags: fc.boolean(),
  },
  { requiredKeys: [] },
);

const arbData = fc.record({
  clients: fc.array(arbClient, { minLength: 1, maxLength: 40 }),
  places: fc.array(arbPlace, { minLength: 0, maxLength: 120 }),
  config: arbConfig,
  cellKm: fc.constantFrom(2, 10, 40),
  // Undefined: the size chosen by density (coarse here: the data are sparse); else a fine one.
  fineCellKm: fc.constantFrom(undefined, 1, 5),
  // Undefined: the default; 0 and 2: most keys searched bucket by bucket (as on dense data).
  directMax: fc.constantFrom(undefined, 0, 2),
  // 1 and 3: a search in rank order (clients without location) tests its stop rule between few places.
  rankChunk: fc.constantFrom(undefined, 1, 3),
  k: fc.integer({ min: 1, max: 12 }),
});

type Data = typeof arbData extends fc.Arbitrary<infer T> ? T : never;

function model(d: Data) {
  return createMatchModel({
    occupations: TEST_OCCUPATIONS,
    clients: withIds('c', d.clients),
    places: withIds('p', d.places),
    config: d.config,
    cellKm: d.cellKm,
    fineCellKm: d.fineCellKm,
    directMax: d.directMax,
    rankChunk: d.rankChunk,
  });
}

describe('indexed search equals the naive all-pairs scan', () => {
  it('gives identical top-k places for every client (items, order and bit-identical scores)', () => {
    fc.assert(
      fc.property(arbData, (d) => {
        const m = model(d);
        const fast = runPlacesBatch(m, { k: d.k });
        const naive = runPlacesBatch(m, { k: d.k, naive: true });
        expect(Array.from(fast.items)).toEqual(Array.from(naive.items));
        expect(sameBatch(fast, naive)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives identical top-k places with a long occupation list (relations over several words of bits)', () => {
    // Fillers in the test occupations' KldB groups: after sorting by KldB a main group spans several words.
    const fillers = Array.from({ length: 90 }, (_, i) => ({
      id: `filler-${i}`,
      kldb: `${['25', '62', '24', '61'][i % 4]}${(i % 9) + 1}${i % 5}2`,
    }));
    fc.assert(
      fc.property(arbData, (d) => {
        const m = createMatchModel({
          occupations: [...fillers.slice(0, 45), ...TEST_OCCUPATIONS, ...fillers.slice(45)],
          clients: withIds('c', d.clients),
          places: withIds('p', d.places),
          config: d.config,
          cellKm: d.cellKm,
          directMax: d.directMax,
          rankChunk: d.rankChunk,
        });
        expect(sameBatch(runPlacesBatch(m, { k: d.k }), runPlacesBatch(m, { k: d.k, naive: true }))).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('gives identical top-k places under filters', () => {
    fc.assert(
      fc.property(arbData, arbPlaceFilters, (d, filters) => {
        const m = model(d);
        const fast = runPlacesBatch(m, { k: d.k, filters });
        const naive = runPlacesBatch(m, { k: d.k, filters, naive: true });
        expect(sameBatch(fast, naive)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives identical top-k clients for every place, also under filters', () => {
    const arbClientFilters: fc.Arbitrary<ClientFilters> = fc.record(
      {
        maxDistanceKm: fc.integer({ min: 0, max: 60 }),
        minScore: fc.double({ min: 0, max: 0.8, noNaN: true }),
        withoutFlags: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbData, arbClientFilters, (d, filters) => {
        const m = model(d);
        const fast = runClientsBatch(m, { k: d.k, filters });
        const naive = runClientsBatch(m, { k: d.k, filters, naive: true });
        expect(sameBatch(fast, naive)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('scores a pair bit-identically from the client side and from the place side', () => {
    fc.assert(
      fc.property(arbData, (d) => {
        const m = model(d);
        const ctx = scratchOf(m, 0).ctx;
        const pctx = newPlaceCtx();
        for (let ci = 0; ci < m.clients.n; ci++) {
          const rc2 = m.clients.radiusChord2[ci] as number;
          prepareClient(m.scorer, m.clients, ci, rc2, ctx);
          for (let pi = 0; pi < m.places.n; pi++) {
            const vOcc = occupationValue(m.scorer, levelOf(m, ci, m.places.occ[pi] as number));
            if (vOcc < 0) continue;
            const P = m.places;
            const one = new TopK(1);
            ctx.scanOcc = vOcc;
            ctx.scanDistMax = 1;
            ctx.minScore = Number.NEGATIVE_INFINITY;
            scanPlaces(ctx, P.xyz, P.code, P.start, pi, pi + 1, one, P.rank, null, null);
            const b = scoreClient(preparePlace(m.scorer, P, pi, pctx), m.clients, ci, vOcc, rc2);
            expect(one.n === 1).toBe(b === 0);
            if (b === 0) expect(Object.is(one.score[0], pctx.out[0])).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('ties', () => {
  it('breaks equal scores by id, whatever the input order', () => {
    const places = ['p-c', 'p-a', 'p-b'].map((id) =>
      barePlace(id, { occupationId: 'koch', lat: 51.2, lon: 6.8 }),
    );
    const client = bareClient('c-1', { lat: 51.2, lon: 6.8, wishedOccupationIds: ['koch'] });
    for (const order of [places, [...places].reverse()]) {
      const m = createMatchModel({ occupations: TEST_OCCUPATIONS, places: order, clients: [client] });
      for (const naive of [false, true]) {
        const r = runPlacesBatch(m, { k: 2, naive });
        expect(Array.from(r.items).map((i) => m.places.ids[i])).toEqual(['p-a', 'p-b']);
      }
    }
  });
});

describe('index geometry', () => {
  it('chooses a coarser all-occupation grid for sparse places, half the bucket cell for dense ones', () => {
    // CSR offsets of 4 cells (+ the virtual one): 2 occupied cells of 1 place each, or of 400 places each.
    const sparse = Int32Array.from([0, 1, 1, 2, 2, 2]);
    const dense = Int32Array.from([0, 400, 400, 800, 800, 800]);
    expect(fineCellKmFor(sparse, 4, 10)).toBe(20);
    expect(fineCellKmFor(dense, 4, 10)).toBe(5);
    // 64 places per occupied cell: √(16 / 64) of the bucket cell, inside the bounds.
    expect(fineCellKmFor(Int32Array.from([0, 64, 64, 128, 128, 128]), 4, 10)).toBe(5);
    expect(fineCellKmFor(Int32Array.from([0, 4, 4, 8, 8, 8]), 4, 10)).toBe(20);
    expect(fineCellKmFor(Int32Array.from([0, 16, 16, 32, 32, 32]), 4, 10)).toBe(10);
  });
});
