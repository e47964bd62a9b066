import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { CSRF_HEADER } from '../../../contracts/auth';
import type { TProblem } from '../../../contracts/common';
import type {
  TDelimiterName,
  TImportJob,
  TImportJobSummary,
  TImportMapping,
  TImportTarget,
} from '../../../contracts/imports';
import { ApiError, api, type TQueryParams, withQuery } from '../../lib/api';
import { isRunning } from './progress';

/** React Query keys of the imports module. */
export const importsKeys = {
  all: ['imports'] as const,
  list: (offset: number, limit: number) => ['imports', 'list', offset, limit] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

const jobPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

/** MIME type of an Excel workbook (.xlsx). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /api/imports` — the office's recent import jobs, newest first. */
export function useImportList(offset: number, limit: number) {
  return useQuery({
    queryKey: importsKeys.list(offset, limit),
    queryFn: ({ signal }) =>
      api.get<{ items: TImportJobSummary[]; total: number }>('/api/imports', { offset, limit }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * `GET /api/imports/:id` — one job with its issues (for resuming a job from the list). Polled every
 * 2 s while a run someone else started is going on.
 */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importsKeys.job(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ job: TImportJob }>(jobPath(id ?? ''), undefined, signal).then((b) => b.job),
    enabled: Boolean(id),
    // The wizard's own runs update the job; a refetch mid-run would show it as "running elsewhere".
    refetchOnWindowFocus: false,
    // A run someone else started (or one from before a reload): look again until it ends.
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? 2000 : false),
  });
}

/** `GET /api/imports/:id?issues=false` — status and progress of a job without its issue lists (polling). */
export function fetchJobStatus(id: string, signal?: AbortSignal): Promise<TImportJob> {
  return api.get<{ job: TImportJob }>(jobPath(id), { issues: 'false' }, signal).then((b) => b.job);
}

/** Options of {@link uploadImportFile}. */
export interface TUploadOptions {
  target: TImportTarget;
  file: File;
  /** Overrides the server's delimiter detection. */
  delimiter?: TDelimiterName;
}

/** The MIME type to send a file with: xlsx by name or type, CSV otherwise (the server sniffs the bytes anyway). */
export function uploadContentType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type === XLSX_MIME || /\.xlsx$/i.test(file.name)) return XLSX_MIME;
  return 'text/csv';
}

/** True when a chosen file is a BA job-search response (JSON), which has its own upload route. */
export function isBaFile(file: Pick<File, 'name' | 'type'>): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

/** The CSRF token for a raw upload (`GET /api/auth/csrf`; bound to the session like the client's own). */
async function csrfToken(): Promise<string> {
  return (await api.get<{ token: string }>('/api/auth/csrf')).token;
}

/**
 * `POST /api/imports?target=&fileName=&delimiter=` — sends a CSV or XLSX file as the raw request body
 * (the shared client only sends JSON). Answers the new job: encoding, delimiter, headers, row count,
 * suggested mapping.
 * @throws ApiError with the server's problem (e.g. 400 `file_wrong_delimiter`, 413 `payload_too_large`)
 */
export async function uploadImportFile({ target, file, delimiter }: TUploadOptions): Promise<TImportJob> {
  const url = withQuery('/api/imports', { target, fileName: file.name.slice(0, 200), delimiter });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': i18next.language || 'de',
        'Content-Type': uploadContentType(file),
        [CSRF_HEADER]: await csrfToken(),
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (!response.ok) {
    let problem: TProblem | null = null;
    try {
      const body = (await response.json()) as TProblem;
      if (body && typeof body.code === 'string') problem = body;
    } catch {
      // No JSON body: the status alone says what happened.
    }
    throw new ApiError(response.status, problem?.code ?? `http_${response.status}`, problem);
  }
  return ((await response.json()) as { job: TImportJob }).job;
}

/**
 * `POST /api/imports/ba?fileName=` — a saved BA job-search response (one page or an array of pages)
 * becomes a place import. The file is parsed here; a file that is no JSON throws `SyntaxError`.
 */
export async function uploadBaFile(file: File): Promise<TImportJob> {
  const body: unknown = JSON.parse(await file.text());
  const path = withQuery('/api/imports/ba', { fileName: file.name.slice(0, 200) });
  return (await api.post<{ job: TImportJob }>(path, body)).job;
}

/**
 * `POST /api/imports/:id/dry-run` — checks every row with `mapping`; answers when done, with every
 * error and warning. 409 `conflict` on a stale version, 400 `import_mapping` for a bad mapping.
 */
export async function runDryRun(job: TImportJob, mapping: TImportMapping): Promise<TImportJob> {
  return (
    await api.post<{ job: TImportJob }>(`${jobPath(job.id)}/dry-run`, { version: job.version, mapping })
  ).job;
}

/**
 * `POST /api/imports/:id/commit` — writes every row in one transaction, or nothing. 409
 * `import_not_validated` when rows turned invalid since the dry run (the job then lists them).
 */
export async function runCommit(job: TImportJob, duplicates: 'skip' | 'import'): Promise<TImportJob> {
  return (
    await api.post<{ job: TImportJob }>(`${jobPath(job.id)}/commit`, { version: job.version, duplicates })
  ).job;
}

/** Refreshes what an import changes: the job list, companies, places (and their boards). */
export function useRefreshAfterImport() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['imports', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['companies'] }),
      queryClient.invalidateQueries({ queryKey: ['places'] }),
    ]);
}

/** Address of an export download (`GET /api/exports/companies|places?format=&<list filters>`). */
export function exportUrl(target: TImportTarget, format: 'csv' | 'xlsx', filters: object = {}): string {
  const query: TQueryParams = {};
  for (const [key, value] of Object.entries(filters)) {
    // limit/offset page the list; the export takes every matching row.
    if (key === 'limit' || key === 'offset' || key === 'format') continue;
    if (['string', 'number', 'boolean'].includes(typeof value))
      query[key] = value as string | number | boolean;
  }
  return withQuery(`/api/exports/${target}`, { ...query, format });
}
