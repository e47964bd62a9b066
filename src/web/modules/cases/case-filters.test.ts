import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, filtersToQuery, NO_FILTERS } from './case-filters';

describe('case list filters', () => {
  it('round-trip through the address, leaving out empty filters', () => {
    const values = { ...NO_FILTERS, stage: 'applying', mine: true, minAge: '16', germanLevel: 'B1' };
    const params = filtersToParams(values, 50);
    expect(params.toString()).toBe('stage=applying&minAge=16&germanLevel=B1&mine=1&offset=50');
    expect(filtersFromParams(params)).toEqual(values);
  });

  it('ignore values that are not filters (unknown stage, words as ages, levels outside A1–C2)', () => {
    const params = new URLSearchParams('stage=done&minAge=sixteen&germanLevel=D1&noContactForDays=30');
    expect(filtersFromParams(params)).toEqual({ ...NO_FILTERS, noContactForDays: '30' });
  });

  it('become the API query; "mine" is the signed-in user', () => {
    expect(
      filtersToQuery(
        { ...NO_FILTERS, mine: true, maxAge: '20', noContactForDays: '14', residenceStatus: 'duldung' },
        'me',
      ),
    ).toEqual({
      stage: undefined,
      counsellorId: 'me',
      minAge: undefined,
      maxAge: 20,
      germanLevel: undefined,
      occupationId: undefined,
      residenceStatus: 'duldung',
      noContactForDays: 14,
    });
  });
});
