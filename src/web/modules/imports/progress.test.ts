import { describe, expect, it } from 'vitest';
import {
  COMMIT_CHECK_SHARE,
  fraction,
  isRunning,
  nextPercent,
  parseProgressEvent,
  rowsPerSecond,
  runPercent,
} from './progress';

describe('progress math', () => {
  it('is processed / total, clamped, 0 without a total', () => {
    expect(fraction({ processed: 12_000, total: 50_000 })).toBe(0.24);
    expect(fraction({ processed: 60_000, total: 50_000 })).toBe(1);
    expect(fraction({ processed: 5, total: 0 })).toBe(0);
    expect(fraction(null)).toBe(0);
  });

  it('gives a dry run whole percent of its check', () => {
    expect(runPercent('dryRun', { phase: 'validating', processed: 12_345, total: 50_000 })).toBe(24);
    expect(runPercent('dryRun', { phase: 'validating', processed: 50_000, total: 50_000 })).toBe(100);
    expect(runPercent('dryRun', null)).toBe(0);
  });

  it('splits a commit into its re-check and its writing, one bar that only grows', () => {
    const checkDone = runPercent('commit', { phase: 'validating', processed: 50_000, total: 50_000 });
    expect(checkDone).toBe(COMMIT_CHECK_SHARE * 100);
    const writeStart = runPercent('commit', { phase: 'committing', processed: 0, total: 51_000 });
    expect(writeStart).toBe(checkDone);
    expect(runPercent('commit', { phase: 'committing', processed: 25_500, total: 51_000 })).toBe(55);
    expect(runPercent('commit', { phase: 'committing', processed: 51_000, total: 51_000 })).toBe(100);
  });

  it('never moves the shown bar backwards, nor past 100', () => {
    expect(nextPercent(40, 30)).toBe(40);
    expect(nextPercent(40, 55)).toBe(55);
    expect(nextPercent(99, 140)).toBe(100);
  });

  it('measures rows per second', () => {
    expect(rowsPerSecond(50_000, 1_000, 3_500)).toBe(20_000);
    expect(rowsPerSecond(10, 1_000, 1_000)).toBe(0);
  });

  it('knows the running statuses', () => {
    expect(isRunning('validating')).toBe(true);
    expect(isRunning('committing')).toBe(true);
    expect(isRunning('validated')).toBe(false);
  });

  it('reads progress events and skips broken ones', () => {
    expect(parseProgressEvent('{"phase":"committing","processed":5000,"total":50000}')).toEqual({
      phase: 'committing',
      processed: 5000,
      total: 50_000,
    });
    expect(parseProgressEvent('{"phase":"sleeping","processed":1,"total":2}')).toBeNull();
    expect(parseProgressEvent('{"phase":"validating","processed":"1","total":2}')).toBeNull();
    expect(parseProgressEvent('not json')).toBeNull();
    expect(parseProgressEvent('null')).toBeNull();
  });
});
