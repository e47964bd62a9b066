import { type TPlacementStage, ZPlacementStage } from '../../../contracts/placements';

/** Filters of the office's placement list as kept in the address. */
export interface TPlacementListFilters {
  /** `open` = not yet final, `closed` = contract / rejected / withdrawn, '' = all. */
  state: '' | 'open' | 'closed';
  /** One stage, '' = all. */
  stage: string;
  offset: number;
}

/** No filter, first page. */
export const NO_PLACEMENT_FILTERS: TPlacementListFilters = { state: '', stage: '', offset: 0 };

/** Filters from the address; unknown values are ignored. */
export function listFiltersFromParams(params: URLSearchParams): TPlacementListFilters {
  const state = params.get('state');
  const stage = params.get('stage') ?? '';
  const offset = Number(params.get('offset'));
  return {
    state: state === 'open' || state === 'closed' ? state : '',
    stage: ZPlacementStage.safeParse(stage).success ? stage : '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address of the filters (empty ones left out). */
export function listFiltersToParams(filters: TPlacementListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  return params;
}

/** The query of `GET /api/placements` for the filters. */
export function listFiltersToQuery(filters: TPlacementListFilters): {
  open?: boolean;
  stage?: TPlacementStage;
  offset: number;
} {
  return {
    ...(filters.state ? { open: filters.state === 'open' } : {}),
    ...(filters.stage ? { stage: filters.stage as TPlacementStage } : {}),
    offset: filters.offset,
  };
}
