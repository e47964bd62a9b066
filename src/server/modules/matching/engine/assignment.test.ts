import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MeetingInput, type MeetingSchedule, scheduleMeetings, unmatchedClients } from './assignment';

/**
 * The lexicographic optimum by brute force (every pair either does not meet or meets in one of the slots):
 * the most clients with a meeting, then the highest total. Integer scores, so totals compare exactly.
 */
function bruteForce(score: number[][], slots: number, n: number): { met: number; total: number } {
  const pairs: Array<[number, number, number]> = [];
  for (const [i, row] of score.entries())
    for (const [j, w] of row.entries()) if (w > 0) pairs.push([i, j, w]);
  const best = { met: 0, total: 0 };
  const clientSlot = new Set<string>();
  const companySlot = new Set<string>();
  const meetings = new Map<number, number>();
  const walk = (p: number, total: number) => {
    if (p === pairs.length) {
      const met = [...meetings.values()].filter((k) => k > 0).length;
      if (met > best.met || (met === best.met && total > best.total)) Object.assign(best, { met, total });
      return;
    }
    const [i, j, w] = pairs[p] as [number, number, number];
    walk(p + 1, total);
    if ((meetings.get(i) ?? 0) >= n) return;
    for (let t = 0; t < slots; t++) {
      if (clientSlot.has(`${i}:${t}`) || companySlot.has(`${j}:${t}`)) continue;
      clientSlot.add(`${i}:${t}`);
      companySlot.add(`${j}:${t}`);
      meetings.set(i, (meetings.get(i) ?? 0) + 1);
      walk(p + 1, total + w);
      meetings.set(i, (meetings.get(i) ?? 0) - 1);
      clientSlot.delete(`${i}:${t}`);
      companySlot.delete(`${j}:${t}`);
    }
  };
  walk(0, 0);
  return best;
}

