import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../contracts/common';
import { DEMO_PASSWORD } from '../modules/demo/index';
import { insertTestCompany, officeIdOf } from '../modules/places/places.fixture';
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
  /** Clients of the Düsseldorf office (counsellor, volunteer) and of the state office (coordinator). */
  clients: Record<ClientOffice, ClientFixture>;
  /** A session per office that may read its clients (to look up current versions). */
  clientReader: Record<ClientOffice, TestClient>;
  /** Cases of the Düsseldorf and the state office, each with a planned session, a task and a referral. */
  cases: Record<ClientOffice, CaseFixture>;
  /** Companies of the Düsseldorf and the state office (issue 5), with contact persons. */
  companies: Record<ClientOffice, CompanyFixture>;
  /** Training places of the Düsseldorf and the state office (issue 5), with candidates. */
  places: Record<ClientOffice, PlaceFixture>;
  /** Import jobs of the Düsseldorf and the state office (issue 5): uploaded, dry-run passed, committed. */
  imports: Record<ClientOffice, ImportFixture>;
  /** A matching batch run of the Düsseldorf and the state office (issue 6). */
  matchRuns: Record<ClientOffice, string>;
  /** Placements of the Düsseldorf and the state office (issue 6). */
  placements: Record<ClientOffice, PlacementFixture>;
}

type ClientOffice = 'dus' | 'state';
/** A client with a second one (to merge), a guardian and a matching consent. */
interface ClientFixture {
  id: string;
  otherId: string;
  guardianId: string;
  consentId: string;
}
/** The office whose client a role works on: the coordinator sits in the state office, the rest in Düsseldorf. */
const officeOf = (who: Who): ClientOffice => (who === 'coordinator' ? 'state' : 'dus');
const ownClient = (f: Fixture, who: Who): ClientFixture => f.clients[officeOf(who)];
const clientVersion = async (f: Fixture, who: Who): Promise<number> =>
  (await f.clientReader[officeOf(who)].get(`/api/clients/${ownClient(f, who).id}`)).json().client.version;

async function clientFixture(c: TestClient, tag: string): Promise<ClientFixture> {
  const create = async (givenNames: string) =>
    (
      await c.post('/api/clients', {
        givenNames,
        familyName: `Rolle ${tag}`,
        dateOfBirth: '2004-03-01',
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      })
    ).json().client.id as string;
  const id = await create('Samira');
  const otherId = await create('Samira Banu');
  const guardianId = (
    await c.post(`/api/clients/${id}/guardians`, { name: 'Leyla Rolle', relation: 'mother' })
  ).json().guardian.id;
  const consentId = (
    await c.post(`/api/clients/${id}/consents`, { purpose: 'matching', givenOn: '2025-01-15', form: 'paper' })
  ).json().consent.id;
  return { id, otherId, guardianId, consentId };
}

/** A case of one office (issue 4 cases module) with a planned session, a task and a referral on it. */
interface CaseFixture {
  id: string;
  sessionId: string;
  taskId: string;
  referralId: string;
}
const ownCase = (f: Fixture, who: Who): CaseFixture => f.cases[officeOf(who)];
/** The case as its own office reads it now (for current versions). */
const readCase = async (f: Fixture, who: Who) =>
  (await f.clientReader[officeOf(who)].get(`/api/cases/${ownCase(f, who).id}`)).json().case;
const isoToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

async function caseFixture(c: TestClient, tag: string): Promise<CaseFixture> {
  const created = await c.post('/api/cases', {
    client: {
      givenNames: 'Fall',
      familyName: `Rolle ${tag}`,
      dateOfBirth: '2004-03-01',
      counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
    },
  });
  const id = created.json().case.id as string;
  const session = await c.post(`/api/cases/${id}/sessions`, {
    startsAt: new Date().toISOString(),
    status: 'planned',
    channel: 'phone',
  });
  const task = await c.post(`/api/cases/${id}/tasks`, { title: 'Lebenslauf durchsehen' });
  const referral = await c.post(`/api/cases/${id}/referrals`, {
    partnerKind: 'jobcenter',
    referredOn: isoToday(),
    reason: 'Förderung klären',
  });
  return {
    id,
    sessionId: session.json().session.id,
    taskId: task.json().task.id,
    referralId: referral.json().referral.id,
  };
}

/** A company of one office (issue 5) with a duplicate to merge, one to delete and two contact persons. */
interface CompanyFixture {
  id: string;
  otherId: string;
  deletableId: string;
  personId: string;
  removablePersonId: string;
}
const ownCompany = (f: Fixture, who: Who): CompanyFixture => f.companies[officeOf(who)];
/** The company as its own office reads it now (for current versions). */
const readCompany = async (f: Fixture, who: Who) =>
  (await f.clientReader[officeOf(who)].get(`/api/companies/${ownCompany(f, who).id}`)).json().company;

async function companyFixture(c: TestClient, tag: string): Promise<CompanyFixture> {
  const create = async (name: string) =>
    (await c.post('/api/companies', { name, postcode: '40210' })).json().company.id as string;
  const id = await create(`Rollenbetrieb ${tag}`);
  const person = async (name: string) =>
    (await c.post(`/api/companies/${id}/contact-persons`, { name, role: 'owner' })).json().contactPerson
      .id as string;
  return {
    id,
    otherId: await create(`Rollenbetrieb Zwei ${tag}`),
    deletableId: await create(`Rollenbetrieb Drei ${tag}`),
    personId: await person('Aylin Rolle'),
    removablePersonId: await person('Baran Rolle'),
  };
}

