import { describe, expect, it } from 'vitest';
import { formatDistanceKm } from './format';

// Intl may put a narrow no-break space between number and unit: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

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
