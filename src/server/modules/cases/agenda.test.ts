import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { addDays, todayIso } from './dates';
import { ausbildungsduldungWindowOpens } from './reminders';

describe('cases: residence reminders, home page, consent at 18', () => {
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

  it('shows the Ausbildungsduldung window and expiring documents on the case and the home page', async () => {
    const startsOn = addDays(today, 300);
    const kase = await intake('Duldung', {
      residenceStatus: 'duldung',
      residenceExpiresOn: addDays(today, 20),
      workPermit: 'yes',
      workPermitExpiresOn: addDays(today, 200),
    });
    const c = await dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Malerbetrieb Öztürk',
      occupationId: 'friseur',
      startsOn,
      chamber: 'HWK',
    });
    expect(c.statusCode, c.body).toBe(201);
    const reminders = (await getCase(kase.id)).reminders;
    expect(reminders.map((r: { kind: string; date: string }) => [r.kind, r.date])).toEqual(
      [
        ['residence_expires', addDays(today, 20)],
        ['ausbildungsduldung_window', ausbildungsduldungWindowOpens(startsOn)],
      ].sort((a, b) => (a[1] as string).localeCompare(b[1] as string)),
    );
    const window = reminders.find((r: { kind: string }) => r.kind === 'ausbildungsduldung_window');
    expect(window.suggestReferral).toBe('refugee_counselling');
    expect(window.message).toContain('§ 60c Abs. 3 AufenthG');
    const agenda = (await dus.get('/api/agenda')).json();
    expect(agenda.reminders.filter((r: { caseId: string }) => r.caseId === kase.id)).toHaveLength(2);
    expect(agenda.reminders[0]).toHaveProperty('clientName');
  });

  it('lists my cases without contact for N days on the home page', async () => {
    const kase = await intake('Stille');
    await t.handle.db
      .updateTable('case')
      .set({ opened_on: addDays(today, -40) })
      .where('id', '=', kase.id)
      .execute();
    const ids = async (q: string) =>
      (await dus.get(`/api/agenda${q}`)).json().noContact.map((c: { id: string }) => c.id);
    expect(await ids('')).toContain(kase.id);
    expect(await ids('?noContactDays=60')).not.toContain(kase.id);
  });

  it('asks a client who came of age during counselling for consent again: one task, however often read', async () => {
    const dob = addDays(`${Number(today.slice(0, 4)) - 18}${today.slice(4)}`, -3);
    const kase = await intake('Volljaehrig', {
      dateOfBirth: dob,
      counsellingConsent: { givenOn: addDays(today, -40), form: 'paper' },
    });
    await t.handle.db
      .updateTable('case')
      .set({ opened_on: addDays(today, -40) })
      .where('id', '=', kase.id)
      .execute();
    const adult = await intake('Schon Erwachsen', { dateOfBirth: '2000-01-01' });
    await dus.get('/api/cases');
    await dus.get(`/api/cases/${kase.id}`);
    await dus.get('/api/agenda');
    const consentTasks = async (caseId: string) =>
      (await getCase(caseId)).tasks.filter((x: { kind: string }) => x.kind === 'consent_at_18');
    const tasks = await consentTasks(kase.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ownerId: meId, dueOn: today, done: false });
    expect(tasks[0].title).toContain('Arbeit Volljaehrig');
    expect(await consentTasks(adult.id)).toEqual([]);
    // Done stays done: no second task.
    await dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: true });
    await dus.get('/api/cases');
    expect(await consentTasks(kase.id)).toHaveLength(1);
  });
});
