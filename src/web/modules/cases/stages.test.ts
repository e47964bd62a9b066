import { describe, expect, it } from 'vitest';
import {
  chronological,
  daysBetween,
  groupByStage,
  lastChangeOn,
  localDateTimeToIso,
  moveTargets,
  nextStage,
  STAGES,
  stageStates,
  toLocalDateTime,
} from './stages';

describe('stage pipeline', () => {
  it('runs first_contact → … → closed', () => {
    expect(STAGES).toEqual([
      'first_contact',
      'orientation',
      'preparation',
      'applying',
      'placed',
      'in_training',
      'closed',
    ]);
    expect(nextStage('first_contact')).toBe('orientation');
    expect(nextStage('in_training')).toBe('closed');
    expect(nextStage('closed')).toBeNull();
  });

  it('offers every other stage as a move target, in pipeline order', () => {
    expect(moveTargets('applying')).toEqual([
      'first_contact',
      'orientation',
      'preparation',
      'placed',
      'in_training',
      'closed',
    ]);
  });

  it('groups cards into one column per stage, empty ones included', () => {
    const columns = groupByStage([
      { id: 'a', stage: 'applying' as const },
      { id: 'b', stage: 'first_contact' as const },
      { id: 'c', stage: 'applying' as const },
    ]);
    expect(columns.map(([stage]) => stage)).toEqual(STAGES);
    expect(columns[0]?.[1].map((c) => c.id)).toEqual(['b']);
    expect(columns[3]?.[1].map((c) => c.id)).toEqual(['a', 'c']);
    expect(columns[6]?.[1]).toEqual([]);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, also across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysBetween('2025-11-30', '2026-11-30')).toBe(365);
  });

  it('is null without a day', () => {
    expect(daysBetween(null, '2026-11-30')).toBeNull();
    expect(daysBetween('30.11.2026', '2026-11-30')).toBeNull();
  });
});

describe('chronological', () => {
  it('sorts by day and keeps the server order within a day', () => {
    const history = [
      { id: 3, changedOn: '2026-11-02' },
      { id: 1, changedOn: '2026-10-01' },
      { id: 4, changedOn: '2026-11-02' },
      { id: 2, changedOn: '2026-10-15' },
    ];
    expect(chronological(history).map((h) => h.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('local date and time', () => {
  it('round-trips a datetime-local value through ISO', () => {
    const iso = localDateTimeToIso('2026-11-30T09:05');
    expect(iso).toBeDefined();
    expect(toLocalDateTime(new Date(iso ?? ''))).toBe('2026-11-30T09:05');
  });

  it('refuses anything else', () => {
    expect(localDateTimeToIso('2026-11-30')).toBeUndefined();
    expect(localDateTimeToIso('')).toBeUndefined();
  });
});

describe('lastChangeOn', () => {
  it('is the latest day of the history', () => {
    expect(
      lastChangeOn([{ changedOn: '2026-10-01' }, { changedOn: '2026-11-02' }, { changedOn: '2026-10-15' }]),
    ).toBe('2026-11-02');
    expect(lastChangeOn([])).toBeUndefined();
  });
});

describe('stageStates', () => {
  it('ticks the stages the case went through, marks skipped ones (closed from "placed")', () => {
    const history = [
      { toStage: 'first_contact' as const },
      { toStage: 'applying' as const },
      { toStage: 'placed' as const },
      { toStage: 'closed' as const },
    ];
    expect(stageStates('closed', history).map((s) => s.state)).toEqual([
      'done',
      'skipped',
      'skipped',
      'done',
      'done',
      'skipped',
      'current',
    ]);
    expect(
      stageStates('orientation', [{ toStage: 'first_contact' }, { toStage: 'orientation' }]).map(
        (s) => s.state,
      ),
    ).toEqual(['done', 'current', 'todo', 'todo', 'todo', 'todo', 'todo']);
  });
});
