import { describe, expect, it } from 'vitest';
import { localDateTimeToIso } from './letter-options';

describe('localDateTimeToIso', () => {
  it('reads a datetime-local value as local wall time', () => {
    expect(localDateTimeToIso('2026-12-05T10:30')).toBe(new Date(2026, 11, 5, 10, 30).toISOString());
  });

  it('is undefined for an empty or broken value', () => {
    expect(localDateTimeToIso('')).toBeUndefined();
    expect(localDateTimeToIso('2026-12-05')).toBeUndefined();
    expect(localDateTimeToIso('2026-13-45T10:30')).toBeUndefined();
  });
});
