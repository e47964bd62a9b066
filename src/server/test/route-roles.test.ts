import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../contracts/common';
import { DEMO_PASSWORD } from '../modules/demo/index';
import { createTestApp, DEMO, type TestApp, type TestClient } from './test-app';

type Who = 'anonymous' | TRole;
const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'counsellor', 'volunteer', 'viewer'];

/** Ids the cases below point at, looked up from the demo data. */
interface Fixture {
  hagenCounsellorId: string;
  adminId: string;
  stateOfficeId: string;
  hagenOfficeId: string;
  hagenDirectoryId: string;
}

/** One request against a route, with the status each role must get. */
interface Case {
  method: 'GET' | 'POST' | 'PATCH';
  route: string;
  label?: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture, admin: TestClient) => Promise<unknown> | unknown;
  /** Run with a fresh session (the request ends or changes it). */
  freshSession?: boolean;
  expect: Record<Who, number>;
}

const all = (n: number, anon = 401): Record<Who, number> => ({
  anonymous: anon,
  admin: n,
  coordinator: n,
  counsellor: n,
  volunteer: n,
  viewer: n,
});
const only = (roles: TRole[], ok: number, other = 403): Record<Who, number> => ({
  ...all(other),
  ...Object.fromEntries(roles.map((r) => [r, ok])),
});
let seq = 0;

