import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { addDays, todayIso } from './dates';
import { earlyEndNotifyBy } from './reminders';

describe('cases: sessions, tasks, referrals, contract', () => {
  let t: TestApp;
  let dus: TestClient;
  let meId: string;
  const today = todayIso();

  const intake = async (familyName: string, extra: Record<string, unknown> = {}) => {
    const res = await dus.post('/api/cases', {
      client: {
        givenNames: 'Arbeit',
        familyName,
        dateOfBirth: '2005-05-01',
        counsellingConsent: { givenOn: today, form: 'paper' },
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().case;
  };
  const getCase = async (id: string) => (await dus.get(`/api/cases/${id}`)).json().case;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    meId = (await dus.get('/api/users/me')).json().user.id;
  });
  afterAll(() => t.close());

  it('records a held session whose next steps become my tasks, and shows them in my tasks and overdue view', async () => {
    const kase = await intake('Sitzung');
    const res = await dus.post(`/api/cases/${kase.id}/sessions`, {
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 45,
      channel: 'in_person',
      participants: [
        { kind: 'client', name: null },
        { kind: 'interpreter', name: 'Frau Rahimi' },
      ],
      language: 'fa',
      topics: ['occupation_choice', 'internship'],
      notes: 'Interesse an Handwerk',
      nextSteps: [
        { title: 'Praktikumsplatz suchen', dueOn: addDays(today, -2) },
        { title: 'Lebenslauf schreiben', dueOn: addDays(today, 7) },
        { title: 'Zeugnisse sammeln' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { session, tasks } = res.json();
    expect(session).toMatchObject({
      status: 'held',
      durationMinutes: 45,
      topics: ['occupation_choice', 'internship'],
    });
    expect(
      tasks.map((x: { title: string; overdue: boolean; ownerId: string }) => [x.title, x.overdue, x.ownerId]),
    ).toEqual([
      ['Praktikumsplatz suchen', true, meId],
      ['Lebenslauf schreiben', false, meId],
      ['Zeugnisse sammeln', false, meId],
    ]);
    const after = await getCase(kase.id);
    expect(after.lastContactOn).toBe(todayIso(new Date(Date.now() - 3_600_000)));
    expect(after.sessions).toHaveLength(1);

    const mine = (await dus.get(`/api/tasks?mine=true&caseId=${kase.id}`)).json();
    expect(mine.items.map((x: { title: string }) => x.title)).toEqual([
      'Praktikumsplatz suchen',
      'Lebenslauf schreiben',
      'Zeugnisse sammeln',
    ]);
    // A task added by hand, undated, owned by the actor.
    const manual = await dus.post(`/api/cases/${kase.id}/tasks`, { title: 'Bewerbungsfotos' });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().task).toMatchObject({ kind: 'manual', dueOn: null, overdue: false, ownerId: meId });
    const overdue = (await dus.get('/api/tasks?mine=true&overdue=true')).json().items as Array<{
      id: string;
      clientName: string;
    }>;
    expect(overdue.map((x) => x.id)).toContain(tasks[0].id);
    expect(overdue.map((x) => x.id)).not.toContain(tasks[1].id);
    expect(overdue.find((x) => x.id === tasks[0].id)?.clientName).toBe('Arbeit Sitzung');

    // Done: off the open list, on the done list; a stale version is refused.
    const done = await dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ done: true, overdue: false });
    const stale = await dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: false });
    expect(stale.statusCode).toBe(409);
    expect(
      (await dus.get('/api/tasks?mine=true&overdue=true')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(tasks[0].id);
    expect((await dus.get(`/api/tasks?done=true&caseId=${kase.id}`)).json().items).toHaveLength(1);
    // A task for someone of another office is refused.
    const hagenId = (await (await t.client(DEMO.counsellorHagen)).get('/api/users/me')).json().user.id;
    const foreignOwner = await dus.post(`/api/cases/${kase.id}/tasks`, { title: 'Fremd', ownerId: hagenId });
    expect(foreignOwner.json()).toMatchObject({ code: 'unknown_user', errors: [{ field: 'body.ownerId' }] });
  });

  it('plans an appointment for today, shows it on my home page and marks it held', async () => {
    const kase = await intake('Termin');
    const planned = await dus.post(`/api/cases/${kase.id}/sessions`, {
      startsAt: new Date().toISOString(),
      status: 'planned',
      channel: 'video',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const session = planned.json().session;
    expect((await getCase(kase.id)).lastContactOn).toBeNull();
    const agenda = (await dus.get('/api/agenda')).json();
    expect(agenda.today).toBe(today);
    expect(
      agenda.appointments.map((a: { id: string; clientName: string }) => [a.id, a.clientName]),
    ).toContainEqual([session.id, 'Arbeit Termin']);
    expect(agenda.profilesToConfirm).toEqual([]);
    // Not held in the future.
    const future = await dus.patch(`/api/sessions/${session.id}`, {
      version: session.version,
      status: 'held',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.json()).toMatchObject({
      code: 'impossible_date',
      errors: [{ field: 'body.startsAt', code: 'in_future' }],
    });
    const held = await dus.patch(`/api/sessions/${session.id}`, {
      version: session.version,
      status: 'held',
      notes: 'gut',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().session).toMatchObject({ status: 'held', notes: 'gut', version: session.version + 1 });
    expect((await getCase(kase.id)).lastContactOn).toBe(todayIso(new Date(session.startsAt)));
    const back = await dus.patch(`/api/sessions/${session.id}`, {
      version: session.version + 1,
      status: 'cancelled',
    });
    expect(back.json()).toMatchObject({ errors: [{ field: 'body.status', code: 'held_is_final' }] });
    expect(
      (await dus.patch(`/api/sessions/${session.id}`, { version: session.version, notes: 'x' })).statusCode,
    ).toBe(409);
  });

  it('records a referral and the partner feedback, refusing impossible dates and stale versions', async () => {
    const kase = await intake('Verweis');
    const created = await dus.post(`/api/cases/${kase.id}/referrals`, {
      partnerKind: 'recognition_counselling',
      partnerName: 'IQ Netzwerk NRW',
      referredOn: addDays(today, -3),
      reason: 'Zeugnis aus Syrien anerkennen lassen',
    });
    expect(created.statusCode, created.body).toBe(201);
    const referral = created.json().referral;
    expect(referral).toMatchObject({ feedback: null, feedbackOn: null, version: 1 });
    const early = await dus.patch(`/api/referrals/${referral.id}`, {
      version: 1,
      feedback: 'x',
      feedbackOn: addDays(today, -5),
    });
    expect(early.json()).toMatchObject({
      code: 'impossible_date',
      errors: [{ field: 'body.feedbackOn', code: 'before_referral' }],
    });
    const fb = await dus.patch(`/api/referrals/${referral.id}`, { version: 1, feedback: 'Antrag gestellt' });
    expect(fb.statusCode, fb.body).toBe(200);
    expect(fb.json().referral).toMatchObject({ feedback: 'Antrag gestellt', feedbackOn: today, version: 2 });
    expect(
      (await dus.patch(`/api/referrals/${referral.id}`, { version: 1, feedback: 'alt' })).statusCode,
    ).toBe(409);
    expect((await getCase(kase.id)).referrals[0]).toMatchObject({
      id: referral.id,
      feedback: 'Antrag gestellt',
    });
    const future = await dus.post(`/api/cases/${kase.id}/referrals`, {
      partnerKind: 'jobcenter',
      referredOn: addDays(today, 1),
      reason: 'Zukunft',
    });
    expect(future.statusCode).toBe(400);
  });

  it('records a contract, refuses unknown occupations and a second running one, and terminates it with the § 60c reminder and task', async () => {
    const kase = await intake('Vertrag', { residenceStatus: 'ausbildungsduldung' });
    const unknown = await dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Tischlerei Kaya',
      occupationId: 'gibt-es-nicht',
      startsOn: addDays(today, -100),
      chamber: 'HWK',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'body.occupationId',
      code: 'unknown_occupation',
    });
    const created = await dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Tischlerei Kaya',
      companyPostcode: '40210',
      occupationId: 'friseur',
      startsOn: addDays(today, -100),
      chamber: 'HWK',
      signedOn: addDays(today, -150),
      precededBy: 'entry_qualification',
    });
    expect(created.statusCode, created.body).toBe(201);
    const contract = created.json().contract;
    expect(contract).toMatchObject({
      occupationId: 'friseur',
      chamber: 'HWK',
      precededBy: 'entry_qualification',
      terminatedOn: null,
    });
    expect(contract.occupationName).toBeTruthy();
    const second = await dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Zweitbetrieb',
      occupationId: 'friseur',
      startsOn: addDays(today, 10),
      chamber: 'HWK',
    });
    expect(second.statusCode).toBe(409);

    const end = addDays(today, -2);
    const terminated = await dus.post(`/api/cases/${kase.id}/contract/terminate`, {
      version: contract.version,
      terminatedOn: end,
      reason: 'Abbruch in der Probezeit',
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    const body = terminated.json();
    expect(body.contract).toMatchObject({ terminatedOn: end, terminationReason: 'Abbruch in der Probezeit' });
    expect(body.tasks).toHaveLength(1);
    expect(body.tasks[0]).toMatchObject({
      kind: 'notify_immigration_office',
      dueOn: earlyEndNotifyBy(end),
      ownerId: meId,
    });
    expect(body.reminders).toEqual([
      expect.objectContaining({
        kind: 'ausbildungsduldung_early_end',
        date: earlyEndNotifyBy(end),
        suggestReferral: 'immigration_office',
      }),
    ]);
    expect(body.reminders[0].message).toContain('§ 60c Abs. 5 AufenthG');
    expect(body.reminders[0].message).toContain('keine rechtliche Bewertung');
    const kaseAfter = await getCase(kase.id);
    expect(kaseAfter.reminders.map((r: { kind: string }) => r.kind)).toEqual([
      'ausbildungsduldung_early_end',
    ]);
    expect(kaseAfter.tasks.map((x: { kind: string }) => x.kind)).toContain('notify_immigration_office');
    const again = await dus.post(`/api/cases/${kase.id}/contract/terminate`, {
      version: contract.version + 1,
      terminatedOn: end,
      reason: 'nochmal',
    });
    expect(again.statusCode).toBe(409);
  });
});
