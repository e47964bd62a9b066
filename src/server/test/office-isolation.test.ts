import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from './test-app';

/**
 * Office isolation (issue 4 "Done when"): a record of service centre Düsseldorf is invisible to a
 * user of service centre Hagen on every route — 404, never 403, so its existence is not revealed —
 * and never turns up in lists, searches or duplicate checks.
 */

/** Records of the Düsseldorf office the probes point at (extend it when a module adds records). */
interface Foreign {
  clientId: string;
  clientVersion: number;
  guardianId: string;
  guardianVersion: number;
  consentId: string;
  /** A client of the Hagen office itself (the merge probe merges the foreign client into it). */
  ownClientId: string;
  ownClientVersion: number;
  /** A case of the Düsseldorf client with a session, a task, a referral and a contract on it. */
  caseId: string;
  caseVersion: number;
  sessionId: string;
  taskId: string;
  referralId: string;
  contractVersion: number;
}

/** One request by the Hagen counsellor against a Düsseldorf record; it must answer `status`. */
interface Probe {
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (f: Foreign) => string;
  body?: (f: Foreign) => unknown;
  status?: number;
}

/** Requests that name a Düsseldorf record: each must be 404 for Hagen. Cases: add your routes here. */
const PROBES: Probe[] = [
  { label: 'read a client', method: 'GET', url: (f) => `/api/clients/${f.clientId}` },
  {
    label: 'update a client',
    method: 'PATCH',
    url: (f) => `/api/clients/${f.clientId}`,
    body: (f) => ({ version: f.clientVersion, notes: 'fremd' }),
  },
  {
    label: 'record a consent',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/consents`,
    body: () => ({ purpose: 'matching', givenOn: '2025-05-01', form: 'paper' }),
  },
  {
    label: 'withdraw a consent',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/consents/${f.consentId}/withdraw`,
    body: () => ({ withdrawnOn: '2025-06-01' }),
  },
  {
    label: 'add a guardian',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/guardians`,
    body: () => ({ name: 'Fremde Mutter', relation: 'mother' }),
  },
  {
    label: 'update a guardian',
    method: 'PATCH',
    url: (f) => `/api/clients/${f.clientId}/guardians/${f.guardianId}`,
    body: (f) => ({ version: f.guardianVersion, involvedInCounselling: true }),
  },
  {
    label: 'remove a guardian',
    method: 'DELETE',
    url: (f) => `/api/clients/${f.clientId}/guardians/${f.guardianId}`,
  },
  {
    label: 'merge the foreign client into it',
    method: 'POST',
    url: (f) => `/api/clients/${f.clientId}/merge`,
    body: (f) => ({ otherId: f.ownClientId, version: f.clientVersion }),
  },
  {
    label: 'merge it into an own client',
    method: 'POST',
    url: (f) => `/api/clients/${f.ownClientId}/merge`,
    body: (f) => ({ otherId: f.clientId, version: f.ownClientVersion }),
  },
  // Cases module: every route that names a case or one of its records.
  { label: 'read a case', method: 'GET', url: (f) => `/api/cases/${f.caseId}` },
  {
    label: 'reassign a case',
    method: 'PATCH',
    url: (f) => `/api/cases/${f.caseId}`,
    body: (f) => ({ version: f.caseVersion, counsellorId: null }),
  },
  {
    label: 'move a case stage',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/stage`,
    body: (f) => ({ version: f.caseVersion, stage: 'orientation', changedOn: '2025-06-01' }),
  },
  {
    label: 'open a case for the foreign client',
    method: 'POST',
    url: () => '/api/cases',
    body: (f) => ({ clientId: f.clientId }),
  },
  {
    label: 'record a session on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/sessions`,
    body: () => ({ startsAt: '2025-06-01T10:00:00.000Z', channel: 'phone' }),
  },
  {
    label: 'update a session',
    method: 'PATCH',
    url: (f) => `/api/sessions/${f.sessionId}`,
    body: () => ({ version: 1, status: 'cancelled' }),
  },
  {
    label: 'add a task to a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/tasks`,
    body: () => ({ title: 'Fremde Aufgabe' }),
  },
  {
    label: 'update a task',
    method: 'PATCH',
    url: (f) => `/api/tasks/${f.taskId}`,
    body: () => ({ version: 1, done: true }),
  },
  {
    label: 'record a referral on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/referrals`,
    body: () => ({ partnerKind: 'jobcenter', referredOn: '2025-06-01', reason: 'fremd' }),
  },
  {
    label: 'update a referral',
    method: 'PATCH',
    url: (f) => `/api/referrals/${f.referralId}`,
    body: () => ({ version: 1, feedback: 'fremd' }),
  },
  {
    label: 'record a contract on a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/contract`,
    body: () => ({
      companyName: 'Fremdbetrieb',
      occupationId: 'friseur',
      startsOn: '2027-08-01',
      chamber: 'HWK',
    }),
  },
  {
    label: 'terminate the contract of a case',
    method: 'POST',
    url: (f) => `/api/cases/${f.caseId}/contract/terminate`,
    body: (f) => ({ version: f.contractVersion, terminatedOn: '2025-06-01', reason: 'fremd' }),
  },
];

