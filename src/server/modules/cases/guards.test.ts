import { describe, expect, it } from 'vitest';
import { DEMO } from '../../test/test-app';
import { useCasesFixture } from './cases.fixture';
import { addDays } from './dates';

describe('cases: consent and data guards', () => {
  const f = useCasesFixture();

  it('refuses new sessions, tasks, referrals and contracts once counselling consent is withdrawn', async () => {
    const kase = await f.intake('Zurueckgezogen');
    const client = (await f.dus.get(`/api/clients/${kase.clientId}`)).json().client;
    const consent = client.consents.find((c: { purpose: string }) => c.purpose === 'counselling');
    const withdrawn = await f.dus.post(`/api/clients/${kase.clientId}/consents/${consent.id}/withdraw`, {
      withdrawnOn: f.today,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const attempts = await Promise.all([
      f.dus.post(`/api/cases/${kase.id}/sessions`, {
        startsAt: new Date().toISOString(),
        channel: 'phone',
        notes: 'nach Widerruf',
      }),
      f.dus.post(`/api/cases/${kase.id}/tasks`, { title: 'nachfassen' }),
      f.dus.post(`/api/cases/${kase.id}/referrals`, {
        partnerKind: 'jobcenter',
        referredOn: f.today,
        reason: 'Weitergabe',
      }),
      f.dus.post(`/api/cases/${kase.id}/contract`, {
        companyName: 'Firma',
        occupationId: 'friseur',
        startsOn: addDays(f.today, 60),
        chamber: 'HWK',
      }),
    ]);
    expect(attempts.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(attempts.every((r) => r.json().code === 'consent_required')).toBe(true);
    const after = await f.getCase(kase.id);
    expect([after.sessions.length, after.tasks.length, after.referrals.length, after.contract]).toEqual([
      0,
      0,
      0,
      null,
    ]);
  });

  it('checks the company postcode of a contract, and ends no training that has not begun', async () => {
    const kase = await f.intake('Vertrag', { residenceStatus: 'ausbildungsduldung' });
    const bad = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Firma',
      companyPostcode: '99999',
      occupationId: 'friseur',
      startsOn: addDays(f.today, 60),
      chamber: 'HWK',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.companyPostcode');
    const ok = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Firma',
      companyPostcode: '40210',
      occupationId: 'friseur',
      startsOn: addDays(f.today, 60),
      chamber: 'HWK',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const ended = await f.dus.post(`/api/cases/${kase.id}/contract/terminate`, {
      version: ok.json().contract.version,
      terminatedOn: f.today,
      reason: 'Vor Beginn gelöst',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const after = await f.getCase(kase.id);
    expect(after.reminders.map((r: { kind: string }) => r.kind)).not.toContain(
      'ausbildungsduldung_early_end',
    );
  });

  it('audits searches and duplicate checks with the clients they showed', async () => {
    const kase = await f.intake('Suchbar');
    await f.dus.get('/api/clients?q=Suchbar');
    await f.dus.post('/api/clients/duplicates/check', {
      givenNames: 'Arbeit',
      familyName: 'Suchbar',
      dateOfBirth: '2005-05-01',
    });
    const coord = await f.t.client(DEMO.coordinator);
    expect((await coord.get('/api/audit?action=read&entityType=client')).statusCode).toBe(200);
    const admin = await f.t.client(DEMO.admin);
    const reads = (await admin.get('/api/audit?action=read&entityType=client&limit=20')).json()
      .items as Array<{
      details: { kind?: string; clientIds?: string[] };
    }>;
    const kinds = reads
      .filter((e) => e.details.clientIds?.includes(kase.clientId))
      .map((e) => e.details.kind);
    expect(kinds).toEqual(expect.arrayContaining(['search', 'duplicate_check']));
  });
});