/** Checks the rules: no double booking, at most N per client, each pair once, only allowed pairs. */
function expectValid(input: MeetingInput, s: MeetingSchedule) {
  const seen = new Set<string>();
  const perClient = new Map<string, number>();
  for (const m of s.meetings) {
    expect(m.slot).toBeGreaterThanOrEqual(0);
    expect(m.slot).toBeLessThan(input.slots);
    for (const key of [
      `c${m.clientId}@${m.slot}`,
      `k${m.companyId}@${m.slot}`,
      `p${m.clientId}-${m.companyId}`,
    ]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    perClient.set(m.clientId, (perClient.get(m.clientId) ?? 0) + 1);
    const i = input.clientIds.indexOf(m.clientId);
    const j = input.companyIds.indexOf(m.companyId);
    expect(m.score).toBe(input.score[i]?.[j]);
    expect(m.score).toBeGreaterThan(0);
  }
  for (const count of perClient.values()) expect(count).toBeLessThanOrEqual(input.maxMeetingsPerClient);
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The pairs met, as `client-company`, sorted. */
const pairsOf = (s: MeetingSchedule) => s.meetings.map((m) => `${m.clientId}-${m.companyId}`).sort();

/**
 * Checks the reasons of the clients without a meeting: `no_fit` exactly when no score is usable; for
 * `no_slot`, every company the client fits meets a client in every slot for whom it is the only meeting.
 */
function expectTruthfulReasons(input: MeetingInput, s: MeetingSchedule) {
  const met = new Set(s.meetings.map((m) => m.clientId));
  const count = (clientId: string) => s.meetings.filter((m) => m.clientId === clientId).length;
  const unmatched = unmatchedClients(input, s.meetings);
  expect(unmatched.map((u) => u.clientId)).toEqual(input.clientIds.filter((id) => !met.has(id)));
  for (const u of unmatched) {
    const row = input.score[input.clientIds.indexOf(u.clientId)] ?? [];
    const fits = input.companyIds.filter((_, j) => (row[j] ?? 0) > 0);
    expect(u.reason).toBe(fits.length === 0 ? 'no_fit' : 'no_slot');
    for (const companyId of fits) {
      const there = s.meetings.filter((m) => m.companyId === companyId);
      expect(there).toHaveLength(input.slots);
      for (const m of there) expect(count(m.clientId)).toBe(1);
    }
  }
}

describe('speed-dating assignment', () => {
  it('finds the known optimum of a small case (the greedy choice is wrong)', () => {
    // One slot: greedy takes A–X (10) and then B can meet nobody; the optimum is A–Y + B–X = 9 + 9.
    const input: MeetingInput = {
      clientIds: ['A', 'B'],
      companyIds: ['X', 'Y'],
      slots: 1,
      maxMeetingsPerClient: 1,
      score: [
        [10, 9],
        [9, 0],
      ],
    };
    const s = scheduleMeetings(input);
    expect(s.total).toBe(18);
    expect(s.meetings).toEqual([
      { clientId: 'A', companyId: 'Y', slot: 0, score: 9 },
      { clientId: 'B', companyId: 'X', slot: 0, score: 9 },
    ]);
  });

  it('meets every fitting client before it adds a better-scoring second meeting', () => {
    // Two slots, so X and Y can each hold two meetings. The best total alone is Bea–X, Bea–Y, Can–X, Can–Y
    // = 0.9 + 0.85 + 0.8 + 0.9 = 3.45 and leaves Ali out. With Ali the best is Ali–X 0.598 + Bea–X 0.9 +
    // Bea–Y 0.85 + Can–Y 0.9 = 3.248 (Ali–Y instead: 3.209; Ali with both: 3.007).
    const input: MeetingInput = {
      clientIds: ['Ali', 'Bea', 'Can'],
      companyIds: ['X', 'Y'],
      slots: 2,
      maxMeetingsPerClient: 2,
      score: [
        [0.598, 0.609],
        [0.9, 0.85],
        [0.8, 0.9],
      ],
    };
    const s = scheduleMeetings(input);
    expectValid(input, s);
    expect(pairsOf(s)).toEqual(['Ali-X', 'Bea-X', 'Bea-Y', 'Can-Y']);
    // `total` is the plain sum of the scores, without the bonus that ranks the clients met first.
    expect(s.total).toBeCloseTo(3.248, 12);
    expect(unmatchedClients(input, s.meetings)).toEqual([]);
  });

  it('says why a client meets nobody: no fitting company, or no slot left at the companies that fit', () => {
    // One slot and one company: Ari and Ben both fit X, only one can meet it; Cem fits nothing.
    const input: MeetingInput = {
      clientIds: ['Ari', 'Ben', 'Cem'],
      companyIds: ['X'],
      slots: 1,
      maxMeetingsPerClient: 1,
      score: [[0.7], [0.5], [null]],
    };
    const s = scheduleMeetings(input);
    expect(pairsOf(s)).toEqual(['Ari-X']);
    expect(unmatchedClients(input, s.meetings)).toEqual([
      { clientId: 'Ben', reason: 'no_slot' },
      { clientId: 'Cem', reason: 'no_fit' },
    ]);
    expectTruthfulReasons(input, s);
  });

  it('spreads one popular company over the slots and keeps every client to N meetings', () => {
    const input: MeetingInput = {
      clientIds: ids('c', 4),
      companyIds: ['popular', 'other'],
      slots: 3,
      maxMeetingsPerClient: 1,
      score: [
        [0.9, 0.2],
        [0.8, 0.3],
        [0.7, 0.1],
        [0.6, 0.5],
      ],
    };
    const s = scheduleMeetings(input);
    expectValid(input, s);
    // The popular company sees three clients (one per slot); the fourth meets the other company.
    expect(s.total).toBeCloseTo(0.9 + 0.8 + 0.7 + 0.5, 12);
    expect(s.meetings.filter((m) => m.companyId === 'popular')).toHaveLength(3);
  });

  it('leaves out pairs without a score and answers empty inputs', () => {
    const input: MeetingInput = {
      clientIds: ['A'],
      companyIds: ['X'],
      slots: 2,
      maxMeetingsPerClient: 2,
      score: [[null]],
    };
    expect(scheduleMeetings(input)).toEqual({ meetings: [], total: 0 });
    expect(
      scheduleMeetings({ clientIds: [], companyIds: [], slots: 1, maxMeetingsPerClient: 1, score: [] }),
    ).toEqual({
      meetings: [],
      total: 0,
    });
  });

  it('rejects inconsistent input', () => {
    const base: MeetingInput = {
      clientIds: ['A'],
      companyIds: ['X'],
      slots: 1,
      maxMeetingsPerClient: 1,
      score: [[1]],
    };
    expect(() => scheduleMeetings({ ...base, slots: 0 })).toThrow('slots');
    expect(() => scheduleMeetings({ ...base, maxMeetingsPerClient: -1 })).toThrow('maxMeetingsPerClient');
    expect(() => scheduleMeetings({ ...base, maxMeetingsPerClient: 0 })).toThrow('maxMeetingsPerClient');
    expect(() => scheduleMeetings({ ...base, score: [[1, 2]] })).toThrow('score');
    // Scores far above 1: the integer costs would no longer be exact.
    expect(() => scheduleMeetings({ ...base, score: [[1e12]] })).toThrow('too large');
  });

  it('reaches the brute-force lexicographic optimum on random small events, valid and with true reasons', () => {
    const arb = fc
      .record({
        nc: fc.integer({ min: 1, max: 5 }),
        nk: fc.integer({ min: 1, max: 3 }),
        slots: fc.integer({ min: 1, max: 3 }),
        n: fc.integer({ min: 1, max: 3 }),
      })
      .chain(({ nc, nk, slots, n }) =>
        fc.record({
          slots: fc.constant(slots),
          n: fc.constant(n),
          score: fc.array(
            fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })), {
              minLength: nk,
              maxLength: nk,
            }),
            {
              minLength: nc,
              maxLength: nc,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(arb, ({ slots, n, score }) => {
        const input: MeetingInput = {
          clientIds: ids('c', score.length),
          companyIds: ids('k', score[0]?.length ?? 0),
          slots,
          maxMeetingsPerClient: n,
          score,
        };
        const s = scheduleMeetings(input);
        expectValid(input, s);
        // Clients met first, then the total (integer scores: exact).
        expect({ met: new Set(s.meetings.map((m) => m.clientId)).size, total: s.total }).toEqual(
          bruteForce(score, slots, n),
        );
        expectTruthfulReasons(input, s);
      }),
      { numRuns: 300 },
    );
  });

  it('schedules a full event: every pair chosen gets a slot even when all degrees reach the slot count', () => {
    const nc = 12;
    const nk = 6;
    const score = Array.from({ length: nc }, (_, i) =>
      Array.from({ length: nk }, (_, j) => 1 + ((i * 7 + j * 3) % 11)),
    );
    const input: MeetingInput = {
      clientIds: ids('c', nc),
      companyIds: ids('k', nk),
      slots: 4,
      maxMeetingsPerClient: 4,
      score,
    };
    const s = scheduleMeetings(input);
    expectValid(input, s);
    // Each company is busy in all 4 slots: 24 meetings.
    expect(s.meetings).toHaveLength(24);
  });
});