/** One request against a route, with the status each role must get. */
interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  label?: string;
  url: (f: Fixture, who: Who) => string;
  body?: (f: Fixture, admin: TestClient, who: Who) => Promise<unknown> | unknown;
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
  { method: 'GET', route: '/api/auth/session', url: () => '/api/auth/session', expect: all(200, 200) },
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
  // Clients (issue 4): counsellors and coordinators of the owning office; each role works on a client
  // of its own office (see `ownClient`).
  {
    method: 'GET',
    route: '/api/clients',
    url: () => '/api/clients?q=Rolle',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/clients',
    url: () => '/api/clients',
    body: () => ({ givenNames: 'Neu', familyName: `Klient ${++seq}` }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'GET',
    route: '/api/clients/:id',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}`,
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id',
    label: 'a client of the Düsseldorf office',
    url: (f) => `/api/clients/${f.clients.dus.id}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/clients/:id',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}`,
    body: async (f, _admin, who) => ({ version: await clientVersion(f, who), interests: `Kochen ${++seq}` }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/clients/duplicates/check',
    url: () => '/api/clients/duplicates/check',
    body: () => ({ givenNames: 'Samira', familyName: 'Rolle', dateOfBirth: '2004-03-01' }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/clients/duplicates',
    url: () => '/api/clients/duplicates',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/consents',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/consents`,
    body: () => ({
      purpose: 'partner_transfer',
      partnerName: 'Jobcenter',
      givenOn: '2025-02-01',
      form: 'digital',
    }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/consents/:consentId/withdraw',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/consents/${ownClient(f, who).consentId}/withdraw`,
    body: () => ({ withdrawnOn: '2025-03-01' }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/guardians',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/guardians`,
    body: () => ({ name: 'Karim Rolle', relation: 'father', language: 'ar' }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'PATCH',
    route: '/api/clients/:id/guardians/:guardianId',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/guardians/${ownClient(f, who).guardianId}`,
    body: async (f, _admin, who) => {
      const { client } = (
        await f.clientReader[officeOf(who)].get(`/api/clients/${ownClient(f, who).id}`)
      ).json();
      const g = client.guardians.find((x: { id: string }) => x.id === ownClient(f, who).guardianId);
      return { version: g.version, involvedInCounselling: true };
    },
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'DELETE',
    route: '/api/clients/:id/guardians/:guardianId',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/guardians/${ownClient(f, who).guardianId}`,
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/merge',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/merge`,
    body: async (f, _admin, who) => ({
      otherId: ownClient(f, who).otherId,
      version: await clientVersion(f, who),
    }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  // Cases (issue 4): counsellors and coordinators of the owning office; each role works on a case of
  // its own office (see `ownCase`); another office's case is 404.
  {
    method: 'GET',
    route: '/api/cases',
    url: () => '/api/cases?stage=first_contact',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases',
    url: () => '/api/cases',
    body: () => ({ client: { givenNames: 'Neu', familyName: `Fall ${++seq}` } }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'GET',
    route: '/api/cases/:id',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}`,
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/cases/:id',
    label: 'a case of the Düsseldorf office',
    url: (f) => `/api/cases/${f.cases.dus.id}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/cases/:id',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}`,
    body: async (f, _admin, who) => {
      const kase = await readCase(f, who);
      return { version: kase.version, counsellorId: kase.counsellorId };
    },
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/stage',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/stage`,
    body: async (f, _admin, who) => ({
      version: (await readCase(f, who)).version,
      stage: 'orientation',
      changedOn: isoToday(),
    }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/sessions',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/sessions`,
    body: () => ({
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'in_person',
      nextSteps: [{ title: 'Bewerbung schreiben' }],
    }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'PATCH',
    route: '/api/sessions/:id',
    url: (f, who) => `/api/sessions/${ownCase(f, who).sessionId}`,
    body: async (f, _admin, who) => {
      const s = (await readCase(f, who)).sessions.find(
        (x: { id: string }) => x.id === ownCase(f, who).sessionId,
      );
      return { version: s.version, status: 'cancelled' };
    },
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/tasks',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/tasks`,
    body: () => ({ title: 'Zeugnisse kopieren' }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'GET',
    route: '/api/tasks',
    url: () => '/api/tasks?mine=true&overdue=false',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'PATCH',
    route: '/api/tasks/:id',
    url: (f, who) => `/api/tasks/${ownCase(f, who).taskId}`,
    body: async (f, _admin, who) => {
      const task = (await readCase(f, who)).tasks.find(
        (x: { id: string }) => x.id === ownCase(f, who).taskId,
      );
      return { version: task.version, done: !task.done };
    },
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/referrals',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/referrals`,
    body: () => ({ partnerKind: 'employment_agency', referredOn: isoToday(), reason: 'Berufsberatung' }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'PATCH',
    route: '/api/referrals/:id',
    url: (f, who) => `/api/referrals/${ownCase(f, who).referralId}`,
    body: async (f, _admin, who) => {
      const r = (await readCase(f, who)).referrals.find(
        (x: { id: string }) => x.id === ownCase(f, who).referralId,
      );
      return { version: r.version, feedback: `Rückmeldung ${++seq}` };
    },
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/contract',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/contract`,
    body: () => ({
      companyName: 'Salon Aydın',
      occupationId: 'friseur',
      startsOn: '2027-08-01',
      chamber: 'HWK',
    }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/contract/terminate',
    url: (f, who) => `/api/cases/${ownCase(f, who).id}/contract/terminate`,
    body: async (f, _admin, who) => ({
      version: (await readCase(f, who)).contract.version,
      terminatedOn: isoToday(),
      reason: 'Probezeit',
    }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/agenda',
    url: () => '/api/agenda',
    expect: only(['counsellor', 'coordinator'], 200),
  },
];

// Companies (issue 5): counsellors and coordinators of the owning office; each role works on a company
// of its own office (see `ownCompany`); another office's company is 404.
const staff = (ok: number) => only(['counsellor', 'coordinator'], ok);
const COMPANY_CASES: Case[] = [
  { method: 'GET', route: '/api/companies', url: () => '/api/companies?q=Rollenbetrieb', expect: staff(200) },
  { method: 'GET', route: '/api/companies/board', url: () => '/api/companies/board', expect: staff(200) },
  {
    method: 'GET',
    route: '/api/companies/duplicates',
    url: () => '/api/companies/duplicates?name=Rollenbetrieb%20D&postcode=40210',
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/companies',
    url: () => '/api/companies',
    body: () => ({ name: `Neuer Betrieb ${++seq}` }),
    expect: staff(201),
  },
  {
    method: 'GET',
    route: '/api/companies/:id',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}`,
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/companies/:id',
    label: 'a company of the Düsseldorf office',
    url: (f) => `/api/companies/${f.companies.dus.id}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/companies/:id',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}`,
    body: async (f, _admin, who) => ({ version: (await readCompany(f, who)).version, employees: ++seq }),
    expect: staff(200),
  },
  {
    method: 'DELETE',
    route: '/api/companies/:id',
    url: (f, who) => `/api/companies/${ownCompany(f, who).deletableId}?version=1`,
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/stage',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/stage`,
    body: async (f, _admin, who) => ({
      to: 'advised',
      on: isoToday(),
      version: (await readCompany(f, who)).version,
    }),
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/contact-persons',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/contact-persons`,
    body: () => ({ name: `Person ${++seq}`, role: 'trainer' }),
    expect: staff(201),
  },
  {
    method: 'PATCH',
    route: '/api/companies/:id/contact-persons/:personId',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/contact-persons/${ownCompany(f, who).personId}`,
    body: async (f, _admin, who) => {
      const persons = (await readCompany(f, who)).contactPersons as Array<{ id: string; version: number }>;
      const p = persons.find((x) => x.id === ownCompany(f, who).personId);
      return { version: p?.version, isPrimary: true };
    },
    expect: staff(200),
  },
  {
    method: 'DELETE',
    route: '/api/companies/:id/contact-persons/:personId',
    url: (f, who) =>
      `/api/companies/${ownCompany(f, who).id}/contact-persons/${ownCompany(f, who).removablePersonId}?version=1`,
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/contacts',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/contacts`,
    body: () => ({ contactedOn: isoToday(), channel: 'phone', result: 'Rückruf', nextStep: 'Nachfassen' }),
    expect: staff(201),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/contacts',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/contacts`,
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/advice',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/advice`,
    expect: staff(200),
  },
  {
    method: 'PUT',
    route: '/api/companies/:id/advice/:item',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/advice/trainer_aptitude`,
    body: async (f, _admin, who) => ({
      state: 'in_progress',
      version: (await readCompany(f, who)).advice[0].version,
    }),
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/merge',
    url: (f, who) => `/api/companies/${ownCompany(f, who).id}/merge`,
    body: async (f, _admin, who) => ({
      otherId: ownCompany(f, who).otherId,
      version: (await readCompany(f, who)).version,
    }),
    expect: staff(200),
  },
];
CASES.push(...COMPANY_CASES);

/**
 * A training place of one office (issue 5) on a company of that office, with a proposed candidate
 * (answer, assessment), an unproposed one (proposal), a removable one and a further client with a
 * matching consent (new candidate).
 */
interface PlaceFixture {
  companyId: string;
  id: string;
  proposedId: string;
  unproposedId: string;
  removableId: string;
  newClientId: string;
}
const ownPlace = (f: Fixture, who: Who): PlaceFixture => f.places[officeOf(who)];
const readPlaceCandidate = async (f: Fixture, who: Who, id: string) =>
  (
    (await f.clientReader[officeOf(who)].get(`/api/places/${ownPlace(f, who).id}/candidates`)).json()
      .items as Array<{ id: string; version: number }>
  ).find((x) => x.id === id);

async function placeFixture(
  t: TestApp,
  c: TestClient,
  officeName: string,
  tag: string,
): Promise<PlaceFixture> {
  const companyId = await insertTestCompany(t.handle.db, {
    officeId: await officeIdOf(t.handle.db, officeName),
    name: `Platzbetrieb ${tag}`,
    postcode: '40210',
  });
  const place = await c.post('/api/places', {
    companyId,
    kind: 'apprenticeship',
    occupationId: 'friseur',
    startsOn: `${Number(isoToday().slice(0, 4)) + 1}-08-01`,
  });
  const id = place.json().place.id as string;
  const consentingClient = async (givenNames: string) => {
    const clientId = (
      await c.post('/api/clients', {
        givenNames,
        familyName: `Platz ${tag}`,
        dateOfBirth: '2004-03-01',
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      })
    ).json().client.id as string;
    await c.post(`/api/clients/${clientId}/consents`, {
      purpose: 'matching',
      givenOn: '2025-01-15',
      form: 'paper',
    });
    return clientId;
  };
  const candidate = async (givenNames: string) =>
    (
      await c.post(`/api/places/${id}/candidates`, {
        clientId: await consentingClient(givenNames),
        assessment: 'suitable',
      })
    ).json().candidate.id as string;
  const proposedId = await candidate('Nour');
  await c.post(`/api/places/${id}/proposals`, {
    sentOn: isoToday(),
    channel: 'email',
    candidateIds: [proposedId],
  });
  return {
    companyId,
    id,
    proposedId,
    unproposedId: await candidate('Lina'),
    removableId: await candidate('Omid'),
    newClientId: await consentingClient('Sami'),
  };
}

// Training places (issue 5): counsellors and coordinators of the owning office (each on a place of its
// own office, see `ownPlace`); another office's place is 404; the public place list needs no sign-in.
const placeStaff = (ok: number) => only(['counsellor', 'coordinator'], ok);
const placeUrl = (f: Fixture, who: Who, rest = '') => `/api/places/${ownPlace(f, who).id}${rest}`;
CASES.push(
  {
    method: 'GET',
    route: '/api/places',
    url: () => '/api/places?status=open&near=40210',
    expect: placeStaff(200),
  },
  {
    method: 'POST',
    route: '/api/places',
    url: () => '/api/places',
    body: (f, _admin, who) => ({ companyId: ownPlace(f, who).companyId, kind: 'internship' }),
    expect: placeStaff(201),
  },
  { method: 'GET', route: '/api/places/:id', url: (f, who) => placeUrl(f, who), expect: placeStaff(200) },
  {
    method: 'GET',
    route: '/api/places/:id',
    label: 'a place of the Düsseldorf office',
    url: (f) => `/api/places/${f.places.dus.id}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/places/:id',
    url: (f, who) => placeUrl(f, who),
    body: async (f, _admin, who) => ({
      version: (await f.clientReader[officeOf(who)].get(placeUrl(f, who))).json().place.version,
      seats: ++seq,
    }),
    expect: placeStaff(200),
  },
  {
    method: 'GET',
    route: '/api/places/:id/profile',
    url: (f, who) => placeUrl(f, who, '/profile'),
    expect: placeStaff(200),
  },
  {
    method: 'PUT',
    route: '/api/places/:id/profile',
    url: (f, who) => placeUrl(f, who, '/profile'),
    body: async (f, _admin, who) => ({
      version: (await f.clientReader[officeOf(who)].get(placeUrl(f, who, '/profile'))).json().profile.version,
      mustHaves: ['Pünktlichkeit'],
    }),
    expect: placeStaff(200),
  },
  {
    method: 'GET',
    route: '/api/places/:id/candidates',
    url: (f, who) => placeUrl(f, who, '/candidates'),
    expect: placeStaff(200),
  },
  {
    method: 'POST',
    route: '/api/places/:id/candidates',
    url: (f, who) => placeUrl(f, who, '/candidates'),
    body: (f, _admin, who) => ({
      clientId: ownPlace(f, who).newClientId,
      assessment: 'suitable_with_support',
    }),
    expect: placeStaff(201),
  },
  {
    method: 'PATCH',
    route: '/api/places/:id/candidates/:candidateId',
    url: (f, who) => placeUrl(f, who, `/candidates/${ownPlace(f, who).proposedId}`),
    body: async (f, _admin, who) => ({
      version: (await readPlaceCandidate(f, who, ownPlace(f, who).proposedId))?.version,
      assessmentNote: `Notiz ${++seq}`,
    }),
    expect: placeStaff(200),
  },
  {
    method: 'PUT',
    route: '/api/places/:id/candidates/:candidateId/answer',
    url: (f, who) => placeUrl(f, who, `/candidates/${ownPlace(f, who).proposedId}/answer`),
    body: async (f, _admin, who) => ({
      version: (await readPlaceCandidate(f, who, ownPlace(f, who).proposedId))?.version,
      answer: 'interview',
      answerOn: isoToday(),
    }),
    expect: placeStaff(200),
  },
  {
    method: 'DELETE',
    route: '/api/places/:id/candidates/:candidateId',
    url: (f, who) => placeUrl(f, who, `/candidates/${ownPlace(f, who).removableId}`),
    expect: placeStaff(200),
  },
  {
    method: 'POST',
    route: '/api/places/:id/proposals',
    url: (f, who) => placeUrl(f, who, '/proposals'),
    body: (f, _admin, who) => ({
      sentOn: isoToday(),
      channel: 'phone',
      candidateIds: [ownPlace(f, who).unproposedId],
    }),
    expect: placeStaff(201),
  },
  {
    method: 'GET',
    route: '/api/public/places',
    url: () => '/api/public/places?near=40210&radiusKm=50',
    expect: all(200, 200),
  },
);

/** Import jobs of one office (issue 5): one only uploaded, one whose dry run passed, one committed. */
interface ImportFixture {
  uploadedId: string;
  validatedId: string;
  committedId: string;
}
const ownImport = (f: Fixture, who: Who): ImportFixture => f.imports[officeOf(who)];
/** The current version of an import job, read by its own office. */
const importVersion = async (f: Fixture, who: Who, id: string): Promise<number> =>
  (await f.clientReader[officeOf(who)].get(`/api/imports/${id}?issues=false`)).json().job.version;

async function importFixture(c: TestClient, tag: string): Promise<ImportFixture> {
  const upload = async () =>
    (
      await c.request(
        'POST',
        '/api/imports?target=companies',
        Buffer.from(`Firmenname;PLZ\nImport ${tag} GmbH;40210\n`),
      )
    ).json().job as { id: string; version: number };
  const dryRun = async (job: { id: string; version: number }) =>
    (await c.post(`/api/imports/${job.id}/dry-run`, { version: job.version })).json().job as {
      id: string;
      version: number;
    };
  const uploaded = await upload();
  const validated = await dryRun(await upload());
  const committed = await dryRun(await upload());
  await c.post(`/api/imports/${committed.id}/commit`, { version: committed.version });
  return { uploadedId: uploaded.id, validatedId: validated.id, committedId: committed.id };
}

// Imports and exports (issue 5): counsellors and coordinators of the owning office; each role works on
// a job of its own office (see `ownImport`); another office's job is 404.
CASES.push(
  {
    method: 'POST',
    route: '/api/imports',
    label: 'raw CSV body',
    url: () => '/api/imports?target=companies&fileName=rollen.csv',
    body: () => Buffer.from(`Firmenname;PLZ\nRollen Import ${++seq} GmbH;40210\n`),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'POST',
    route: '/api/imports/ba',
    url: () => '/api/imports/ba',
    body: () => ({
      stellenangebote: [{ refnr: `10000-${++seq}-S`, arbeitgeber: 'Rollen GmbH', beruf: 'Koch/Köchin' }],
    }),
    expect: only(['counsellor', 'coordinator'], 201),
  },
  {
    method: 'POST',
    route: '/api/imports/ba/fetch',
    label: 'live fetch off by default: past the access checks, refused with 503',
    url: () => '/api/imports/ba/fetch',
    body: () => ({ was: 'Koch', wo: 'Düsseldorf' }),
    expect: only(['counsellor', 'coordinator'], 503),
  },
  {
    method: 'GET',
    route: '/api/imports',
    url: () => '/api/imports?limit=5',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/imports/:id',
    url: (f, who) => `/api/imports/${ownImport(f, who).committedId}`,
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/imports/:id',
    label: 'a job of the Düsseldorf office',
    url: (f) => `/api/imports/${f.imports.dus.committedId}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'GET',
    route: '/api/imports/:id/events',
    label: 'a committed job: the stream ends at once',
    url: (f, who) => `/api/imports/${ownImport(f, who).committedId}/events`,
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/dry-run',
    url: (f, who) => `/api/imports/${ownImport(f, who).uploadedId}/dry-run`,
    body: async (f, _admin, who) => ({ version: await importVersion(f, who, ownImport(f, who).uploadedId) }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/commit',
    url: (f, who) => `/api/imports/${ownImport(f, who).validatedId}/commit`,
    body: async (f, _admin, who) => ({ version: await importVersion(f, who, ownImport(f, who).validatedId) }),
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/exports/companies',
    url: () => '/api/exports/companies?format=csv',
    expect: only(['counsellor', 'coordinator'], 200),
  },
  {
    method: 'GET',
    route: '/api/exports/places',
    url: () => '/api/exports/places?format=xlsx&status=open',
    expect: only(['counsellor', 'coordinator'], 200),
  },
);

/**
 * Placements of one office (issue 6): an open place, a placement to read and move, one to delete (still
 * `proposed`, version 1) and a further client with a matching consent (new placement).
 */
interface PlacementFixture {
  placeId: string;
  id: string;
  deletableId: string;
  newClientId: string;
}
const ownPlacement = (f: Fixture, who: Who): PlacementFixture => f.placements[officeOf(who)];

async function placementFixture(c: TestClient, companyId: string, tag: string): Promise<PlacementFixture> {
  const placeId = (await c.post('/api/places', { companyId, kind: 'internship' })).json().place.id as string;
  const consentingClient = async (givenNames: string) => {
    const clientId = (
      await c.post('/api/clients', {
        givenNames,
        familyName: `Vermittlung ${tag}`,
        dateOfBirth: '2004-03-01',
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      })
    ).json().client.id as string;
    await c.post(`/api/clients/${clientId}/consents`, {
      purpose: 'matching',
      givenOn: '2025-01-15',
      form: 'paper',
    });
    return clientId;
  };
  const placement = async (givenNames: string) =>
    (await c.post('/api/placements', { clientId: await consentingClient(givenNames), placeId })).json()
      .placement.id as string;
  return {
    placeId,
    id: await placement('Rana'),
    deletableId: await placement('Jamal'),
    newClientId: await consentingClient('Dilan'),
  };
}

// Placements (issue 6): personal data of clients, so counsellors and coordinators of the owning office
// only (each on a placement of its own office); another office's placement is 404.
const placementStaff = (ok: number) => only(['counsellor', 'coordinator'], ok);
CASES.push(
  {
    method: 'POST',
    route: '/api/placements',
    url: () => '/api/placements',
    body: (f, _admin, who) => ({
      clientId: ownPlacement(f, who).newClientId,
      placeId: ownPlacement(f, who).placeId,
      source: 'manual',
    }),
    expect: placementStaff(201),
  },
  {
    method: 'GET',
    route: '/api/placements',
    url: (f, who) => `/api/placements?placeId=${ownPlacement(f, who).placeId}`,
    expect: placementStaff(200),
  },
  {
    method: 'GET',
    route: '/api/placements/:id',
    url: (f, who) => `/api/placements/${ownPlacement(f, who).id}`,
    expect: placementStaff(200),
  },
  {
    method: 'GET',
    route: '/api/placements/:id',
    label: 'a placement of the Düsseldorf office',
    url: (f) => `/api/placements/${f.placements.dus.id}`,
    expect: { ...only(['counsellor'], 200), coordinator: 404 },
  },
  {
    method: 'POST',
    route: '/api/placements/:id/stage',
    url: (f, who) => `/api/placements/${ownPlacement(f, who).id}/stage`,
    body: async (f, _admin, who) => ({
      version: (await f.clientReader[officeOf(who)].get(`/api/placements/${ownPlacement(f, who).id}`)).json()
        .placement.version,
      stage: 'company_contacted',
      on: isoToday(),
    }),
    expect: placementStaff(200),
  },
  {
    method: 'DELETE',
    route: '/api/placements/:id',
    url: (f, who) => `/api/placements/${ownPlacement(f, who).deletableId}?version=1`,
    expect: placementStaff(200),
  },
);

// Matching (issue 6): counsellors and coordinators of the owning office, each on its own client, place and
// run; weights are changed by coordinators only (matching.access.ts); another office's client is 404.
const matchStaff = (ok: number) => only(['counsellor', 'coordinator'], ok);
const matchWeights = { occupation: 40, distance: 20, language: 15, school: 10, start: 10, kind: 5 };
CASES.push(
  {
    method: 'GET',
    route: '/api/clients/:id/suggestions',
    url: (f, who) => `/api/clients/${ownClient(f, who).id}/suggestions?k=5`,
    expect: matchStaff(200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/suggestions',
    label: 'a client of the Düsseldorf office',
    url: (f) => `/api/clients/${f.clients.dus.id}/suggestions`,
    expect: { ...matchStaff(200), coordinator: 404 },
  },
  {
    method: 'GET',
    route: '/api/places/:id/matching-candidates',
    url: (f, who) => placeUrl(f, who, '/matching-candidates'),
    expect: matchStaff(200),
  },
  {
    method: 'GET',
    route: '/api/matching/explain',
    url: (f, who) => `/api/matching/explain?clientId=${ownClient(f, who).id}&placeId=${ownPlace(f, who).id}`,
    expect: matchStaff(200),
  },
  {
    method: 'GET',
    route: '/api/matching/config',
    url: () => '/api/matching/config',
    expect: matchStaff(200),
  },
  {
    method: 'PUT',
    route: '/api/matching/config',
    url: () => '/api/matching/config',
    body: async (f, _admin, who) => ({
      version: (await f.clientReader[officeOf(who)].get('/api/matching/config')).json().version,
      weights: matchWeights,
    }),
    expect: only(['coordinator'], 200),
  },
  {
    method: 'POST',
    route: '/api/matching/assignment',
    url: () => '/api/matching/assignment',
    body: (f, _admin, who) => ({
      clientIds: [ownClient(f, who).id],
      companyIds: [ownPlace(f, who).companyId],
      slots: 1,
    }),
    expect: matchStaff(200),
  },
  {
    method: 'POST',
    route: '/api/matching/runs',
    url: () => '/api/matching/runs',
    body: () => ({ k: 1, direction: 'places' }),
    expect: matchStaff(202),
  },
  { method: 'GET', route: '/api/matching/runs', url: () => '/api/matching/runs', expect: matchStaff(200) },
  {
    method: 'GET',
    route: '/api/matching/runs/:id',
    url: (f, who) => `/api/matching/runs/${f.matchRuns[officeOf(who)]}`,
    expect: matchStaff(200),
  },
  {
    method: 'GET',
    route: '/api/matching/runs/:id',
    label: 'a run of the Düsseldorf office',
    url: (f) => `/api/matching/runs/${f.matchRuns.dus}`,
    expect: { ...matchStaff(200), coordinator: 404 },
  },
  {
    method: 'GET',
    route: '/api/matching/runs/:id/events',
    label: 'the stream ends when the run is done',
    url: (f, who) => `/api/matching/runs/${f.matchRuns[officeOf(who)]}/events`,
    expect: matchStaff(200),
  },
  {
    method: 'GET',
    route: '/api/matching/runs/:id/results',
    url: (f, who) => `/api/matching/runs/${f.matchRuns[officeOf(who)]}/results`,
    expect: matchStaff(200),
  },
);

/** Smallest valid PNG (1×1), for the profile upload cases. */
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Self-service records of one office (issue 7): a consented client with a submitted profile and an upload. */
interface SelfServiceFixture {
  clientId: string;
  linkId: string;
  submissionId: string;
  uploadId: string;
}
const selfServiceFixtures = new Map<string, Promise<SelfServiceFixture>>();
/** The office's self-service fixture, made on first use by that office's reader. */
function ownSelfService(f: Fixture, who: Who): Promise<SelfServiceFixture> {
  const office = officeOf(who);
  const known = selfServiceFixtures.get(office);
  if (known) return known;
  const made = (async () => {
    const c = f.clientReader[office];
    const client = (
      await c.post('/api/clients', {
        givenNames: 'Profil',
        familyName: `Rolle ${office}`,
        dateOfBirth: '2004-03-01',
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      })
    ).json().client;
    await c.post(`/api/clients/${client.id}/consents`, {
      purpose: 'matching',
      givenOn: '2025-01-15',
      form: 'paper',
    });
    const link = (await c.post(`/api/clients/${client.id}/profile-links`, { language: 'de' })).json();
    const upload = (
      await c.request('POST', `/api/public/profile/${link.token}/uploads?kind=photo`, PNG_1PX)
    ).json().upload;
    await c.post(`/api/public/profile/${link.token}/submit`, {
      answers: { spokenName: 'Profil', germanCanDo: ['a1_1', 'a1_2', 'a1_3'], uploadIds: [upload.id] },
    });
    const submissionId = (await c.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0].id;
    return { clientId: client.id, linkId: link.link.id, submissionId, uploadId: upload.id };
  })();
  selfServiceFixtures.set(office, made);
  return made;
}
/** An open profile link per role for the public cases (made by the Düsseldorf reader). */
const publicLinks = new Map<Who, Promise<{ token: string; uploadId: string }>>();
function publicLink(f: Fixture, who: Who): Promise<{ token: string; uploadId: string }> {
  const known = publicLinks.get(who);
  if (known) return known;
  const made = (async () => {
    const c = f.clientReader.dus;
    const client = (
      await c.post('/api/clients', {
        givenNames: 'Öffentlich',
        familyName: `Rolle ${who}`,
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
        dateOfBirth: '2004-03-01',
      })
    ).json().client;
    const { token } = (await c.post(`/api/clients/${client.id}/profile-links`, { language: 'ar' })).json();
    const upload = (
      await c.request('POST', `/api/public/profile/${token}/uploads?kind=photo`, PNG_1PX)
    ).json();
    return { token: token as string, uploadId: upload.upload.id as string };
  })();
  publicLinks.set(who, made);
  return made;
}
const tokenOf = new Map<Who, { token: string; uploadId: string }>();
/** Body hook that makes the role's public link before `url` reads it (bodies run first). */
const withPublicLink =
  (body: unknown = undefined) =>
  async (f: Fixture, _admin: TestClient, who: Who) => {
    tokenOf.set(who, await publicLink(f, who));
    return body;
  };
const token = (who: Who) => tokenOf.get(who)?.token ?? 'missing';
const ssOf = new Map<Who, SelfServiceFixture>();
const withSelfService =
  (body?: (s: SelfServiceFixture, f: Fixture, who: Who) => unknown) =>
  async (f: Fixture, _admin: TestClient, who: Who) => {
    const s = await ownSelfService(f, who);
    ssOf.set(who, s);
    return body ? body(s, f, who) : undefined;
  };
/** The self-service fixture of the role's office (a placeholder id for roles that never reach it). */
const ss = (who: Who): SelfServiceFixture =>
  ssOf.get(who) ?? {
    clientId: '00000000-0000-4000-8000-000000000000',
    linkId: '00000000-0000-4000-8000-000000000000',
    submissionId: '00000000-0000-4000-8000-000000000000',
    uploadId: '00000000-0000-4000-8000-000000000000',
  };
const AT = '2027-03-15T09:30:00.000Z';

// Self-service (issue 7): the public profile form (any visitor with the token) and the counsellor
// routes of profiles and letters (counsellors and coordinators of the client's office).
CASES.push(
  {
    method: 'GET',
    route: '/api/public/profile/:token',
    url: (_f, who) => `/api/public/profile/${token(who)}?lang=ar`,
    body: withPublicLink(),
    expect: all(200, 200),
  },
  {
    method: 'PUT',
    route: '/api/public/profile/:token/draft',
    url: (_f, who) => `/api/public/profile/${token(who)}/draft`,
    body: withPublicLink({ language: 'ar', answers: { spokenName: 'Öffentlich' } }),
    expect: all(200, 200),
  },
  {
    method: 'POST',
    route: '/api/public/profile/:token/uploads',
    url: (_f, who) => `/api/public/profile/${token(who)}/uploads?kind=document&fileName=foto.png`,
    body: withPublicLink(PNG_1PX),
    expect: all(201, 201),
  },
  {
    method: 'DELETE',
    route: '/api/public/profile/:token/uploads/:uploadId',
    url: (_f, who) => `/api/public/profile/${token(who)}/uploads/${tokenOf.get(who)?.uploadId}`,
    body: withPublicLink(),
    expect: all(200, 200),
  },
  {
    method: 'GET',
    route: '/api/public/profile/:token/qr.svg',
    url: (_f, who) => `/api/public/profile/${token(who)}/qr.svg`,
    body: withPublicLink(),
    expect: all(200, 200),
  },
  {
    method: 'POST',
    route: '/api/public/profile/:token/submit',
    url: (_f, who) => `/api/public/profile/${token(who)}/submit`,
    body: withPublicLink({ answers: { spokenName: 'Öffentlich' } }),
    expect: all(200, 200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/profile-links',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/profile-links`,
    body: withSelfService(() => ({ language: 'uk' })),
    expect: staff(201),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/profile-links',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/profile-links`,
    body: withSelfService(),
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/profile-links/:linkId/revoke',
    label: 'a submitted link: past the access checks, refused with 409',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/profile-links/${ss(who).linkId}/revoke`,
    body: withSelfService(),
    expect: staff(409),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/profile-submissions',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/profile-submissions`,
    body: withSelfService(),
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/profile-submissions/:submissionId/confirm',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/profile-submissions/${ss(who).submissionId}/confirm`,
    body: withSelfService(async (s, f, who) => ({
      fields: ['germanLevel'],
      version: (await f.clientReader[officeOf(who)].get(`/api/clients/${s.clientId}`)).json().client.version,
    })),
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/profile-submissions/:submissionId/uploads/:uploadId',
    url: (_f, who) =>
      `/api/clients/${ss(who).clientId}/profile-submissions/${ss(who).submissionId}/uploads/${ss(who).uploadId}`,
    body: withSelfService(),
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/application-profile.pdf',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/application-profile.pdf`,
    body: withSelfService(),
    expect: staff(200),
  },
  { method: 'GET', route: '/api/letters/templates', url: () => '/api/letters/templates', expect: staff(200) },
  {
    method: 'GET',
    route: '/api/letters/templates/missing',
    url: () => '/api/letters/templates/missing',
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/letters/:kind/preview',
    url: (_f, who) =>
      `/api/clients/${ss(who).clientId}/letters/invitation/preview?language=fa&appointmentAt=${AT}`,
    body: withSelfService(),
    expect: staff(200),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/letters/:kind/pdf',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/letters/reminder/pdf?language=tr&appointmentAt=${AT}`,
    body: withSelfService(),
    expect: staff(200),
  },
  {
    method: 'POST',
    route: '/api/clients/:id/letters/:kind/send',
    label: 'no e-mail address: past the access checks, refused by the rule',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/letters/invitation/send`,
    body: withSelfService(() => ({ appointmentAt: AT })),
    expect: staff(422),
  },
  {
    method: 'GET',
    route: '/api/clients/:id/letters/sent',
    url: (_f, who) => `/api/clients/${ss(who).clientId}/letters/sent`,
    body: withSelfService(),
    expect: staff(200),
  },
);

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
      clients: {} as Fixture['clients'],
      cases: {} as Fixture['cases'],
      companies: {} as Fixture['companies'],
      places: {} as Fixture['places'],
      imports: {} as Fixture['imports'],
      matchRuns: {} as Fixture['matchRuns'],
      placements: {} as Fixture['placements'],
      clientReader: {
        dus: await t.client(DEMO.counsellor),
        state: await t.client(DEMO.coordinator),
      },
    };
    fixture.clients = {
      dus: await clientFixture(fixture.clientReader.dus, 'D'),
      state: await clientFixture(fixture.clientReader.state, 'S'),
    };
    fixture.cases = {
      dus: await caseFixture(fixture.clientReader.dus, 'D'),
      state: await caseFixture(fixture.clientReader.state, 'S'),
    };
    fixture.companies = {
      dus: await companyFixture(fixture.clientReader.dus, 'D'),
      state: await companyFixture(fixture.clientReader.state, 'S'),
    };
    fixture.places = {
      dus: await placeFixture(t, fixture.clientReader.dus, 'Düsseldorf', 'D'),
      state: await placeFixture(t, fixture.clientReader.state, 'Landesstelle', 'S'),
    };
    fixture.imports = {
      dus: await importFixture(fixture.clientReader.dus, 'D'),
      state: await importFixture(fixture.clientReader.state, 'S'),
    };
    const matchRun = async (c: TestClient) =>
      (await c.post('/api/matching/runs', { k: 2 })).json().id as string;
    fixture.matchRuns = {
      dus: await matchRun(fixture.clientReader.dus),
      state: await matchRun(fixture.clientReader.state),
    };
    fixture.placements = {
      dus: await placementFixture(fixture.clientReader.dus, fixture.places.dus.companyId, 'D'),
      state: await placementFixture(fixture.clientReader.state, fixture.places.state.companyId, 'S'),
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
        const body = c.body ? await c.body(fixture, await t.client(DEMO.admin), who) : undefined;
        const res = await client.request(c.method, c.url(fixture, who), body);
        expect(res.statusCode, res.body).toBe(c.expect[who]);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    }
  }
});
