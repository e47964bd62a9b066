import { describe, expect, it } from 'vitest';
import { DEMO } from '../../test/test-app';
import { addDays, useCompaniesFixture } from './companies.fixture';

/**
 * Rules found by a fresh-user test of issue 5: duplicates made by an edit, deleting a company that
 * still has places or merged duplicates, follow-up due dates, the date of the automatic stage move,
 * and the messages of date errors.
 */
describe('companies: edit duplicates, delete refusals, contact dates, date messages', () => {
  const f = useCompaniesFixture();
  const logContact = (id: string, body: Record<string, unknown>) =>
    f.dus.post(`/api/companies/${id}/contacts`, { channel: 'phone', result: 'Gespräch geführt.', ...body });

  it('refuses an edit that makes the company a duplicate with 409 company_duplicate, unless allowDuplicate', async () => {
    const first = await f.create('Bäckerei Doppelt GmbH', { postcode: '40227' });
    const second = await f.create('Bäckerei Einzeln', { postcode: '40227' });
    const rename = await f.dus.patch(`/api/companies/${second.id}`, {
      version: second.version,
      name: 'Baeckerei Doppelt',
    });
    expect(rename.statusCode, rename.body).toBe(409);
    expect(rename.json()).toMatchObject({
      code: 'company_duplicate',
      errors: [{ field: 'body.name', code: 'company_duplicate' }],
      duplicates: [{ id: first.id, name: 'Bäckerei Doppelt GmbH', postcode: '40227' }],
    });
    expect(await f.get(second.id)).toMatchObject({ name: 'Bäckerei Einzeln', version: second.version });
    // A new postcode can make a duplicate too.
    const elsewhere = await f.create('Bäckerei Doppelt', { postcode: '40210' });
    const moved = await f.dus.patch(`/api/companies/${elsewhere.id}`, {
      version: elsewhere.version,
      postcode: '40227',
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().duplicates.map((d: { id: string }) => d.id)).toEqual([first.id]);
    // On purpose: saved, and later edits of other fields are not asked again.
    const anyway = await f.dus.patch(`/api/companies/${second.id}`, {
      version: second.version,
      name: 'Baeckerei Doppelt',
      allowDuplicate: true,
    });
    expect(anyway.statusCode, anyway.body).toBe(200);
    const notes = await f.dus.patch(`/api/companies/${second.id}`, {
      version: anyway.json().company.version,
      notes: 'Filiale',
    });
    expect(notes.statusCode, notes.body).toBe(200);
    // A rename that keeps the name key and postcode (legal form dropped) makes no new duplicate.
    const same = await f.dus.patch(`/api/companies/${first.id}`, {
      version: first.version,
      name: 'Bäckerei Doppelt',
    });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('refuses to delete a company with places (409 company_has_places) and one with merged duplicates', async () => {
    const c = await f.create('Salon Mit Platz', { postcode: '40210' });
    const place = await f.dus.post('/api/places', { companyId: c.id, kind: 'internship' });
    expect(place.statusCode, place.body).toBe(201);
    const del = await f.dus.request('DELETE', `/api/companies/${c.id}?version=${c.version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json()).toMatchObject({
      code: 'company_has_places',
      errors: [{ field: 'params.id', code: 'has_places' }],
    });
    expect(del.json().detail).toMatch(/^Der Betrieb hat noch Ausbildungsplätze/);
    const en = await f.t.client(DEMO.counsellor);
    en.lang = 'en';
    const delEn = await en.request('DELETE', `/api/companies/${c.id}?version=${c.version}`);
    expect(delEn.json().detail).toMatch(/^The company still has training places/);

    const keep = await f.create('Merge Behalten');
    const dup = await f.create('Merge Weg');
    const merged = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: dup.id,
      version: keep.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const version = merged.json().company.version;
    const delKeep = await f.dus.request('DELETE', `/api/companies/${keep.id}?version=${version}`);
    expect(delKeep.statusCode).toBe(409);
    expect(delKeep.json()).toMatchObject({
      code: 'company_has_merged',
      errors: [{ field: 'params.id', code: 'has_merged' }],
    });
  });

  it('refuses a next step due before the contact (400 on body.nextStepDueOn), but takes a back-filled one', async () => {
    const c = await f.create('Kfz Fristen');
    await f.enteredOn(c.id, addDays(f.today, -30));
    const early = await logContact(c.id, {
      contactedOn: addDays(f.today, -10),
      nextStep: 'Nachfassen',
      nextStepDueOn: addDays(f.today, -11),
    });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'impossible_date',
      errors: [
        {
          field: 'body.nextStepDueOn',
          code: 'before_contact',
          message: 'Der nächste Schritt kann nicht vor dem Kontakt fällig sein.',
        },
      ],
    });
    expect((await f.dus.get(`/api/companies/${c.id}/contacts`)).json().items).toEqual([]);
    const backFilled = await logContact(c.id, {
      contactedOn: addDays(f.today, -10),
      nextStep: 'Nachfassen',
      nextStepDueOn: addDays(f.today, -5),
    });
    expect(backFilled.statusCode, backFilled.body).toBe(201);
    const sameDay = await logContact(c.id, {
      contactedOn: addDays(f.today, -2),
      nextStep: 'Anrufen',
      nextStepDueOn: addDays(f.today, -2),
    });
    expect(sameDay.statusCode, sameDay.body).toBe(201);
  });

  it('dates the automatic move to contacted on the contact day, also for a company recorded today', async () => {
    const yesterday = addDays(f.today, -1);
    const c = await f.create('Imbiss Gestern');
    const res = await logContact(c.id, { contactedOn: yesterday });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().company).toMatchObject({ stage: 'contacted', stageChangedOn: yesterday });
    const after = await f.get(c.id);
    expect(
      after.history.map((h: { fromStage: string; toStage: string; changedOn: string }) => [
        h.fromStage,
        h.toStage,
        h.changedOn,
      ]),
    ).toEqual([
      [null, 'identified', yesterday],
      ['identified', 'contacted', yesterday],
    ]);
    // A company moved back to identified today keeps that move: an older contact is dated today.
    const d = await f.create('Imbiss Zurück');
    await f.enteredOn(d.id, addDays(f.today, -20));
    let moved = await f.dus.post(`/api/companies/${d.id}/stage`, {
      to: 'declined',
      on: addDays(f.today, -10),
      reason: 'Kein Bedarf',
      version: d.version,
    });
    moved = await f.dus.post(`/api/companies/${d.id}/stage`, {
      to: 'identified',
      on: f.today,
      version: moved.json().company.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await logContact(d.id, { contactedOn: addDays(f.today, -3) });
    expect((await f.get(d.id)).history.at(-1)).toMatchObject({ toStage: 'contacted', changedOn: f.today });
  });

  it('names the rule a date breaks: in the future, before the previous change', async () => {
    const c = await f.create('Werkstatt Daten');
    await f.enteredOn(c.id, addDays(f.today, -5));
    const future = await f.dus.post(`/api/companies/${c.id}/stage`, {
      to: 'contacted',
      on: addDays(f.today, 1),
      version: c.version,
    });
    expect(future.json().errors[0]).toEqual({
      field: 'body.on',
      code: 'in_future',
      message: 'Dieses Datum liegt in der Zukunft. Bitte ein Datum bis heute angeben.',
    });
    const before = await f.dus.post(`/api/companies/${c.id}/stage`, {
      to: 'contacted',
      on: addDays(f.today, -6),
      version: c.version,
    });
    expect(before.json().errors[0]).toEqual({
      field: 'body.on',
      code: 'before_previous_change',
      message: 'Dieses Datum liegt vor dem vorigen Stufenwechsel.',
    });
    const en = await f.t.client(DEMO.counsellor);
    en.lang = 'en';
    const enFuture = await en.post(`/api/companies/${c.id}/contacts`, {
      contactedOn: addDays(f.today, 1),
      channel: 'phone',
      result: 'Zukunft',
    });
    expect(enFuture.json().errors[0]).toMatchObject({
      field: 'body.contactedOn',
      message: 'This date lies in the future. Please give a date up to today.',
    });
  });
});
