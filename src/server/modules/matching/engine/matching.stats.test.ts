import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPlacesBatch } from './matching.batch';
import { createMatchModel, scratchOf } from './matching.model';
import { LEVEL_EXACT } from './matching.occupations';
import { prepareClient } from './matching.score';
import { exactBound, restBound } from './matching.stats';
import { arbClient, arbPlace, arbWeights, bareClient, barePlace, withIds } from './matching.testkit';
import { PRUNE_SLACK } from './matching.topk';

describe('bounds of a group of places', () => {
  it('exactBound equals the score of a lone place and bounds a group; restBound bounds it with slack', () => {
    fc.assert(
      fc.property(
        arbClient,
        fc.array(arbPlace, { minLength: 1, maxLength: 6 }),
        fc.record({
          weights: arbWeights,
          unknownValue: fc.constantFrom(0, 0.3, 0.5, 1),
        }),
        (client, raw, config) => {
          // All places in the client's wished occupation: one key, occupation value "exact".
          const places = raw.map((p) => ({ ...p, occupationId: 'verkaeufer', status: 'open' as const }));
          const c = {
            ...client,
            lat: null,
            lon: null,
            matchingConsent: true,
            wishedOccupationIds: ['verkaeufer'],
          };
          const m = createMatchModel({
            occupations: [{ id: 'verkaeufer', kldb: '62102' }],
            clients: withIds('c', [c]),
            places: withIds('p', places),
            config,
          });
          // Windows may be inverted (available from after until): the bounds must hold for them too.
          const { scores, items } = runPlacesBatch(m, { k: places.length, naive: true });
          const ctx = scratchOf(m, 0).ctx;
          prepareClient(m.scorer, m.clients, 0, m.clients.radiusChord2[0] as number, ctx);
          const occPart = ctx.wOcc * (m.scorer.levelFit[LEVEL_EXACT] as number);
          exactBound(ctx, m.places.byRank.stats, 0, occPart, ctx.wDist * ctx.unknown);
          const bound = ctx.out[1] as number;
          if (items[0] === -1) return; // excluded (e.g. German level two below the minimum)
          // Never below a score (no slack); equal to it for a single place.
          expect(bound).toBeGreaterThanOrEqual(scores[0] as number);
          if (places.length === 1) expect(bound).toBe(scores[0]);
          restBound(ctx, m.places.byRank.stats, 0);
          const rest = ctx.out[1] as number;
          expect(occPart + ctx.wDist * ctx.unknown + rest + PRUNE_SLACK).toBeGreaterThanOrEqual(
            scores[0] as number,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hold for a window whose start is after its end (the kernel counts days to the nearer edge it passed)', () => {
    // Available from 5 Jan, until 1 Jan: a place starting 4 Jan is 1 day off (before "from"), not 3.
    const m = createMatchModel({
      occupations: [{ id: 'verkaeufer', kldb: '62102' }],
      clients: [{ ...bareClient('c'), wishedOccupationIds: ['verkaeufer'], matchingConsent: true }].map(
        (c) => ({ ...c, availableFrom: '2027-01-05', availableUntil: '2027-01-01' }),
      ),
      places: ['2027-01-05', '2027-01-04'].map((startsOn, i) =>
        barePlace(`p${i}`, { occupationId: 'verkaeufer', startsOn, kind: 'entry_qualification' }),
      ),
      config: { weights: { occupation: 0, distance: 0, language: 0, school: 0, start: 1, kind: 1 } },
    });
    const best = runPlacesBatch(m, { k: 1, naive: true }).scores[0] as number;
    const ctx = scratchOf(m, 0).ctx;
    prepareClient(m.scorer, m.clients, 0, m.clients.radiusChord2[0] as number, ctx);
    restBound(ctx, m.places.byRank.stats, 0);
    expect((ctx.out[1] as number) + PRUNE_SLACK).toBeGreaterThanOrEqual(best);
    exactBound(ctx, m.places.byRank.stats, 0, 0, ctx.wDist * ctx.unknown);
    expect(ctx.out[1]).toBe(best);
  });
});
