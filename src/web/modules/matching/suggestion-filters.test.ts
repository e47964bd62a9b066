import { describe, expect, it } from 'vitest';
import {
  clientFiltersToQuery,
  filtersActive,
  mergeOccupations,
  NO_CLIENT_FILTERS,
  NO_PLACE_FILTERS,
  parseMaxKm,
  placeFiltersToQuery,
  radiusInForce,
} from './suggestion-filters';

describe('suggestion filters', () => {
  it('a typed distance: comma as decimal point, 1–1000, else invalid', () => {
    expect(parseMaxKm('')).toBeNull();
    expect(parseMaxKm(' 25 ')).toBe(25);
    expect(parseMaxKm('12,5')).toBe(12.5);
    expect(parseMaxKm('0')).toBe('invalid');
    expect(parseMaxKm('1001')).toBe('invalid');
    expect(parseMaxKm('-3')).toBe('invalid');
    expect(parseMaxKm('zehn')).toBe('invalid');
  });

  it('client filters become the suggestions query (ten results; empty and invalid values left out)', () => {
    expect(clientFiltersToQuery(NO_CLIENT_FILTERS)).toEqual({ k: 10 });
    expect(
      clientFiltersToQuery({ kind: 'internship', occupationId: 'koch', maxKm: '15', withoutFlags: true }),
    ).toEqual({ k: 10, kind: 'internship', occupationId: 'koch', maxKm: 15, withoutFlags: true });
    expect(clientFiltersToQuery({ ...NO_CLIENT_FILTERS, kind: 'castle', maxKm: 'far' })).toEqual({ k: 10 });
  });

  it('place filters become the candidates query', () => {
    expect(placeFiltersToQuery(NO_PLACE_FILTERS)).toEqual({ k: 10 });
    expect(placeFiltersToQuery({ minGermanLevel: 'B1', maxKm: '20', withoutFlags: false })).toEqual({
      k: 10,
      minGermanLevel: 'B1',
      maxKm: 20,
    });
    expect(placeFiltersToQuery({ minGermanLevel: 'D1', maxKm: '', withoutFlags: true })).toEqual({
      k: 10,
      withoutFlags: true,
    });
  });

  it('knows when a filter is set', () => {
    expect(filtersActive(NO_CLIENT_FILTERS)).toBe(false);
    expect(filtersActive({ ...NO_CLIENT_FILTERS, withoutFlags: true })).toBe(true);
    expect(filtersActive({ ...NO_PLACE_FILTERS, maxKm: '10' })).toBe(true);
  });

  it('the radius in force: own, else the default, narrowed by the typed distance', () => {
    expect(radiusInForce(20, 30, '')).toBe(20);
    expect(radiusInForce(null, 30, '')).toBe(30);
    expect(radiusInForce(null, 30, '10')).toBe(10);
    expect(radiusInForce(20, 30, '50')).toBe(20);
    expect(radiusInForce(null, undefined, 'x')).toBeNull();
  });

  it('collects the occupations seen, sorted by name, keeping earlier ones', () => {
    const first = mergeOccupations(new Map(), [
      { occupationId: 'koch', occupationName: 'Koch/Köchin' },
      { occupationId: 'friseur', occupationName: 'Friseur/-in' },
      { occupationId: null, occupationName: null },
    ]);
    expect([...first.keys()]).toEqual(['friseur', 'koch']);
    const next = mergeOccupations(first, [{ occupationId: 'baecker', occupationName: 'Bäcker/-in' }]);
    expect([...next.entries()]).toEqual([
      ['baecker', 'Bäcker/-in'],
      ['friseur', 'Friseur/-in'],
      ['koch', 'Koch/Köchin'],
    ]);
  });
});
