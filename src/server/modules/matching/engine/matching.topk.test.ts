import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './matching.topk';

describe('TopK', () => {
  it('keeps the k best offers by score, ties by rank, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        // Few distinct scores, so ties are common.
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 6 }), rank: fc.nat(1000) }), { maxLength: 40 }),
        (k, raw) => {
          const offers = raw.map((o, i) => ({ score: o.score / 4, rank: o.rank * 100 + i, item: i }));
          const top = new TopK(k);
          for (const o of offers) if (o.score >= top.floor) top.offer(o.score, o.rank, o.item);
          const want = [...offers].sort((a, b) => b.score - a.score || a.rank - b.rank).slice(0, k);
          expect(top.n).toBe(want.length);
          expect(Array.from(top.item.subarray(0, top.n))).toEqual(want.map((o) => o.item));
          expect(Array.from(top.score.subarray(0, top.n))).toEqual(want.map((o) => o.score));
          // The floor is the last entry once the list is full, −∞ before (+∞ for k = 0: nothing enters).
          const floor = k === 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
          expect(top.floor).toBe(top.n === k && k > 0 ? want[k - 1]?.score : floor);
        },
      ),
    );
  });

  it('drops an offer that ties the last entry with a larger rank, and keeps the one with a smaller rank', () => {
    const top = new TopK(2);
    top.offer(0.5, 10, 1);
    top.offer(0.7, 20, 2);
    top.offer(0.5, 30, 3);
    expect(Array.from(top.item)).toEqual([2, 1]);
    top.offer(0.5, 5, 4);
    expect(Array.from(top.item)).toEqual([2, 4]);
  });
});
