import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PASSWORD } from '../modules/demo/index';
import type { Config } from '../platform/config';
import { type DatabaseHandle, openDatabase, PGLITE_EXTENSIONS } from '../platform/db/database';
import { adminQuery, dropTestDatabase, testConfig } from './template';

/** A test application over its own copy of the demo-seeded template database. */
export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  config: Config;
  /** A cookie-keeping client, signed in when `email` is given (password: the demo password). */
  client(email?: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** Demo account e-mails by role (see `DEMO_USERS`; the admin is the bootstrap admin). */
export const DEMO = {
  admin: 'admin@kausa.example',
  coordinator: 'coordinator@kausa.example',
  counsellor: 'counsellor@kausa.example',
  counsellorHagen: 'counsellor.hagen@kausa.example',
  volunteer: 'volunteer@kausa.example',
  viewer: 'viewer@kausa.example',
} as const;

/**
 * Opens a fresh copy of the template database (PGlite dump, or `CREATE DATABASE … TEMPLATE` when
 * DATABASE_URL is set) and builds the real app over it. Call `close()` in `afterAll`.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig({ SERVE_WEB: 'false', ...env });
  let handle: DatabaseHandle;
  let dropDb: (() => Promise<void>) | undefined;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const name = `kausa_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(baseUrl, `CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString() });
    dropDb = () => dropTestDatabase(baseUrl, name);
  } else {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const pglite = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    handle = await openDatabase({ pglite });
  }
  const app = await buildApp(config, handle);
  await app.ready();
  return {
    app,
    handle,
    config,
    async client(email?: string, password = DEMO_PASSWORD) {
      const c = new TestClient(app);
      if (email) {
        const res = await c.post('/api/auth/login', { email, password });
        if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      }
      return c;
    },
    async close() {
      await app.close();
      await handle.close();
      await dropDb?.();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Minimal cookie jar + CSRF-aware client over `app.inject` (the real app, no mocks). */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  /** Accept-Language sent with each request. */
  lang = 'de';

  constructor(private readonly app: FastifyInstance) {}

  /** The cookies held, as a `Cookie` header value. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** Sends a request; state-changing methods carry a CSRF token unless `csrf: false`. */
  async request(method: Method, url: string, body?: unknown, opts: { csrf?: boolean } = {}) {
    if (method !== 'GET' && opts.csrf !== false && !this.csrf) {
      const r = await this.request('GET', '/api/auth/csrf');
      this.csrf = r.json().token;
    }
    const headers: Record<string, string> = { 'accept-language': this.lang };
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    // A string body is sent verbatim as JSON (for malformed-body tests).
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined && { payload: body as string | Record<string, unknown> }),
    });
    this.keep(res);
    // CSRF tokens are bound to the session: sign-in and sign-out need a fresh one.
    if (url === '/api/auth/login' || url === '/api/auth/logout') this.csrf = undefined;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request('POST', url, body ?? {}, opts);
  }
  patch(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request('PATCH', url, body ?? {}, opts);
  }
}
