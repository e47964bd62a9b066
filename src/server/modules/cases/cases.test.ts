import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { addDays, todayIso } from './dates';

const consent = () => ({ givenOn: todayIso(), form: 'paper' as const });

describe('cases: intake, stage pipeline, list', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  const today = todayIso();

  /** Intake of a new client; `extra` are client fields. */
  const intake = async (familyName: string, extra: Record<string, unknown> = {}) => {
    const res = await dus.post('/api/cases', {
      client: {
        givenNames: 'Test',
        familyName,
        dateOfBirth: '2006-05-01',
        counsellingConsent: consent(),
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().case;
  };
  /** Moves the opening of a case (and its first history row) back by `days` — intake is always today. */
  const openedDaysAgo = async (caseId: string, days: number) => {
    const on = addDays(today, -days);
    await t.handle.db.updateTable('case').set({ opened_on: on }).where('id', '=', caseId).execute();
    await t.handle.db
      .updateTable('case_stage_change')
      .set({ changed_on: on })
      .where('case_id', '=', caseId)
      .execute();
  };
  const move = (id: string, body: Record<string, unknown>) => dus.post(`/api/cases/${id}/stage`, body);

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
  });
  afterAll(() => t.close());

  it('opens a case in first_contact for a new client, with the first history row dated today', async () => {
    const kase = await intake('Haddad');
    expect(kase).toMatchObject({
      stage: 'first_contact',
      outcome: null,
      openedOn: today,
      closedOn: null,
      counsellorName: 'Deniz Beratung',
      clientName: 'Test Haddad',
      version: 1,
    });
    expect(kase.history).toEqual([
      {
        fromStage: null,
        toStage: 'first_contact',
        outcome: null,
        changedOn: today,
        changedByName: 'Deniz Beratung',
        note: null,
      },
    ]);
    // A second open case for the same client is refused.
    const again = await dus.post('/api/cases', { clientId: kase.clientId });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ field: 'body.clientId', code: 'case_open' });
  });

  it('refuses an intake with both or neither of client and clientId, and reports client fields under body.client', async () => {
    expect((await dus.post('/api/cases', {})).statusCode).toBe(400);
    const both = await dus.post('/api/cases', {
      clientId: '00000000-0000-4000-8000-000000000000',
      client: { givenNames: 'A', familyName: 'B' },
    });
    expect(both.statusCode).toBe(400);
    const future = await dus.post('/api/cases', {
      client: { givenNames: 'Zukunft', familyName: 'Kind', dateOfBirth: addDays(today, 5) },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toMatch(/^body\.client\.dateOfBirth/);
    expect(
      (await dus.get('/api/cases?limit=500'))
        .json()
        .items.some((c: { clientName: string }) => c.clientName === 'Zukunft Kind'),
    ).toBe(false);
  });

  it('takes a case from first contact to closed, with the date of every change in the history', async () => {
    const kase = await intake('Pipeline');
    await openedDaysAgo(kase.id, 60);
    let version = kase.version;
    const steps: Array<[string, number, Record<string, unknown>]> = [
      ['orientation', 50, {}],
      ['preparation', 40, {}],
      ['applying', 30, {}],
      ['placed', 20, { note: 'Vertrag unterschrieben, Kopie folgt' }],
      ['in_training', 10, { note: 'Ausbildung begonnen' }],
      ['closed', 0, { outcome: 'completed' }],
    ];
    for (const [stage, ago, extra] of steps) {
      const res = await move(kase.id, { version, stage, changedOn: addDays(today, -ago), ...extra });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().case.version;
    }
    const closed = (await dus.get(`/api/cases/${kase.id}`)).json().case;
    expect(closed).toMatchObject({ stage: 'closed', outcome: 'completed', closedOn: today });
    expect(
      closed.history.map((h: { toStage: string; changedOn: string }) => [h.toStage, h.changedOn]),
    ).toEqual([
      ['first_contact', addDays(today, -60)],
      ['orientation', addDays(today, -50)],
      ['preparation', addDays(today, -40)],
      ['applying', addDays(today, -30)],
      ['placed', addDays(today, -20)],
      ['in_training', addDays(today, -10)],
      ['closed', today],
    ]);
    expect(closed.history[6]).toMatchObject({ fromStage: 'in_training', outcome: 'completed' });
    // Closing took the client's exit snapshot.
    const snap = await t.handle.db
      .selectFrom('client_snapshot')
      .select('kind')
      .where('client_id', '=', kase.clientId)
      .where('kind', '=', 'exit')
      .executeTakeFirst();
    expect(snap?.kind).toBe('exit');
    // Leaving closed reopens: outcome and closing date cleared, the history keeps both.
    const reopened = await move(kase.id, { version, stage: 'applying', changedOn: today });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().case).toMatchObject({ stage: 'applying', outcome: null, closedOn: null });
    expect(reopened.json().case.history).toHaveLength(8);
    // Both audited.
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', kase.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(7);
  });

  it('refuses a back-dated or future stage change with a field error and saves nothing', async () => {
    const kase = await intake('Rueckdatiert');
    const cases: Array<[string, string]> = [
      [addDays(today, -1), 'before_case_opened'],
      [addDays(today, 1), 'in_future'],
    ];
    for (const [changedOn, code] of cases) {
      const res = await move(kase.id, { version: 1, stage: 'orientation', changedOn });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'impossible_date',
        errors: [{ field: 'body.changedOn', code }],
      });
    }
    await openedDaysAgo(kase.id, 30);
    expect(
      (await move(kase.id, { version: 1, stage: 'orientation', changedOn: addDays(today, -10) })).statusCode,
    ).toBe(200);
    const before = await move(kase.id, { version: 2, stage: 'preparation', changedOn: addDays(today, -20) });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0]).toMatchObject({
      field: 'body.changedOn',
      code: 'before_previous_change',
    });
    const after = (await dus.get(`/api/cases/${kase.id}`)).json().case;
    expect(after).toMatchObject({ stage: 'orientation', version: 2 });
    expect(after.history).toHaveLength(2);
  });

  it('asks for an outcome to close, a contract or note for placed, and refuses the same stage', async () => {
    const kase = await intake('Regeln');
    const noOutcome = await move(kase.id, { version: 1, stage: 'closed', changedOn: today });
    expect(noOutcome.json()).toMatchObject({ code: 'outcome_required', errors: [{ field: 'body.outcome' }] });
    const placed = await move(kase.id, { version: 1, stage: 'placed', changedOn: today });
    expect(placed.json()).toMatchObject({
      code: 'contract_or_note_required',
      errors: [{ field: 'body.note' }],
    });
    const same = await move(kase.id, { version: 1, stage: 'first_contact', changedOn: today });
    expect(same.json()).toMatchObject({ code: 'invalid_stage_change', errors: [{ field: 'body.stage' }] });
    const outcome = await move(kase.id, {
      version: 1,
      stage: 'applying',
      outcome: 'completed',
      changedOn: today,
    });
    expect(outcome.statusCode).toBe(400);
    // With a contract, placed needs no note.
    const contract = await dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Autohaus Demir',
      occupationId: 'friseur',
      startsOn: addDays(today, 60),
      chamber: 'HWK',
    });
    expect(contract.statusCode, contract.body).toBe(201);
    expect((await move(kase.id, { version: 1, stage: 'placed', changedOn: today })).statusCode).toBe(200);
  });

  it('rejects a stale case version with 409 and writes no history', async () => {
    const kase = await intake('Konflikt');
    expect((await move(kase.id, { version: 1, stage: 'orientation', changedOn: today })).statusCode).toBe(
      200,
    );
    const stale = await move(kase.id, { version: 1, stage: 'preparation', changedOn: today });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const reassign = await dus.patch(`/api/cases/${kase.id}`, { version: 1, counsellorId: null });
    expect(reassign.statusCode).toBe(409);
    expect((await dus.get(`/api/cases/${kase.id}`)).json().case.history).toHaveLength(2);
  });

  it('filters the list by stage, age, German level, occupation, residence status, counsellor and contact', async () => {
    const year = Number(today.slice(0, 4));
    const a = await intake('Filter Alpha', {
      dateOfBirth: `${year - 17}-01-01`,
      germanLevel: 'B1',
      wishedOccupationIds: ['friseur'],
      residenceStatus: 'duldung',
    });
    const b = await intake('Filter Beta', {
      dateOfBirth: `${year - 24}-01-01`,
      germanLevel: 'A2',
      residenceStatus: 'aufenthaltserlaubnis',
    });
    await openedDaysAgo(b.id, 45);
    expect(
      (await move(b.id, { version: 1, stage: 'orientation', changedOn: addDays(today, -40) })).statusCode,
    ).toBe(200);
    const names = async (query: string) =>
      ((await dus.get(`/api/cases?limit=500&${query}`)).json().items as Array<{ clientName: string }>)
        .map((c) => c.clientName)
        .filter((n) => n.includes('Filter'));
    expect(await names('stage=orientation')).toEqual(['Test Filter Beta']);
    expect(await names('maxAge=18')).toEqual(['Test Filter Alpha']);
    expect(await names('minAge=20&maxAge=30')).toEqual(['Test Filter Beta']);
    expect(await names('germanLevel=B1')).toEqual(['Test Filter Alpha']);
    expect(await names('occupationId=friseur')).toEqual(['Test Filter Alpha']);
    expect(await names('residenceStatus=aufenthaltserlaubnis')).toEqual(['Test Filter Beta']);
    expect(await names('noContactForDays=30')).toEqual(['Test Filter Beta']);
    const me = (await dus.get('/api/users/me')).json().user.id;
    expect((await names(`counsellorId=${me}`)).sort()).toEqual(['Test Filter Alpha', 'Test Filter Beta']);
    const card = (await dus.get('/api/cases?germanLevel=B1&limit=500'))
      .json()
      .items.find((c: { id: string }) => c.id === a.id);
    expect(card).toMatchObject({
      age: 17,
      germanLevel: 'B1',
      wishedOccupationIds: ['friseur'],
      residenceStatus: 'duldung',
      openTasks: 0,
    });
    expect((await dus.get('/api/cases?germanLevel=D1')).statusCode).toBe(400);
  });

  it('moves the cases of a merged client to the client kept, in the merge transaction', async () => {
    const kept = (
      await dus.post('/api/clients', {
        givenNames: 'Muhammed',
        familyName: 'Merge',
        dateOfBirth: '2006-02-02',
        counsellingConsent: consent(),
      })
    ).json().client;
    const kase = await intake('Merge', { givenNames: 'Mohammad', dateOfBirth: '2006-02-02' });
    const merged = await dus.post(`/api/clients/${kept.id}/merge`, {
      otherId: kase.clientId,
      version: kept.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (await dus.get(`/api/cases/${kase.id}`)).json().case;
    expect(after.clientId).toBe(kept.id);
    expect(after.history).toHaveLength(1);
  });

  it('keeps Düsseldorf cases out of the Hagen list and answers 404 for them', async () => {
    const kase = await intake('Fremd');
    const items = (await hagen.get('/api/cases?limit=500')).json().items as Array<{ id: string }>;
    expect(items.map((c) => c.id)).not.toContain(kase.id);
    expect((await hagen.get(`/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await hagen.post('/api/cases', { clientId: kase.clientId })).statusCode).toBe(404);
  });
});
