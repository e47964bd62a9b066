import { describe, expect, it } from 'vitest';
import {
  NO_PLACE_FILTERS,
  NO_PUBLIC_FILTERS,
  nearIsInvalid,
  offsetFromParams,
  placeFiltersFromParams,
  placeFiltersToParams,
  placeFiltersToQuery,
  publicFiltersFromParams,
  publicFiltersToQuery,
} from './place-filters';

const COMPANY = '6f1c2a52-94c4-4a7d-9a3f-2f4b8d1e0c11';

describe('place list filters', () => {
  it('round-trip through the address, leaving out empty filters and the default sort', () => {
    const values = {
      ...NO_PLACE_FILTERS,
      status: 'open',
      companyId: COMPANY,
      published: 'true',
      near: '40227',
      radiusKm: '25',
      sort: 'distance' as const,
    };
    const params = placeFiltersToParams(values, 50);
    expect(params.toString()).toBe(
      `status=open&companyId=${COMPANY}&published=true&near=40227&radiusKm=25&sort=distance&offset=50`,
    );
    expect(placeFiltersFromParams(params)).toEqual(values);
    expect(offsetFromParams(params)).toBe(50);
    expect(placeFiltersToParams(NO_PLACE_FILTERS).toString()).toBe('');
  });

  it('ignore values that are no filters (unknown status and kind, no uuid, radius out of range)', () => {
    const params = new URLSearchParams(
      'status=busy&kind=job&companyId=42&published=yes&radiusKm=5000&sort=random&offset=-3&occupationId=friseur',
    );
    expect(placeFiltersFromParams(params)).toEqual({ ...NO_PLACE_FILTERS, occupationId: 'friseur' });
    expect(offsetFromParams(params)).toBe(0);
  });

  it('become the API query; radius and distance sort only with a complete postcode', () => {
    expect(
      placeFiltersToQuery({
        ...NO_PLACE_FILTERS,
        q: ' Friseur ',
        kind: 'apprenticeship',
        published: 'false',
        near: '40227',
        radiusKm: '30',
        sort: 'distance',
      }),
    ).toEqual({
      q: 'Friseur',
      status: undefined,
      kind: 'apprenticeship',
      occupationId: undefined,
      companyId: undefined,
      published: 'false',
      near: '40227',
      radiusKm: 30,
      sort: 'distance',
    });
    const withoutNear = placeFiltersToQuery({
      ...NO_PLACE_FILTERS,
      near: '402',
      radiusKm: '30',
      sort: 'distance',
    });
    expect(withoutNear).toMatchObject({ near: undefined, radiusKm: undefined, sort: 'startsOn' });
  });

  it('flag a typed postcode that is not five digits', () => {
    expect(nearIsInvalid('')).toBe(false);
    expect(nearIsInvalid('40227')).toBe(false);
    expect(nearIsInvalid('1067')).toBe(true);
    expect(nearIsInvalid('Düsseldorf')).toBe(true);
  });
});

describe('public place list filters', () => {
  it('keep only kind, occupation and distance from the address', () => {
    const params = new URLSearchParams(
      'kind=entry_qualification&status=open&near=58095&radiusKm=10&occupationId=eq-1',
    );
    const values = publicFiltersFromParams(params);
    expect(values).toEqual({
      ...NO_PUBLIC_FILTERS,
      kind: 'entry_qualification',
      occupationId: 'eq-1',
      near: '58095',
      radiusKm: '10',
    });
    expect(publicFiltersToQuery(values)).toEqual({
      kind: 'entry_qualification',
      occupationId: 'eq-1',
      near: '58095',
      radiusKm: 10,
      sort: 'startsOn',
    });
  });
});
