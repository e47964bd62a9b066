import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/auth/context';
import { AppError } from '../../platform/errors';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { mergeClients } from './merge.service';

const consent = { givenOn: '2025-09-01', form: 'paper' };

describe('merging duplicate clients', () => {
  let t: TestApp;
  let counsellor: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    counsellor = await t.client(DEMO.counsellor);
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await counsellor.post('/api/clients', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().client;
  };
  const get = async (id: string) => (await counsellor.get(`/api/clients/${id}`)).json().client;

  it('moves guardians and consents, fills empty fields, and keeps the merged record read-only', async () => {
    const into = await create({
      givenNames: 'Jusuf',
      familyName: 'Haidari',
      dateOfBirth: '2003-03-03',
      phone: '0151 1111111',
      languages: [{ code: 'fa', level: 'C2' }],
      counsellingConsent: consent,
    });
    const from = await create({ givenNames: 'Yusuf', familyName: 'Haidary', dateOfBirth: '2003-03-03' });
    const guardian = (
      await counsellor.post(`/api/clients/${from.id}/guardians`, {
        name: 'Zahra Haidary',
        relation: 'mother',
      })
    ).json().guardian;
    await counsellor.post(`/api/clients/${from.id}/consents`, { purpose: 'counselling', ...consent });
    await counsellor.post(`/api/clients/${from.id}/consents`, { purpose: 'matching', ...consent });
    const fromNow = await get(from.id);
    await counsellor.patch(`/api/clients/${from.id}`, {
      version: fromNow.version,
      phone: '0151 2222222',
      email: 'yusuf@example.org',
      languages: [{ code: 'de', level: 'B1' }],
    });

    const stale = await counsellor.post(`/api/clients/${into.id}/merge`, {
      otherId: from.id,
      version: into.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const self = await counsellor.post(`/api/clients/${into.id}/merge`, {
      otherId: into.id,
      version: into.version,
    });
    expect(self.statusCode).toBe(400);

    const res = await counsellor.post(`/api/clients/${into.id}/merge`, {
      otherId: from.id,
      version: into.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json().client;
    expect(merged.guardians.map((g: { id: string }) => g.id)).toEqual([guardian.id]);
    expect(merged.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'counselling',
      'counselling',
      'matching',
    ]);
    expect(merged).toMatchObject({
      givenNames: 'Jusuf',
      phone: '0151 1111111', // its own value wins
      email: 'yusuf@example.org', // an empty field takes the other's value
      languages: [
        { code: 'fa', level: 'C2' },
        { code: 'de', level: 'B1' },
      ],
      version: into.version + 1,
      mergedIntoId: null,
    });
    // Snapshots: `into` keeps its entry snapshot; the other's stays with the merged record (kept, not lost).
    const snaps = await t.handle.db
      .selectFrom('client_snapshot')
      .select(['client_id', 'kind'])
      .where('client_id', 'in', [into.id, from.id])
      .execute();
    expect(snaps).toHaveLength(2);

    const old = await get(from.id);
    expect(old.mergedIntoId).toBe(into.id);
    const write = await counsellor.patch(`/api/clients/${from.id}`, { version: old.version, notes: 'x' });
    expect(write.statusCode).toBe(409);
    expect(write.json().mergedIntoId).toBe(into.id);
    expect(
      (await counsellor.post(`/api/clients/${into.id}/merge`, { otherId: from.id, version: merged.version }))
        .statusCode,
    ).toBe(409);

    const found = (await counsellor.get('/api/clients?q=Haidari'))
      .json()
      .items.map((i: { id: string }) => i.id);
    // The merged record is gone from the search (the demo office may hold other, synthetic Haidaris).
    expect(found).toContain(into.id);
    expect(found).not.toContain(from.id);
    const check = await counsellor.post('/api/clients/duplicates/check', {
      givenNames: 'Yusuf',
      familyName: 'Haidary',
      dateOfBirth: '2003-03-03',
    });
    expect(check.json().items.map((h: { client: { id: string } }) => h.client.id)).toEqual([into.id]);
  });

  it('moves the cases of the merged record through the registered handler (cases module)', async () => {
    const into = await create({
      givenNames: 'Amal',
      familyName: 'Nouri',
      dateOfBirth: '2004-04-04',
      counsellingConsent: consent,
    });
    const from = await create({
      givenNames: 'Amal',
      familyName: 'Nuri',
      dateOfBirth: '2004-04-04',
      counsellingConsent: consent,
    });
    const kase = await t.handle.db
      .insertInto('case')
      .values({ client_id: from.id, office_id: from.officeId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await counsellor.post(`/api/clients/${into.id}/merge`, {
      otherId: from.id,
      version: into.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.handle.db
      .selectFrom('case')
      .select('client_id')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row.client_id).toBe(into.id);
  });

  it('refuses to merge while a case would stay behind (no handler moved it), changing nothing', async () => {
    const into = await create({
      givenNames: 'Rami',
      familyName: 'Saleh',
      dateOfBirth: '2002-02-02',
      counsellingConsent: consent,
    });
    const from = await create({
      givenNames: 'Rami',
      familyName: 'Salih',
      dateOfBirth: '2002-02-02',
      counsellingConsent: consent,
    });
    await counsellor.post(`/api/clients/${from.id}/guardians`, { name: 'Vater Salih', relation: 'father' });
    await t.handle.db.insertInto('case').values({ client_id: from.id, office_id: from.officeId }).execute();
    const me = (await counsellor.get('/api/users/me')).json().user;
    const ctx: RequestContext = {
      db: t.handle.db,
      actor: {
        userId: me.id,
        role: 'counsellor',
        officeId: me.officeId,
        displayName: me.displayName,
        sessionId: 'test',
      },
      ip: null,
      userAgent: null,
      lang: 'de',
      log: t.app.log,
      config: t.config,
    };
    const err = await mergeClients(ctx, into.id, { otherId: from.id, version: into.version }, []).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields[0]).toMatchObject({ field: 'body.otherId', code: 'has_cases' });
    expect((await get(from.id)).guardians).toHaveLength(1);
    expect((await get(from.id)).mergedIntoId).toBeNull();
    expect((await get(into.id)).version).toBe(into.version);
  });
});