/** Opens a case for a Düsseldorf client with a session, a task, a referral and a contract on it. */
async function foreignCase(dus: TestClient, clientId: string) {
  const opened = await dus.post('/api/cases', { clientId });
  expect(opened.statusCode, opened.body).toBe(201);
  const caseId = opened.json().case.id as string;
  const session = await dus.post(`/api/cases/${caseId}/sessions`, {
    startsAt: new Date().toISOString(),
    status: 'planned',
    channel: 'phone',
    nextSteps: [{ title: 'Unterlagen mitbringen', dueOn: '2025-01-01' }],
  });
  const referral = await dus.post(`/api/cases/${caseId}/referrals`, {
    partnerKind: 'jobcenter',
    referredOn: '2025-06-01',
    reason: 'Förderung',
  });
  const contract = await dus.post(`/api/cases/${caseId}/contract`, {
    companyName: 'Bäckerei Yıldız',
    occupationId: 'friseur',
    startsOn: '2027-08-01',
    chamber: 'HWK',
  });
  const kase = (await dus.get(`/api/cases/${caseId}`)).json().case;
  return {
    caseId,
    caseVersion: kase.version as number,
    sessionId: session.json().session.id as string,
    taskId: session.json().tasks[0].id as string,
    referralId: referral.json().referral.id as string,
    contractVersion: contract.json().contract.version as number,
  };
}

describe('office isolation: Düsseldorf records are invisible to Hagen', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let foreign: Foreign;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    const created = await dus.post('/api/clients', {
      givenNames: 'Yusuf',
      familyName: 'Abdullahi',
      dateOfBirth: '2005-04-12',
      phone: '0211 4455667',
      postcode: '40210',
      counsellingConsent: { givenOn: '2025-04-01', form: 'paper' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const clientId = created.json().client.id;
    const guardian = (
      await dus.post(`/api/clients/${clientId}/guardians`, { name: 'Amina Abdullahi', relation: 'mother' })
    ).json().guardian;
    const consent = (
      await dus.post(`/api/clients/${clientId}/consents`, {
        purpose: 'matching',
        givenOn: '2025-04-01',
        form: 'paper',
      })
    ).json().consent;
    const client = (await dus.get(`/api/clients/${clientId}`)).json().client;
    const own = (
      await hagen.post('/api/clients', {
        givenNames: 'Yusuf',
        familyName: 'Abdullahi',
        dateOfBirth: '2005-04-12',
      })
    ).json().client;
    foreign = {
      clientId,
      clientVersion: client.version,
      guardianId: guardian.id,
      guardianVersion: guardian.version,
      consentId: consent.id,
      ownClientId: own.id,
      ownClientVersion: own.version,
      ...(await foreignCase(dus, clientId)),
    };
  });
  afterAll(() => t.close());

  for (const p of PROBES) {
    it(`answers ${p.status ?? 404} to Hagen: ${p.method} ${p.label}`, async () => {
      const res = await hagen.request(p.method, p.url(foreign), p.body?.(foreign));
      expect(res.statusCode, res.body).toBe(p.status ?? 404);
      expect(res.json().code).toBe('not_found');
    });
  }

  it('keeps the record unchanged after all probes', async () => {
    const { client } = (await dus.get(`/api/clients/${foreign.clientId}`)).json();
    expect(client.version).toBe(foreign.clientVersion);
    expect(client.notes).toBeNull();
    expect(client.mergedIntoId).toBeNull();
    expect(client.guardians.map((g: { id: string }) => g.id)).toEqual([foreign.guardianId]);
    expect(client.consents.every((c: { withdrawnOn: string | null }) => c.withdrawnOn === null)).toBe(true);
  });

  it('never lists or finds it for Hagen: list, search by name, phone and postcode', async () => {
    for (const q of ['', '?q=Abdullahi', '?q=0211%204455667', '?q=40210']) {
      const items = (await hagen.get(`/api/clients${q}`)).json().items as Array<{ id: string }>;
      expect(items.map((i) => i.id)).not.toContain(foreign.clientId);
    }
    // The Düsseldorf counsellor does find it by name.
    const own = (await dus.get('/api/clients?q=Abdullahi')).json().items as Array<{ id: string }>;
    expect(own.map((i) => i.id)).toContain(foreign.clientId);
  });

  it('never offers it as a duplicate to Hagen', async () => {
    const check = await hagen.post('/api/clients/duplicates/check', {
      givenNames: 'Yusuf',
      familyName: 'Abdullahi',
      dateOfBirth: '2005-04-12',
    });
    expect(check.statusCode).toBe(200);
    const ids = check.json().items.map((h: { client: { id: string } }) => h.client.id);
    expect(ids).not.toContain(foreign.clientId);
    const pairs = (await hagen.get('/api/clients/duplicates')).json().items as Array<{
      a: { id: string };
      b: { id: string };
    }>;
    expect(pairs.flatMap((p) => [p.a.id, p.b.id])).not.toContain(foreign.clientId);
  });

  it('keeps the case unchanged and never lists it, its tasks or its appointments for Hagen', async () => {
    const { case: kase } = (await dus.get(`/api/cases/${foreign.caseId}`)).json();
    expect(kase.version).toBe(foreign.caseVersion);
    expect(kase.stage).toBe('first_contact');
    expect(kase.tasks.map((x: { id: string }) => x.id)).toEqual([foreign.taskId]);
    expect(kase.contract.terminatedOn).toBeNull();
    const cases = (await hagen.get('/api/cases')).json().items as Array<{ id: string }>;
    expect(cases.map((c) => c.id)).not.toContain(foreign.caseId);
    const tasks = (await hagen.get('/api/tasks?overdue=true')).json().items as Array<{ id: string }>;
    expect(tasks.map((x) => x.id)).not.toContain(foreign.taskId);
    const agenda = (await hagen.get('/api/agenda')).json();
    expect(agenda.appointments.map((a: { id: string }) => a.id)).not.toContain(foreign.sessionId);
    expect(agenda.tasks.map((a: { id: string }) => a.id)).not.toContain(foreign.taskId);
  });
});
