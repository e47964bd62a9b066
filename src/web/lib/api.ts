import i18next from 'i18next';
import { CSRF_HEADER } from '../../contracts/auth';
import type { TProblem } from '../../contracts/common';

/** One invalid field of a problem response (`field` such as `body.email`). */
export type TFieldProblem = NonNullable<TProblem['errors']>[number];

/**
 * Error thrown by the API client for every non-2xx answer (and for network failures, `status` 0,
 * `code` `network`). `problem` is the parsed RFC 9457 body when the server sent one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: TProblem | null;

  constructor(status: number, code: string, problem: TProblem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status} ${code}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  /** Invalid fields reported by the server (empty when none). */
  get fieldErrors(): TFieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

/** True when `error` is an {@link ApiError} with the given HTTP status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * True when trying a failed load again may help: network failures, server errors, 408/409/429. An answer
 * like 400, 403 or 404 stays the same on retry, so no button is offered for it.
 */
export function retryHelps(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || [408, 409, 429].includes(error.status);
}

/**
 * True when a load failed because the record does not exist for the user: 404, or a 400 naming the id in
 * the path (`/clients/not-a-uuid`) — both mean "no such record here", and the page offers a way back.
 */
export function recordMissing(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (
    error.status === 404 || (error.status === 400 && error.fieldErrors.some((f) => f.field === 'params.id'))
  );
}

type TMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Query parameters; `undefined`, `null` and empty strings are left out. */
export type TQueryParams = Record<string, string | number | boolean | null | undefined>;

/** Options of {@link apiRequest}. */
export interface TRequestOptions {
  method?: TMethod;
  body?: unknown;
  query?: TQueryParams;
  signal?: AbortSignal;
}

let csrfToken: Promise<string> | null = null;

/** Returns the cached CSRF token, fetching `GET /api/auth/csrf` when there is none. */
function getCsrfToken(): Promise<string> {
  csrfToken ??= apiRequest<{ token: string }>('/api/auth/csrf').then(
    (body) => body.token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

/** Forgets the CSRF token; call after login, logout and password change (the token is bound to the session). */
export function resetCsrfToken(): void {
  csrfToken = null;
}

/** Builds `path?query`, skipping empty values. */
export function withQuery(path: string, query?: TQueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: TProblem | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<TProblem>;
      if (body && typeof body === 'object' && typeof body.code === 'string') problem = body as TProblem;
    } catch {
      // A broken body leaves `problem` null; the status alone still tells what happened.
    }
  }
  return new ApiError(response.status, problem?.code ?? `http_${response.status}`, problem);
}

async function send(path: string, options: TRequestOptions, csrf: string | null): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18next.language || 'de',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers[CSRF_HEADER] = csrf;
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', null);
  }
}

/**
 * Sends one request to the API (same origin, cookies) and returns the parsed JSON body.
 * Adds `Accept-Language` (current UI language) and, for state-changing methods, the CSRF header;
 * a 403 `csrf` answer fetches a fresh token and retries once.
 * @throws ApiError for every non-2xx answer or network failure.
 */
export async function apiRequest<T>(path: string, options: TRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const needsCsrf = method !== 'GET';
  let response = await send(path, options, needsCsrf ? await getCsrfToken() : null);
  if (needsCsrf && response.status === 403) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf') {
      resetCsrfToken();
      response = await send(path, options, await getCsrfToken());
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Short-hands for {@link apiRequest}. */
export const api = {
  get: <T>(path: string, query?: TQueryParams, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
