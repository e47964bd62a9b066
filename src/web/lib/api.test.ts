import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, recordMissing, resetCsrfToken, retryHelps, withQuery } from './api';

type TCall = { url: string; init: RequestInit };

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function mockFetch(responses: Response[]): TCall[] {
  const calls: TCall[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected fetch ${url}`);
    return next;
  });
  return calls;
}

const header = (call: TCall | undefined, name: string) =>
  ((call?.init.headers ?? {}) as Record<string, string>)[name];

afterEach(() => {
  vi.unstubAllGlobals();
  resetCsrfToken();
});

describe('retryHelps', () => {
  it('offers "try again" for network and server failures, not for answers that stay the same', () => {
    expect(retryHelps(new ApiError(0, 'network', null))).toBe(true);
    expect(retryHelps(new ApiError(503, 'unavailable', null))).toBe(true);
    expect(retryHelps(new ApiError(409, 'conflict', null))).toBe(true);
    expect(retryHelps(new ApiError(404, 'not_found', null))).toBe(false);
    expect(retryHelps(new ApiError(400, 'validation', null))).toBe(false);
    expect(retryHelps(new ApiError(403, 'forbidden', null))).toBe(false);
    expect(retryHelps(new Error('render'))).toBe(true);
  });
});

describe('recordMissing', () => {
  it('a 404, or a 400 naming the id in the path, means the record is not there', () => {
    const problem = (field: string) => ({
      type: '/api/problems/validation',
      title: 'x',
      status: 400,
      detail: 'x',
      instance: '/api/clients/x',
      code: 'validation',
      errors: [{ field, code: 'invalid_format', message: 'x' }],
    });
    expect(recordMissing(new ApiError(404, 'not_found', null))).toBe(true);
    expect(recordMissing(new ApiError(400, 'validation', problem('params.id')))).toBe(true);
    expect(recordMissing(new ApiError(400, 'validation', problem('query.k')))).toBe(false);
    expect(recordMissing(new ApiError(500, 'internal', null))).toBe(false);
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/users', { q: 'a b', role: undefined, officeId: '', limit: 50 })).toBe(
      '/api/users?q=a+b&limit=50',
    );
    expect(withQuery('/api/users', {})).toBe('/api/users');
  });
});

describe('apiRequest', () => {
  it('sends GET without a CSRF token and with Accept-Language', async () => {
    const calls = mockFetch([json(200, { ok: true })]);
    await expect(apiRequest('/api/health')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[0], 'Accept-Language')).toBeTruthy();
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('fetches a CSRF token once and sends it on writes', async () => {
    const calls = mockFetch([json(200, { token: 't1' }), json(200, { a: 1 }), json(200, { a: 2 })]);
    await apiRequest('/api/x', { method: 'POST', body: {} });
    await apiRequest('/api/x', { method: 'PATCH', body: { v: 1 } });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/csrf', '/api/x', '/api/x']);
    expect(header(calls[1], 'x-csrf-token')).toBe('t1');
    expect(header(calls[2], 'x-csrf-token')).toBe('t1');
  });

  it('refetches the token and retries once after a 403 csrf', async () => {
    const problem = { type: 't', title: 't', status: 403, code: 'csrf' };
    const calls = mockFetch([
      json(200, { token: 'old' }),
      json(403, problem, 'application/problem+json'),
      json(200, { token: 'new' }),
      json(200, { done: true }),
    ]);
    await expect(apiRequest('/api/x', { method: 'POST', body: {} })).resolves.toEqual({ done: true });
    expect(header(calls[3], 'x-csrf-token')).toBe('new');
  });

  it('throws ApiError carrying the problem body and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Ungültig',
      status: 400,
      detail: 'Die Eingabe ist ungültig.',
      code: 'validation',
      errors: [{ field: 'body.email', code: 'invalid', message: 'E-Mail fehlt' }],
    };
    mockFetch([json(400, problem, 'application/problem+json')]);
    const error = await apiRequest('/api/users').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('validation');
    expect((error as ApiError).message).toBe('Die Eingabe ist ungültig.');
    expect((error as ApiError).fieldErrors).toEqual(problem.errors);
  });

  it('maps a body-less error to http_<status> and a network failure to status 0', async () => {
    mockFetch([new Response('', { status: 502 })]);
    await expect(apiRequest('/api/x')).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
      problem: null,
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
