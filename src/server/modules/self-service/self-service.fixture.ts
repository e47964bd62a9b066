import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../test/test-app';

/** Today in Germany as `YYYY-MM-DD`. */
export const todayBerlin = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Creates a client with counselling consent (and e-mail) in the caller's office; returns the client. */
export async function consentedClient(c: TestClient, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/clients', {
    givenNames: 'Amina',
    familyName: `Selbst ${Math.random().toString(36).slice(2, 8)}`,
    dateOfBirth: '2004-05-01',
    email: 'amina@example.org',
    counsellingConsent: { givenOn: todayBerlin(), form: 'paper' },
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().client as { id: string; version: number; officeId: string };
}

/** Creates a profile link; returns the creation answer (`link`, `token`, `url`, `qrSvg`). */
export async function createLink(
  c: TestClient,
  clientId: string,
  body: Record<string, unknown> = { language: 'de' },
) {
  const res = await c.post(`/api/clients/${clientId}/profile-links`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { link: { id: string; state: string }; token: string; url: string; qrSvg: string };
}

/** A raw-body request of an anonymous visitor (CSRF token fetched first), e.g. an upload. */
export async function rawRequest(
  t: TestApp,
  opts: {
    method: 'POST' | 'PUT';
    url: string;
    body: Buffer;
    contentType?: string;
    headers?: Record<string, string>;
  },
) {
  const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const cookie = csrf.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
  return t.app.inject({
    method: opts.method,
    url: opts.url,
    headers: {
      cookie,
      'x-csrf-token': csrf.json().token,
      'content-type': opts.contentType ?? 'application/octet-stream',
      ...opts.headers,
    },
    payload: opts.body,
  });
}

/** Smallest valid PNG (1×1, transparent). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A tiny PDF file (header and trailer are what the type check reads). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
