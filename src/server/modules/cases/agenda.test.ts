import { describe, expect, it } from 'vitest';
import { useCasesFixture } from './cases.fixture';
import { addDays } from './dates';
import { ausbildungsduldungWindowOpens } from './reminders';

describe('cases: residence reminders, home page, consent at 18', () => {
  const f = useCasesFixture();

  it('shows the Ausbildungsduldung window and expiring documents on the case and the home page', async () => {
    const startsOn = addDays(f.today, 300);
    const kase = await f.intake('Duldung', {
      residenceStatus: 'duldung',
      residenceExpiresOn: addDays(f.today, 20),
      workPermit: 'yes',
      workPermitExpiresOn: addDays(f.today, 200),
    });
    const c = await f.dus.post(`/api/cases/${kase.id}/contract`, {
      companyName: 'Malerbetrieb Öztürk',
      occupationId: 'friseur',
      startsOn,
      chamber: 'HWK',
    });
    expect(c.statusCode, c.body).toBe(201);
    const reminders = (await f.getCase(kase.id)).reminders;
    expect(reminders.map((r: { kind: string; date: string }) => [r.kind, r.date])).toEqual(
      [
        ['residence_expires', addDays(f.today, 20)],
        ['ausbildungsduldung_window', ausbildungsduldungWindowOpens(startsOn)],
      ].sort((a, b) => (a[1] as string).localeCompare(b[1] as string)),
    );
    const window = reminders.find((r: { kind: string }) => r.kind === 'ausbildungsduldung_window');
    expect(window.suggestReferral).toBe('refugee_counselling');
    expect(window.message).toContain('§ 60c Abs. 3 AufenthG');
    const agenda = (await f.dus.get('/api/agenda')).json();
    expect(agenda.reminders.filter((r: { caseId: string }) => r.caseId === kase.id)).toHaveLength(2);
    expect(agenda.reminders[0]).toHaveProperty('clientName');
  });

  it('lists my cases without contact for N days on the home page', async () => {
    const kase = await f.intake('Stille');
    await f.t.handle.db
      .updateTable('case')
      .set({ opened_on: addDays(f.today, -40) })
      .where('id', '=', kase.id)
      .execute();
    const ids = async (q: string) =>
      (await f.dus.get(`/api/agenda${q}`)).json().noContact.map((c: { id: string }) => c.id);
    expect(await ids('')).toContain(kase.id);
    expect(await ids('?noContactDays=60')).not.toContain(kase.id);
  });

  it('asks a client who came of age during counselling for consent again: one task, however often read', async () => {
    const dob = addDays(`${Number(f.today.slice(0, 4)) - 18}${f.today.slice(4)}`, -3);
    const kase = await f.intake('Volljaehrig', {
      dateOfBirth: dob,
      counsellingConsent: { givenOn: addDays(f.today, -40), form: 'paper' },
    });
    await f.t.handle.db
      .updateTable('case')
      .set({ opened_on: addDays(f.today, -40) })
      .where('id', '=', kase.id)
      .execute();
    const adult = await f.intake('Schon Erwachsen', { dateOfBirth: '2000-01-01' });
    await f.dus.get('/api/cases');
    await f.dus.get(`/api/cases/${kase.id}`);
    await f.dus.get('/api/agenda');
    const consentTasks = async (caseId: string) =>
      (await f.getCase(caseId)).tasks.filter((x: { kind: string }) => x.kind === 'consent_at_18');
    const tasks = await consentTasks(kase.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ ownerId: f.meId, dueOn: f.today, done: false });
    expect(tasks[0].title).toContain('Arbeit Volljaehrig');
    expect(await consentTasks(adult.id)).toEqual([]);
    // Done stays done: no second task.
    await f.dus.patch(`/api/tasks/${tasks[0].id}`, { version: tasks[0].version, done: true });
    await f.dus.get('/api/cases');
    expect(await consentTasks(kase.id)).toHaveLength(1);
  });
});
