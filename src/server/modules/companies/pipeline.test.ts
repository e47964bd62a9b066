import { describe, expect, it } from 'vitest';
import { addDays, useCompaniesFixture } from './companies.fixture';

describe('companies: pipeline, board, contact log with follow-up tasks', () => {
  const f = useCompaniesFixture();
  const stage = (id: string, body: Record<string, unknown>) => f.dus.post(`/api/companies/${id}/stage`, body);

  it('moves through the pipeline on the given days and keeps a dated history', async () => {
    const c = await f.create('Bäckerei Stufen');
    await f.enteredOn(c.id, addDays(f.today, -30));
    let res = await stage(c.id, { to: 'contacted', on: addDays(f.today, -20), version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    res = await stage(c.id, {
      to: 'advised',
      on: addDays(f.today, -10),
      version: res.json().company.version,
    });
    res = await stage(c.id, { to: 'offering', on: f.today, version: res.json().company.version });
    const after = res.json().company;
    expect(after).toMatchObject({ stage: 'offering', stageChangedOn: f.today, version: c.version + 3 });
    expect(
      after.history.map((h: { fromStage: string; toStage: string; changedOn: string }) => [
        h.fromStage,
        h.toStage,
        h.changedOn,
      ]),
    ).toEqual([
      [null, 'identified', addDays(f.today, -30)],
      ['identified', 'contacted', addDays(f.today, -20)],
      ['contacted', 'advised', addDays(f.today, -10)],
      ['advised', 'offering', f.today],
    ]);
    // A declined company may be approached again.
    res = await stage(c.id, { to: 'declined', on: f.today, reason: 'Kein Bedarf', version: after.version });
    expect(res.json().company.history.at(-1)).toMatchObject({ toStage: 'declined', reason: 'Kein Bedarf' });
    res = await stage(c.id, { to: 'contacted', on: f.today, version: res.json().company.version });
    expect(res.statusCode).toBe(200);
  });

  it('refuses future dates, dates before the previous change, a missing reason, the same stage and a stale version', async () => {
    const c = await f.create('Werkstatt Regeln');
    await f.enteredOn(c.id, addDays(f.today, -5));
    const expectError = async (
      body: Record<string, unknown>,
      status: number,
      code: string,
      field: string,
    ) => {
      const res = await stage(c.id, { version: c.version, ...body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors?.[0] ?? { field, code }).toMatchObject({ field, code });
      if (status === 409) expect(res.json().code).toBe('conflict');
    };
    await expectError({ to: 'contacted', on: addDays(f.today, 1) }, 400, 'in_future', 'body.on');
    await expectError(
      { to: 'contacted', on: addDays(f.today, -6) },
      400,
      'before_previous_change',
      'body.on',
    );
    await expectError({ to: 'declined', on: f.today }, 400, 'reason_required', 'body.reason');
    await expectError({ to: 'inactive', on: f.today, reason: '  ' }, 400, 'reason_required', 'body.reason');
    await expectError({ to: 'identified', on: f.today }, 400, 'same_stage', 'body.to');
    await expectError(
      { to: 'contacted', on: f.today, version: c.version + 1 },
      409,
      'conflict',
      'body.version',
    );
    expect((await f.get(c.id)).history).toHaveLength(1);
  });

  it('shows the board grouped by stage in pipeline order with counts, filtered by owner', async () => {
    const mine = await f.create('Board Eins', { ownerUserId: f.meId });
    const other = await f.create('Board Zwei');
    await stage(other.id, { to: 'advised', on: f.today, version: other.version });
    const board = (await f.dus.get('/api/companies/board')).json();
    expect(board.columns.map((c: { stage: string }) => c.stage)).toEqual([
      'identified',
      'contacted',
      'advised',
      'ready_to_train',
      'offering',
      'training',
      'declined',
      'inactive',
    ]);
    const col = (b: typeof board, s: string) => b.columns.find((c: { stage: string }) => c.stage === s);
    expect(col(board, 'identified').items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(col(board, 'advised').items.map((i: { id: string }) => i.id)).toContain(other.id);
    for (const c of board.columns) expect(c.count).toBeGreaterThanOrEqual(c.items.length);
    // The demo companies of Düsseldorf are spread over the stages.
    expect(col(board, 'offering').count).toBeGreaterThan(0);
    expect(col(board, 'training').count).toBeGreaterThan(0);
    const own = (await f.dus.get(`/api/companies/board?ownerUserId=${f.meId}&perStage=1`)).json();
    const cards = own.columns.flatMap((c: { items: Array<{ ownerUserId: string }> }) => c.items);
    expect(cards.every((i: { ownerUserId: string }) => i.ownerUserId === f.meId)).toBe(true);
    expect(own.columns.every((c: { items: unknown[] }) => c.items.length <= 1)).toBe(true);
    expect(col(own, 'advised').items.map((i: { id: string }) => i.id)).not.toContain(other.id);
  });

  it('moves an identified company to contacted when its first contact is logged, dated that day', async () => {
    const c = await f.create('Imbiss Erstkontakt');
    await f.enteredOn(c.id, addDays(f.today, -10));
    const res = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: addDays(f.today, -3),
      channel: 'visit',
      result: 'Inhaber angetroffen, Flyer übergeben.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().company).toMatchObject({ stage: 'contacted', version: c.version + 1 });
    const after = await f.get(c.id);
    expect(after.history.at(-1)).toMatchObject({
      fromStage: 'identified',
      toStage: 'contacted',
      changedOn: addDays(f.today, -3),
    });
    // A further contact does not move it again.
    await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'phone',
      result: 'Rückruf.',
    });
    expect((await f.get(c.id)).history).toHaveLength(2);
    // A contact older than the company's record dates the move (and the entry row) on the contact day.
    const d = await f.create('Imbiss Altkontakt');
    await f.dus.post(`/api/companies/${d.id}/contacts`, {
      contactedOn: addDays(f.today, -40),
      channel: 'phone',
      result: 'Frühere Notiz nachgetragen.',
    });
    expect((await f.get(d.id)).history.map((h: { changedOn: string }) => h.changedOn)).toEqual([
      addDays(f.today, -40),
      addDays(f.today, -40),
    ]);
    // A contact in the future is refused.
    const future = await f.dus.post(`/api/companies/${d.id}/contacts`, {
      contactedOn: addDays(f.today, 1),
      channel: 'phone',
      result: 'Zukunft',
    });
    expect(future.statusCode).toBe(400);
  });

  it('turns a next step into a follow-up task that appears in my tasks and the agenda with the company', async () => {
    const c = await f.create('Kfz Folgeaufgabe', { ownerUserId: f.meId });
    const person = (
      await f.dus.post(`/api/companies/${c.id}/contact-persons`, { name: 'Omar Said', role: 'owner' })
    ).json().contactPerson;
    const res = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'phone',
      contactPersonId: person.id,
      result: 'Interesse an Ausbildung Kfz-Mechatroniker/in.',
      nextStep: 'Infomaterial zur Assistierten Ausbildung schicken',
      nextStepDueOn: addDays(f.today, 7),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { contact } = res.json();
    expect(contact).toMatchObject({
      contactPersonName: 'Omar Said',
      nextStep: 'Infomaterial zur Assistierten Ausbildung schicken',
      counsellorName: 'Deniz Beratung',
      task: { dueOn: addDays(f.today, 7), ownerId: f.meId, ownerName: 'Deniz Beratung', done: false },
    });
    const mine = (await f.dus.get('/api/tasks?mine=true')).json().items;
    const task = mine.find((x: { id: string }) => x.id === contact.task.id);
    expect(task).toMatchObject({
      caseId: null,
      companyId: c.id,
      companyName: 'Kfz Folgeaufgabe',
      kind: 'next_step',
      title: 'Infomaterial zur Assistierten Ausbildung schicken',
    });
    const agenda = (await f.dus.get('/api/agenda')).json();
    expect(agenda.tasks.find((x: { id: string }) => x.id === contact.task.id)).toMatchObject({
      companyId: c.id,
    });
    const byCompany = (await f.dus.get(`/api/tasks?companyId=${c.id}`)).json().items;
    expect(byCompany.map((x: { id: string }) => x.id)).toEqual([contact.task.id]);
    // The list shows the counts; ticking the task done shows in the contact log.
    const summary = (await f.dus.get('/api/companies?q=Folgeaufgabe')).json().items[0];
    expect(summary).toMatchObject({ openTasks: 1, nextDueOn: addDays(f.today, 7), lastContactOn: f.today });
    const done = await f.dus.patch(`/api/tasks/${task.id}`, { version: task.version, done: true });
    expect(done.statusCode, done.body).toBe(200);
    const log = (await f.dus.get(`/api/companies/${c.id}/contacts`)).json().items;
    expect(log[0].task).toMatchObject({ id: task.id, done: true });
  });

  it('gives the follow-up task to the named owner, else the responsible counsellor, else the actor', async () => {
    const hagenCompany = (await f.hagen.post('/api/companies', { name: 'Hagen Aufgabe' })).json().company;
    // Hagen's counsellor is no owner for a Düsseldorf task.
    const c = await f.create('Ohne Ansprechperson');
    const foreignOwner = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'email',
      result: 'Mail geschickt.',
      nextStep: 'Nachfassen',
      nextStepOwnerId: f.hagenCounsellorId,
    });
    expect(foreignOwner.statusCode).toBe(400);
    expect(foreignOwner.json().errors[0]).toMatchObject({
      field: 'body.nextStepOwnerId',
      code: 'unknown_user',
    });
    const r = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'email',
      result: 'Mail geschickt.',
      nextStep: 'Nachfassen',
    });
    expect(r.json().contact.task).toMatchObject({ ownerId: f.meId, dueOn: null });
    const h = await f.hagen.post(`/api/companies/${hagenCompany.id}/contacts`, {
      contactedOn: f.today,
      channel: 'letter',
      result: 'Brief geschickt.',
      nextStep: 'Anrufen',
    });
    expect(h.json().contact.task.ownerId).toBe(f.hagenCounsellorId);
    // A contact person of another company is refused; a due date without a next step too.
    const other = await f.create('Fremde Person GmbH');
    const p = (
      await f.dus.post(`/api/companies/${other.id}/contact-persons`, { name: 'Xaver Fremd', role: 'hr' })
    ).json().contactPerson;
    const wrongPerson = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'phone',
      contactPersonId: p.id,
      result: 'Falsche Person',
    });
    expect(wrongPerson.json().errors[0]).toMatchObject({
      field: 'body.contactPersonId',
      code: 'not_of_company',
    });
    const dueOnly = await f.dus.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: f.today,
      channel: 'phone',
      result: 'Nur Datum',
      nextStepDueOn: f.today,
    });
    expect(dueOnly.statusCode).toBe(400);
  });

  it('lists contacts newest first', async () => {
    const c = await f.create('Reihenfolge Kontakte');
    for (const [days, result] of [
      [-9, 'alt'],
      [-1, 'neu'],
      [-5, 'mittel'],
    ] as const) {
      await f.dus.post(`/api/companies/${c.id}/contacts`, {
        contactedOn: addDays(f.today, days),
        channel: 'phone',
        result,
      });
    }
    const items = (await f.dus.get(`/api/companies/${c.id}/contacts`)).json().items;
    expect(items.map((i: { result: string }) => i.result)).toEqual(['neu', 'mittel', 'alt']);
  });
});
