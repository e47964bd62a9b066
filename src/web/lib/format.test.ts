import { describe, expect, it } from 'vitest';
import { formatDay, formatDistanceKm, formatDistanceKmExact, todayDay } from './format';

// Intl may put a narrow no-break space between number and unit: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDistanceKmExact', () => {
  it('shows 0.1 km without a trailing zero, also from 10 km on (matching filters judge to 0.1 km)', () => {
    expect(plain(formatDistanceKmExact(11.2, 'de'))).toBe('11,2 km');
    expect(plain(formatDistanceKmExact(11, 'de'))).toBe('11 km');
    expect(plain(formatDistanceKmExact(5.04, 'de'))).toBe('5 km');
    expect(plain(formatDistanceKmExact(0.8, 'en'))).toBe('0.8 km');
    expect(formatDistanceKmExact(-1, 'de')).toBe('');
  });
});

describe('formatDistanceKm', () => {
  it('shows one decimal below 10 km, with the decimal mark of the language', () => {
    expect(plain(formatDistanceKm(3.44, 'de'))).toBe('3,4 km');
    expect(plain(formatDistanceKm(3.44, 'en'))).toBe('3.4 km');
    expect(plain(formatDistanceKm(0, 'de'))).toBe('0,0 km');
  });

  it('rounds to whole kilometres from 10 km on, grouping thousands per language', () => {
    expect(plain(formatDistanceKm(12.6, 'de'))).toBe('13 km');
    expect(plain(formatDistanceKm(1234.4, 'de'))).toBe('1.234 km');
    expect(plain(formatDistanceKm(1234.4, 'en'))).toBe('1,234 km');
  });

  it('gives an empty text for impossible distances', () => {
    expect(formatDistanceKm(-1, 'de')).toBe('');
    expect(formatDistanceKm(Number.NaN, 'de')).toBe('');
  });
});

describe('formatDay', () => {
  it('formats an API day as the local calendar day, per language', () => {
    expect(formatDay('2026-03-01', 'de')).toBe('01.03.2026');
    expect(formatDay('2026-03-01', 'en')).toBe('Mar 1, 2026');
  });

  it('gives an empty text for null and the input for anything else', () => {
    expect(formatDay(null, 'de')).toBe('');
    expect(formatDay('gestern', 'de')).toBe('gestern');
  });
});

describe('todayDay', () => {
  it('writes the local day as YYYY-MM-DD with leading zeros', () => {
    expect(todayDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
