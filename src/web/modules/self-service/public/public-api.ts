import type { z } from 'zod';
import { CSRF_HEADER } from '../../../../contracts/auth';
import {
  cleanUploadName,
  type TClientLanguage,
  type TProfileDraft,
  type TProfileForm,
  type TProfileUpload,
  type ZDraftSaved,
  type ZPublicProblem,
  type ZSubmitReceipt,
} from '../../../../contracts/self-service';
import { ApiError, withQuery } from '../../../lib/api';

/** Problem body of a public profile route (message in the client's language, with `language`, `dir`). */
export type TPublicProblem = z.infer<typeof ZPublicProblem>;
/** Answer of a draft save. */
export type TDraftSaved = z.infer<typeof ZDraftSaved>;
/** Answer of the submit. */
export type TSubmitReceipt = z.infer<typeof ZSubmitReceipt>;

const base = (token: string) => `/api/public/profile/${encodeURIComponent(token)}`;

let csrf: Promise<string> | null = null;

/** The anonymous CSRF token (`GET /api/auth/csrf`), fetched once and again after a `csrf` refusal. */
function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async (r) => {
      if (!r.ok) throw new ApiError(r.status, `http_${r.status}`, null);
      return ((await r.json()) as { token: string }).token;
    })
    .catch((error: unknown) => {
      csrf = null;
      throw error instanceof ApiError ? error : new ApiError(0, 'network', null);
    });
  return csrf;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: TPublicProblem | null = null;
  try {
    const body = (await response.json()) as TPublicProblem;
    if (body && typeof body.code === 'string') problem = body;
  } catch {
    // No JSON: the status alone says what happened.
  }
  return new ApiError(response.status, problem?.code ?? `http_${response.status}`, problem);
}

/** Options of {@link publicRequest}. */
interface TPublicRequest {
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** JSON body, or a `File` sent raw. */
  body?: unknown;
  lang?: TClientLanguage;
  signal?: AbortSignal;
  keepalive?: boolean;
}

/**
 * One request to a public profile route in the client's language (`Accept-Language`), with the CSRF
 * header on writes (retried once after a `csrf` refusal). Returns the parsed JSON.
 * @throws ApiError (status 0 `network` when offline; the problem's `detail` is in the client's language)
 */
async function publicRequest<T>(path: string, opts: TPublicRequest = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const raw = opts.body instanceof Blob;
  const attempt = async (): Promise<Response> => {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': opts.lang ?? 'de',
    };
    if (opts.body !== undefined)
      headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
    if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();
    try {
      return await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: opts.body === undefined ? undefined : raw ? (opts.body as Blob) : JSON.stringify(opts.body),
        signal: opts.signal,
        keepalive: opts.keepalive,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'network', null);
    }
  };
  let response = await attempt();
  if (method !== 'GET' && response.status === 403) {
    const error = await problemOf(response.clone());
    if (error.code === 'csrf') {
      csrf = null;
      response = await attempt();
    }
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** `GET /api/public/profile/:token?lang=` — the form in a language (default: the link's). */
export function fetchProfileForm(token: string, lang: TClientLanguage | undefined, signal?: AbortSignal) {
  return publicRequest<TProfileForm>(withQuery(base(token), { lang }), { lang, signal });
}

/** `PUT …/draft` — saves the whole draft (a lower `seq` than the stored one is ignored by the server). */
export function saveDraft(token: string, draft: TProfileDraft, keepalive = false) {
  return publicRequest<TDraftSaved>(`${base(token)}/draft`, {
    method: 'PUT',
    body: draft,
    lang: draft.language,
    keepalive,
  });
}

/** `POST …/submit` — submits the answers; a repeat answers the same receipt (one record per link). */
export function submitProfile(token: string, draft: TProfileDraft) {
  return publicRequest<TSubmitReceipt>(`${base(token)}/submit`, {
    method: 'POST',
    body: draft,
    lang: draft.language,
  });
}

/**
 * `POST …/uploads?kind=&fileName=&lang=` — the file as raw body; the server recognises the type from
 * the bytes. 413/415 carry the reason in the client's language.
 */
export async function uploadFile(
  token: string,
  opts: { kind: 'photo' | 'document'; file: File; lang: TClientLanguage },
): Promise<TProfileUpload> {
  const path = withQuery(`${base(token)}/uploads`, {
    kind: opts.kind,
    fileName: cleanUploadName(opts.file.name),
    lang: opts.lang,
  });
  const body = await publicRequest<{ upload: TProfileUpload }>(path, {
    method: 'POST',
    body: opts.file,
    lang: opts.lang,
  });
  return body.upload;
}

/** `DELETE …/uploads/:uploadId?lang=` — removes an uploaded file. */
export async function deleteUpload(token: string, uploadId: string, lang: TClientLanguage): Promise<void> {
  await publicRequest<{ ok: true }>(
    withQuery(`${base(token)}/uploads/${encodeURIComponent(uploadId)}`, { lang }),
    { method: 'DELETE', lang },
  );
}

/** True for the answers that end the form: unknown (404) or used/revoked/expired (410) link. */
export function isLinkGone(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 404 || error.status === 410);
}

/**
 * True for an answer that means "this link cannot be opened" when loading the form: any client
 * error (4xx: unknown, malformed, used, revoked, expired link; refused request). Network failures
 * and server errors (5xx) are not: they can be retried.
 */
export function isLinkUnusable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/**
 * The reason of a link problem to show in `lang`: the server's `detail` when it is in that
 * language, else nothing (the page's own heading in `lang` says enough; never mixed languages).
 */
export function linkProblemDetail(problem: TPublicProblem | null, lang: TClientLanguage): string | undefined {
  if (!problem || problem.language !== lang) return undefined;
  return problem.detail || problem.title || undefined;
}

/** The public problem body of an error, if it carries one. */
export function publicProblem(error: unknown): TPublicProblem | null {
  return error instanceof ApiError ? (error.problem as TPublicProblem | null) : null;
}
