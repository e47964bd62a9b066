import { ZPlaceKind, ZPlaceStatus } from '../../../contracts/companies.enums';
import type { TPlaceSort } from '../../../contracts/places';

/** Filter values of the office's place list as the inputs and the address hold them ('' = no filter). */
export interface TPlaceFilterValues {
  q: string;
  status: string;
  kind: string;
  occupationId: string;
  companyId: string;
  /** '' = all, 'true' / 'false'. */
  published: string;
  /** Postcode to measure distances from. */
  near: string;
  /** Radius in km around `near` ('' = any distance). */
  radiusKm: string;
  sort: TPlaceSort;
}

/** Filter values of the public place list. */
export interface TPublicPlaceFilterValues {
  kind: string;
  occupationId: string;
  near: string;
  radiusKm: string;
  sort: TPlaceSort;
}

/** No filter set: every place, soonest start first. */
export const NO_PLACE_FILTERS: TPlaceFilterValues = {
  q: '',
  status: '',
  kind: '',
  occupationId: '',
  companyId: '',
  published: '',
  near: '',
  radiusKm: '',
  sort: 'startsOn',
};

/** No public filter set. */
export const NO_PUBLIC_FILTERS: TPublicPlaceFilterValues = {
  kind: '',
  occupationId: '',
  near: '',
  radiusKm: '',
  sort: 'startsOn',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTCODE = /^\d{5}$/;

function radius(params: URLSearchParams): string {
  const value = params.get('radiusKm')?.trim() ?? '';
  if (!/^\d{1,4}$/.test(value)) return '';
  const km = Number(value);
  return km >= 1 && km <= 1000 ? String(km) : '';
}

function sortOf(params: URLSearchParams): TPlaceSort {
  return params.get('sort') === 'distance' ? 'distance' : 'startsOn';
}

/** Reads the filters of the office's list from the page address (values that are no filter are ignored). */
export function placeFiltersFromParams(params: URLSearchParams): TPlaceFilterValues {
  const get = (key: string) => params.get(key)?.trim() ?? '';
  const status = get('status');
  const kind = get('kind');
  const published = get('published');
  return {
    q: get('q').slice(0, 100),
    status: ZPlaceStatus.safeParse(status).success ? status : '',
    kind: ZPlaceKind.safeParse(kind).success ? kind : '',
    occupationId: get('occupationId').slice(0, 120),
    companyId: UUID.test(get('companyId')) ? get('companyId') : '',
    published: published === 'true' || published === 'false' ? published : '',
    near: get('near').slice(0, 20),
    radiusKm: radius(params),
    sort: sortOf(params),
  };
}

/** Reads the filters of the public list from the page address. */
export function publicFiltersFromParams(params: URLSearchParams): TPublicPlaceFilterValues {
  const { kind, occupationId, near, radiusKm, sort } = placeFiltersFromParams(params);
  return { kind, occupationId, near, radiusKm, sort };
}

/** Writes filters (and the page offset) into address parameters, leaving out empty and default ones. */
export function placeFiltersToParams(
  values: Partial<TPlaceFilterValues> & Pick<TPlaceFilterValues, 'sort'>,
  offset = 0,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (key === 'sort') continue;
    const text = String(value ?? '').trim();
    if (text) params.set(key, text);
  }
  if (values.sort !== 'startsOn') params.set('sort', values.sort);
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

/**
 * The distance part of a query: `near` only as a complete postcode; `radiusKm` and the distance sort
 * only with it (the API refuses them alone).
 */
function distanceQuery(values: { near: string; radiusKm: string; sort: TPlaceSort }) {
  const near = POSTCODE.test(values.near.trim()) ? values.near.trim() : undefined;
  return {
    near,
    radiusKm: near && values.radiusKm ? Number(values.radiusKm) : undefined,
    sort: near ? values.sort : ('startsOn' as const),
  };
}

/** The filters that the API query of the office's list (`GET /api/places`) takes. */
export interface TPlaceListFilters {
  q?: string;
  status?: string;
  kind?: string;
  occupationId?: string;
  companyId?: string;
  published?: 'true' | 'false';
  near?: string;
  radiusKm?: number;
  sort: TPlaceSort;
}

/** The API query of the office's list. */
export function placeFiltersToQuery(values: TPlaceFilterValues): TPlaceListFilters {
  return {
    q: values.q.trim() || undefined,
    status: values.status || undefined,
    kind: values.kind || undefined,
    occupationId: values.occupationId || undefined,
    companyId: values.companyId || undefined,
    published: values.published === 'true' || values.published === 'false' ? values.published : undefined,
    ...distanceQuery(values),
  };
}

/** The API query of the public list (`GET /api/public/places`). */
export function publicFiltersToQuery(values: TPublicPlaceFilterValues) {
  return {
    kind: values.kind || undefined,
    occupationId: values.occupationId || undefined,
    ...distanceQuery(values),
  };
}

/** True when the typed `near` text is something the list cannot use (not five digits). */
export function nearIsInvalid(near: string): boolean {
  return near.trim() !== '' && !POSTCODE.test(near.trim());
}

/** The page offset in the address (0 when missing or not a whole number). */
export function offsetFromParams(params: URLSearchParams): number {
  const value = Number(params.get('offset'));
  return Number.isInteger(value) && value > 0 ? value : 0;
}
