import { describe, expect, it } from 'vitest';
import {
  companyFiltersFromParams,
  companyFiltersToParams,
  companyFiltersToQuery,
  hasCompanyFilters,
  NO_COMPANY_FILTERS,
} from './company-filters';

describe('company list filters', () => {
  it('round-trip through the address, leaving out empty ones', () => {
    const values = {
      ...NO_COMPANY_FILTERS,
      q: 'Aydın',
      stage: 'offering',
      mine: true,
      channel: 'referral',
      trainingHistory: 'never',
    };
    const params = companyFiltersToParams(values, 50);
    expect(params.toString()).toBe(
      'q=Ayd%C4%B1n&stage=offering&channel=referral&trainingHistory=never&mine=1&offset=50',
    );
    expect(companyFiltersFromParams(params)).toEqual(values);
  });

  it('ignore unknown stages, channels and training histories', () => {
    const params = new URLSearchParams('stage=won&channel=mail&trainingHistory=often&tag=Handwerk');
    expect(companyFiltersFromParams(params)).toEqual({ ...NO_COMPANY_FILTERS, tag: 'Handwerk' });
  });

  it('become the API query; "mine" is the signed-in user; blanks are no filter', () => {
    expect(
      companyFiltersToQuery({ ...NO_COMPANY_FILTERS, q: '  ', mine: true, tag: ' Gastro ' }, 'me'),
    ).toEqual({
      q: undefined,
      stage: undefined,
      ownerUserId: 'me',
      tag: 'Gastro',
      channel: undefined,
      trainingHistory: undefined,
    });
  });

  it('know whether anything is filtered', () => {
    expect(hasCompanyFilters(NO_COMPANY_FILTERS)).toBe(false);
    expect(hasCompanyFilters({ ...NO_COMPANY_FILTERS, q: ' ' })).toBe(false);
    expect(hasCompanyFilters({ ...NO_COMPANY_FILTERS, mine: true })).toBe(true);
  });
});
