import {
  type TAcquisitionChannel,
  type TCompanyStage,
  type TTrainingHistory,
  ZAcquisitionChannel,
  ZCompanyStage,
  ZTrainingHistory,
} from '../../../contracts/companies.enums';
import type { TCompanyListQuery } from './api';

/** Search and filters of the company list as the inputs and the address hold them ('' = no filter). */
export interface TCompanyFilterValues {
  q: string;
  stage: string;
  /** Only the companies the signed-in user is responsible for. */
  mine: boolean;
  tag: string;
  channel: string;
  trainingHistory: string;
}

/** No search, no filter. */
export const NO_COMPANY_FILTERS: TCompanyFilterValues = {
  q: '',
  stage: '',
  mine: false,
  tag: '',
  channel: '',
  trainingHistory: '',
};

const TEXT_KEYS = ['q', 'stage', 'tag', 'channel', 'trainingHistory'] as const;

/** `value` when `schema` accepts it, else ''. */
function known(schema: { safeParse(v: unknown): { success: boolean } }, value: string | null): string {
  return value && schema.safeParse(value).success ? value : '';
}

/** Reads search and filters from the page address (unknown stage, channel or history values are ignored). */
export function companyFiltersFromParams(params: URLSearchParams): TCompanyFilterValues {
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    stage: known(ZCompanyStage, params.get('stage')),
    mine: params.get('mine') === '1',
    tag: (params.get('tag') ?? '').slice(0, 40),
    channel: known(ZAcquisitionChannel, params.get('channel')),
    trainingHistory: known(ZTrainingHistory, params.get('trainingHistory')),
  };
}

/** Writes search, filters and the page offset into address parameters, leaving out empty ones. */
export function companyFiltersToParams(values: TCompanyFilterValues, offset = 0): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = values[key].trim();
    if (value) params.set(key, value);
  }
  if (values.mine) params.set('mine', '1');
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

/** The API query (`GET /api/companies`); "mine" becomes the signed-in user's id. */
export function companyFiltersToQuery(values: TCompanyFilterValues, myId: string): TCompanyListQuery {
  const text = (v: string) => v.trim() || undefined;
  return {
    q: text(values.q),
    stage: (values.stage || undefined) as TCompanyStage | undefined,
    ownerUserId: values.mine ? myId : undefined,
    tag: text(values.tag),
    channel: (values.channel || undefined) as TAcquisitionChannel | undefined,
    trainingHistory: (values.trainingHistory || undefined) as TTrainingHistory | undefined,
  };
}

/** True when any search or filter is set (the list then says "no company matches" instead of "none yet"). */
export function hasCompanyFilters(values: TCompanyFilterValues): boolean {
  return values.mine || TEXT_KEYS.some((key) => values[key].trim() !== '');
}
