import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../../test/test-app';

/**
 * Test helpers of the imports module: uploads (raw body, optionally with a content type), dry run,
 * commit, and CSV builders with dates relative to today.
 */

// biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
export type Json = any;

/** `dd.mm.yyyy` of today + `days` (German format, as files carry it). */
export function germanDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/** A `;`-separated CSV text from rows of cells (cells with `;`, quotes or line breaks quoted). */
export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/**
 * Uploads a file. Without `contentType` the TestClient sends the bytes with no content type (the
 * route sniffs the format); with one, the request is injected with that `Content-Type`.
 */
export async function upload(
  t: TestApp,
  c: TestClient,
  query: string,
  bytes: Buffer,
  contentType?: string,
): Promise<LightMyRequestResponse> {
  if (!contentType) return c.request('POST', `/api/imports?${query}`, bytes);
  const csrf = (await c.get('/api/auth/csrf')).json().token as string;
  return t.app.inject({
    method: 'POST',
    url: `/api/imports?${query}`,
    headers: {
      cookie: c.cookieHeader(),
      'x-csrf-token': csrf,
      'content-type': contentType,
      'accept-language': c.lang,
    },
    payload: bytes,
  });
}

/** Uploads and returns the job (fails the test on a non-201 answer). */
export async function uploadJob(
  t: TestApp,
  c: TestClient,
  query: string,
  bytes: Buffer | string,
): Promise<Json> {
  const res = await upload(t, c, query, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json().job;
}

/** Runs the dry run of a job (its current version; mapping optional). */
export async function dryRun(
  c: TestClient,
  job: Json,
  mapping?: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return c.post(`/api/imports/${job.id}/dry-run`, { version: job.version, ...(mapping && { mapping }) });
}

/** Commits a job (its current version). */
export async function commit(
  c: TestClient,
  job: Json,
  duplicates?: 'skip' | 'import',
): Promise<LightMyRequestResponse> {
  return c.post(`/api/imports/${job.id}/commit`, { version: job.version, ...(duplicates && { duplicates }) });
}

/** Upload → dry run (must validate) → commit (must succeed); returns the committed job. */
export async function importFile(
  t: TestApp,
  c: TestClient,
  query: string,
  bytes: Buffer | string,
): Promise<Json> {
  const job = await uploadJob(t, c, query, bytes);
  const checked = await dryRun(c, job);
  if (checked.statusCode !== 200 || checked.json().job.status !== 'validated') {
    throw new Error(
      `dry run: ${checked.statusCode} ${JSON.stringify(checked.json().job?.errors ?? checked.json())}`,
    );
  }
  const done = await commit(c, checked.json().job);
  if (done.statusCode !== 200) throw new Error(`commit: ${done.statusCode} ${done.body}`);
  return done.json().job;
}
