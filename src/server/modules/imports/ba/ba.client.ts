import type { TBaFetch } from '../../../../contracts/imports';
import { AppError } from '../../../platform/errors';
import { type TBaSearchResponse, ZBaSearchResponse } from './ba.schema';

/**
 * Our own small client of the Bundesagentur für Arbeit job search (Jobsuche), written from the
 * community OpenAPI description (bundesAPI/jobsuche-api; excerpt in `data/ba-jobsuche/`):
 * `GET {base}/pc/v4/jobs` with the public client id in the `X-API-Key` header. Live fetching is off
 * unless `BA_JOBSUCHE_LIVE=true` (checked by the service); closed networks answer a clear 502.
 */

/** Where and how to reach the service. */
export interface BaClientOptions {
  /** Base URL, e.g. `https://rest.arbeitsagentur.de/jobboerse/jobsuche-service`. */
  baseUrl: string;
  /** Value of the `X-API-Key` header (the description's public client id `jobboerse-jobsuche`). */
  apiKey: string;
  /** Milliseconds before a request is given up. */
  timeoutMs: number;
  /** The fetch to use (tests); default the global one. */
  fetch?: typeof fetch;
}

/** Query of one page of a training-place search (`angebotsart=4` is always set). */
export type BaSearchQuery = Pick<TBaFetch, 'was' | 'wo' | 'umkreis'> & { page: number; size: number };

/** The search URL of one page: `angebotsart=4` (Ausbildung/Duales Studium) plus the given parameters. */
export function baSearchUrl(baseUrl: string, q: BaSearchQuery): string {
  const params = new URLSearchParams({ angebotsart: '4' });
  if (q.was) params.set('was', q.was);
  if (q.wo) params.set('wo', q.wo);
  if (q.umkreis !== undefined) params.set('umkreis', String(q.umkreis));
  params.set('page', String(q.page));
  params.set('size', String(q.size));
  return `${baseUrl.replace(/\/+$/, '')}/pc/v4/jobs?${params}`;
}

/**
 * Fetches one page of training places.
 * @throws AppError `ba_unreachable` (502) when the service cannot be reached (no network, refused,
 *   timeout after `timeoutMs`), `ba_bad_response` (502) on a non-2xx answer or a body that is not a
 *   job-search response (extra `httpStatus`)
 */
export async function searchTrainingPlaces(
  opts: BaClientOptions,
  q: BaSearchQuery,
): Promise<TBaSearchResponse> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(baSearchUrl(opts.baseUrl, q), {
      headers: { 'X-API-Key': opts.apiKey, Accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch {
    throw new AppError('ba_unreachable');
  }
  if (!res.ok) throw new AppError('ba_bad_response', [], { httpStatus: res.status });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new AppError('ba_bad_response', [], { httpStatus: res.status });
  }
  const parsed = ZBaSearchResponse.safeParse(body);
  if (!parsed.success) throw new AppError('ba_bad_response', [], { httpStatus: res.status });
  return parsed.data;
}

/**
 * Fetches `q.pages` pages from `q.page` on, one after the other, stopping early at a page with
 * fewer than `q.size` offers (the last one). Errors as `searchTrainingPlaces`.
 */
export async function fetchTrainingPlacePages(
  opts: BaClientOptions,
  q: TBaFetch,
): Promise<TBaSearchResponse[]> {
  const pages: TBaSearchResponse[] = [];
  for (let page = q.page; page < q.page + q.pages; page++) {
    const res = await searchTrainingPlaces(opts, {
      was: q.was,
      wo: q.wo,
      umkreis: q.umkreis,
      page,
      size: q.size,
    });
    pages.push(res);
    if ((res.stellenangebote?.length ?? 0) < q.size) break;
  }
  return pages;
}
