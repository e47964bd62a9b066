import { ZCaseStage } from '../../../contracts/cases';
import type { TCaseFilters } from './api';

/** Filter values of the case list as the inputs and the address hold them ('' = no filter). */
export interface TCaseFilterValues {
  stage: string;
  mine: boolean;
  minAge: string;
  maxAge: string;
  germanLevel: string;
  occupationId: string;
  residenceStatus: string;
  noContactForDays: string;
}

const TEXT_KEYS = [
  'stage',
  'minAge',
  'maxAge',
  'germanLevel',
  'occupationId',
  'residenceStatus',
  'noContactForDays',
] as const;

/** Reads the filters from the page address (unknown values are ignored). */
export function filtersFromParams(params: URLSearchParams): TCaseFilterValues {
  const stage = params.get('stage') ?? '';
  const whole = (key: string) => (/^\d{1,4}$/.test(params.get(key) ?? '') ? (params.get(key) ?? '') : '');
  return {
    stage: ZCaseStage.safeParse(stage).success ? stage : '',
    mine: params.get('mine') === '1',
    minAge: whole('minAge'),
    maxAge: whole('maxAge'),
    germanLevel: /^[ABC][12]$/.test(params.get('germanLevel') ?? '') ? (params.get('germanLevel') ?? '') : '',
    occupationId: params.get('occupationId') ?? '',
    residenceStatus: params.get('residenceStatus') ?? '',
    noContactForDays: whole('noContactForDays'),
  };
}

/** Writes the filters (and the page offset) into address parameters, leaving out empty ones. */
export function filtersToParams(values: TCaseFilterValues, offset = 0): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = values[key].trim();
    if (value) params.set(key, value);
  }
  if (values.mine) params.set('mine', '1');
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

/** The API query of the filters (`GET /api/cases`); `mine` becomes the signed-in user's id. */
export function filtersToQuery(values: TCaseFilterValues, myId: string): TCaseFilters {
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
  return {
    stage: (values.stage || undefined) as TCaseFilters['stage'],
    counsellorId: values.mine ? myId : undefined,
    minAge: number(values.minAge),
    maxAge: number(values.maxAge),
    germanLevel: values.germanLevel || undefined,
    occupationId: values.occupationId || undefined,
    residenceStatus: values.residenceStatus || undefined,
    noContactForDays: number(values.noContactForDays),
  };
}

/** No filter set. */
export const NO_FILTERS: TCaseFilterValues = {
  stage: '',
  mine: false,
  minAge: '',
  maxAge: '',
  germanLevel: '',
  occupationId: '',
  residenceStatus: '',
  noContactForDays: '',
};