const CASES: Case[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', expect: all(200, 200) },
  { method: 'GET', route: '/api/openapi.json', url: () => '/api/openapi.json', expect: all(200, 200) },
  { method: 'GET', route: '/api/auth/csrf', url: () => '/api/auth/csrf', expect: all(200, 200) },
  {
    method: 'POST',
    route: '/api/auth/login',
    url: () => '/api/auth/login',
    body: () => ({ email: DEMO.viewer, password: DEMO_PASSWORD }),
    freshSession: true,
    expect: all(200, 200),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    url: () => '/api/auth/logout',
    freshSession: true,
    expect: all(200),
  },
  { method: 'GET', route: '/api/users/me', url: () => '/api/users/me', expect: all(200) },
  {
    method: 'PATCH',
    route: '/api/users/me',
    url: () => '/api/users/me',
    body: () => ({ locale: 'de' }),
    expect: all(200),
  },
  {
    method: 'POST',
    route: '/api/users/me/password',
    url: () => '/api/users/me/password',
    label: 'unchanged password: past the access checks, refused by the rule',
    body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    expect: all(400),
  },
  {
    method: 'GET',
    route: '/api/users',
    url: () => '/api/users',
    expect: only(['admin', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/users',
    url: () => '/api/users',
    body: (f) => ({
      email: `new${++seq}@kausa.example`,
      displayName: 'Neu',
      role: 'counsellor',
      officeId: f.hagenOfficeId,
    }),
    expect: only(['admin'], 201),
  },
  {
    method: 'GET',
    route: '/api/users/:id',
    label: 'a user below the coordinator',
    url: (f) => `/api/users/${f.hagenCounsellorId}`,
    expect: only(['admin', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/users/:id',
    label: 'a user outside the coordinator office tree',
    url: (f) => `/api/users/${f.adminId}`,
    expect: { ...only(['admin'], 200), coordinator: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    url: (f) => `/api/users/${f.hagenCounsellorId}`,
    body: async (f, admin) => {
      const { user } = (await admin.get(`/api/users/${f.hagenCounsellorId}`)).json();
      return { version: user.version, displayName: 'Hanna Beratung' };
    },
    expect: only(['admin'], 200),
  },
  {
    method: 'POST',
    route: '/api/users/:id/reset-password',
    url: (f) => `/api/users/${f.hagenCounsellorId}/reset-password`,
    expect: only(['admin'], 200),
  },
  { method: 'GET', route: '/api/offices', url: () => '/api/offices', expect: all(200) },
  {
    method: 'GET',
    route: '/api/offices/:id',
    url: (f) => `/api/offices/${f.hagenOfficeId}`,
    expect: all(200),
  },
  {
    method: 'POST',
    route: '/api/offices',
    url: () => '/api/offices',
    body: (f) => ({
      parentId: f.stateOfficeId,
      kind: 'service_centre',
      name: `KAUSA Servicestelle Test ${++seq}`,
      landCode: '05',
    }),
    expect: only(['admin'], 201),
  },
  {
    method: 'PATCH',
    route: '/api/offices/:id',
    url: (f) => `/api/offices/${f.hagenOfficeId}`,
    body: async (f, admin) => {
      const { office } = (await admin.get(`/api/offices/${f.hagenOfficeId}`)).json();
      return { version: office.version, name: 'KAUSA Servicestelle Hagen' };
    },
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    route: '/api/office-directory',
    url: () => '/api/office-directory?plz=58095',
    expect: all(200, 200),
  },
  {
    method: 'GET',
    route: '/api/office-directory/:id',
    url: (f) => `/api/office-directory/${f.hagenDirectoryId}`,
    expect: all(200, 200),
  },
  {
    method: 'PATCH',
    route: '/api/office-directory/:id',
    url: (f) => `/api/office-directory/${f.hagenDirectoryId}`,
    body: async (f, admin) => {
      const { entry } = (await admin.get(`/api/office-directory/${f.hagenDirectoryId}`)).json();
      return { version: entry.version, officeId: f.hagenOfficeId };
    },
    expect: only(['admin'], 200),
  },
  {
    method: 'GET',
    route: '/api/audit',
    url: () => '/api/audit',
    expect: only(['admin', 'coordinator'], 200),
  },
  ...(
    [
      ['/api/reference/postcodes/:plz', '/api/reference/postcodes/39104'],
      ['/api/reference/places', '/api/reference/places?q=Hagen'],
      ['/api/reference/distance', '/api/reference/distance?from=40210&to=58095'],
      ['/api/reference/occupations', '/api/reference/occupations?q=Koch'],
      ['/api/reference/occupations/:id', '/api/reference/occupations/friseur'],
      ['/api/reference/kldb', '/api/reference/kldb?parent=2'],
      ['/api/reference/laender', '/api/reference/laender'],
      ['/api/reference/kreise', '/api/reference/kreise?land=05'],
    ] as const
  ).map(([route, url]): Case => ({ method: 'GET', route, url: () => url, expect: all(200, 200) })),
];

describe('route × role matrix', () => {
  let t: TestApp;
  let admin: TestClient;
  const sessions = new Map<Who, TestClient>();
  let fixture: Fixture;

  const clientFor = async (who: Who, fresh: boolean): Promise<TestClient> => {
    if (!fresh && sessions.has(who)) return sessions.get(who) as TestClient;
    const c = await t.client(who === 'anonymous' ? undefined : DEMO[who]);
    if (!fresh) sessions.set(who, c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.client(DEMO.admin);
    const users = (await admin.get('/api/users?limit=200')).json().items as Array<{
      id: string;
      email: string;
    }>;
    const offices = (await admin.get('/api/offices')).json().items as Array<{
      id: string;
      name: string;
      kind: string;
    }>;
    const id = (email: string) => users.find((u) => u.email === email)?.id as string;
    fixture = {
      hagenCounsellorId: id(DEMO.counsellorHagen),
      adminId: id(DEMO.admin),
      stateOfficeId: offices.find((o) => o.kind === 'state_office')?.id as string,
      hagenOfficeId: offices.find((o) => o.name.includes('Hagen'))?.id as string,
      hagenDirectoryId: (await admin.get('/api/office-directory?q=Servicestelle%20Hagen')).json().items[0]
        ?.id,
    };
  });
  afterAll(() => t.close());

  it('covers every API route of the app', () => {
    const apiRoutes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect(apiRoutes.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    for (const who of WHO) {
      it(`${c.method} ${c.route}${c.label ? ` (${c.label})` : ''} as ${who} → ${c.expect[who]}`, async () => {
        const client = await clientFor(who, c.freshSession ?? false);
        // Fresh admin session: the password-change case ends the admin's other sessions.
        const body = c.body ? await c.body(fixture, await t.client(DEMO.admin)) : undefined;
        const res = await client.request(c.method, c.url(fixture), body);
        expect(res.statusCode, res.body).toBe(c.expect[who]);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    }
  }
});
