import { describe, expect, it } from 'vitest';
import { DEMO } from '../../test/test-app';
import { useCasesFixture } from './cases.fixture';
import { addDays, todayIso } from './dates';
import { earlyEndNotifyBy } from './reminders';

describe('cases: sessions, tasks, referrals, contract', () => {
  const f = useCasesFixture();

  it('records a held session whose next steps become my tasks, and shows them in my tasks and overdue view', async () => {
    const kase = await f.intake('Sitzung');
    const res = await f.dus.post(`/api/cases/${kase.id}/sessions`, {
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
        { title: 'Praktikumsplatz suchen', dueOn: addDays(f.today, -2) },
        { title: 'Lebenslauf schreiben', dueOn: addDays(f.today, 7) },
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
      ['Praktikumsplatz suchen', true, f.meId],
      ['Lebenslauf schreiben', false, f.meId],
      ['Zeugnisse sammeln', false, f.meId],
    ]);
    const after = await f.getCase(kase.id);
    expect(after.lastContactOn).toBe(todayIso(new Date(Date.now() - 3_600_000)));
    expect(after.sessions).toHaveLength(1);

    const mine = (await f.dus.get(`/api/tasks?mine=true&caseId=${kase.id}`)).json();
    expect(mine.items.map((x: { title: string }) => x.title)).toEqual([
      'Praktikumsplatz suchen',
      'Lebenslauf schreiben',
      'Zeugnisse sammeln',
    ]);
    // A task added by hand, undated, owned by the actor.
    const manual = await f.dus.post(`/api/cases/${kase.id}/tasks`, { title: 'Bewerbungsfotos' });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().task).toMatchObject({
      kind: 'manual',
      dueOn: null,
      overdue: false,
      ownerId: f.meId,
    });
    const overdue = (await f.dus.get('/api/tasks?mine=true&overdue=true')).json().items as Array<{
      id: string;
      clientName: string;
    }>;
    expect(overdue.map((x) => x.id)).toContain(tasks[0].id);
    expect(overdue.map((x) => x.id)).not.toContain(tasks[1].id);
    expect(overdue.find((x) => x.id === tasks[0].id)?.clientName).toBe('Arbeit Sitzung');

    // Done: off the open list, on the done list; a stale version is refused.
    const done = await f.dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().task).toMatchObject({ done: true, overdue: false });
    const stale = await f.dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: false });
    expect(stale.statusCode).toBe(409);
    expect(
      (await f.dus.get('/api/tasks?mine=true&overdue=true')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(tasks[0].id);
    expect((await f.dus.get(`/api/tasks?done=true&caseId=${kase.id}`)).json().items).toHaveLength(1);
    // A task for someone of another office is refused.
    const hagenId = (await (await f.t.client(DEMO.counsellorHagen)).get('/api/users/me')).json().user.id;
    const foreignOwner = await f.dus.post(`/api/cases/${kase.id}/tasks`, {
      title: 'Fremd',
      ownerId: hagenId,
    });
    expect(foreignOwner.json()).toMatchObject({ code: 'unknown_user', errors: [{ field: 'body.ownerId' }] });
  });

  it('plans an appointment for f.today, shows it on my home page and marks it held', async () => {
    const kase = await f.intake('Termin');
    const planned = await f.dus.post(`/api/cases/${kase.id}/sessions`, {
      startsAt: new Date().toISOString(),
      status: 'planned',
      channel: 'video',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const session = planned.json().session;
    expect((await f.getCase(kase.id)).lastContactOn).toBeNull();
    const agenda = (await f.dus.get('/api/agenda')).json();
    expect(agenda.today).toBe(f.today);
    expect(
      agenda.appointments.map((a: { id: string; clientName: string }) => [a.id, a.clientName]),
    ).toContainEqual([session.id, 'Arbeit Termin']);
    expect(agenda.profilesToConfirm).toEqual([]);
    // Not held in the future.
    const future = await f.dus.patch(`/api/sessions/${session.id}`, {
      version: session.version,
      status: 'held',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.json()).toMatchObject({
      code: 'impossible_date',
      errors: [{ field: 'body.startsAt', code: 'in_future' }],
    });
    const held = await f.dus.patch(`/api/sessions/${session.id}`, {
      version: session.version,
      status: 'held',
      notes: 'gut',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().session).toMatchObject({ status: 'held', notes: 'gut', version: session.version + 1 });
    expect((await f.getCase(kase.id)).lastContactOn).toBe(todayIso(new Date(session.startsAt)));
    const back = await f.dus.patch(`/api/sessions/${session.id}`, {
      version: session.version + 1,
      status: 'cancelled',
    });
    expect(back.json()).toMatchObject({ errors: [{ field: 'body.status', code: 'held_is_final' }] });
    expect(
      (await f.dus.patch(`/api/sessions/${session.id}`, { version: session.version, notes: 'x' })).statusCode,
    ).toBe(409);
  });

  it('records a referral and the partner feedback, refusing impossible dates and stale versions', async () => {
    const kase = await f.intake('Verweis');
    const created = await f.dus.post(`/api/cases/${kase.id}/referrals`, {
      partnerKind: 'recognition_counselling',
      partnerName: 'IQ Netzwerk NRW',
      referredOn: addDays(f.today, -3),
      reason: 'Zeugnis aus Syrien anerkennen lassen',
    });
    expect(created.statusCode, created.body).toBe(201);
    const referral = created.json().referral;
    expect(referral).toMatchObject({ feedback: null, feedbackOn: null, version: 1 });
    const early = await f.dus.patch(`/api/referrals/${referral.id}`, {
      version: 1,
      feedback: 'x',
      feedbackOn: addDays(f.today, -5),
    });
    expect(early.json()).toMatchObject({
      code: 'impossible_date',
      errors: [{ field: 'body.feedbackOn', code: 'before_referral' }],
    });
    const fb = await f.dus.patch(`/api/referrals/${referral.id}`, {
      version: 1,
      feedback: 'Antrag gestellt',
    });
    expect(fb.statusCode, fb.body).toBe(200);
    expect(fb.json().referral).toMatchObject({
      feedback: 'Antrag gestellt',
      feedbackOn: f.today,
      version: 2,
    });
    expect(
      (await f.dus.patch(`/api/referrals/${referral.id}`, { version: 1, feedback: 'alt' })).statusCode,
    ).toBe(409);
    expect((await f.getCase(kase.id)).referrals[0]).toMatchObject({
      id: referral.id,
      feedback: 'Antrag gestellt',
    });
    const future = await f.dus.post(`/api/cases/${kase.id}/referrals`, {
      partnerKind: 'jobcenter',
      referredOn: addDays(f.today, 1),
      reason: 'Zukunft',
    });
    expect(future.statusCode).toBe(400);
  });

  it('records a contract, refuses unknown occupations and a second running one, and terminates it with the § 60c reminder and task', async () => {
    const kase = await f.intake('Vertrag', { residenceStatus: 'ausbildungsduldung' });
    const unknown = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Tischlerei Kaya',
      occupationId: 'gibt-es-nicht',
      startsOn: addDays(f.today, -100),
      chamber: 'HWK',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'body.occupationId',
      code: 'unknown_occupation',
    });
    const created = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Tischlerei Kaya',
      companyPostcode: '40210',
      occupationId: 'friseur',
      startsOn: addDays(f.today, -100),
      chamber: 'HWK',
      signedOn: addDays(f.today, -150),
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
    const second = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Zweitbetrieb',
      occupationId: 'friseur',
      startsOn: addDays(f.today, 10),
      chamber: 'HWK',
    });
    expect(second.statusCode).toBe(409);

    const end = addDays(f.today, -2);
    const terminated = await f.dus.post(`/api/cases/${kase.id}/contract/terminate`, {
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
      ownerId: f.meId,
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
    const kaseAfter = await f.getCase(kase.id);
    expect(kaseAfter.reminders.map((r: { kind: string }) => r.kind)).toEqual([
      'ausbildungsduldung_early_end',
    ]);
    expect(kaseAfter.tasks.map((x: { kind: string }) => x.kind)).toContain('notify_immigration_office');
    const again = await f.dus.post(`/api/cases/${kase.id}/contract/terminate`, {
      version: contract.version + 1,
      terminatedOn: end,
      reason: 'nochmal',
    });
    expect(again.statusCode).toBe(409);
  });
});
