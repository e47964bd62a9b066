import { describe, expect, it } from 'vitest';
import {
  listFiltersFromParams,
  listFiltersToParams,
  listFiltersToQuery,
  NO_PLACEMENT_FILTERS,
} from './placement-filters';

describe('placement list filters', () => {
  it('round-trip through the address, leaving out empty filters', () => {
    const filters = { state: 'open' as const, stage: 'interview', offset: 50 };
    const params = listFiltersToParams(filters);
    expect(params.toString()).toBe('state=open&stage=interview&offset=50');
    expect(listFiltersFromParams(params)).toEqual(filters);
    expect(listFiltersToParams(NO_PLACEMENT_FILTERS).toString()).toBe('');
  });

  it('ignore values that are no filters', () => {
    expect(listFiltersFromParams(new URLSearchParams('state=maybe&stage=done&offset=-5'))).toEqual(
      NO_PLACEMENT_FILTERS,
    );
  });

  it('become the API query', () => {
    expect(listFiltersToQuery({ state: 'closed', stage: '', offset: 0 })).toEqual({ open: false, offset: 0 });
    expect(listFiltersToQuery({ state: '', stage: 'rejected', offset: 100 })).toEqual({
      stage: 'rejected',
      offset: 100,
    });
  });
});
