import { describe, expect, it } from 'vitest';
import { addDays, useCompaniesFixture } from './companies.fixture';

describe('companies: merging duplicates', () => {
  const f = useCompaniesFixture();

  it('moves contact persons, contacts, tasks, advice, history and places, and hides the merged record', async () => {
    const keep = await f.create('Yılmaz Bau GmbH', { postcode: '40227', tags: ['Bau'] });
    const dup = await f.create('Yilmaz Bau', {
      postcode: '40227',
      allowDuplicate: true,
      phone: '0211 777',
      employees: 14,
      tags: ['Handwerk'],
      ownerLanguages: ['tr'],
    });
    await f.enteredOn(dup.id, addDays(f.today, -20));
    await f.dus.post(`/api/companies/${keep.id}/contact-persons`, {
      name: 'Emre Yılmaz',
      role: 'owner',
      isPrimary: true,
    });
    await f.dus.post(`/api/companies/${dup.id}/contact-persons`, {
      name: 'Selin Yılmaz',
      role: 'hr',
      isPrimary: true,
    });
    const contact = (
      await f.dus.post(`/api/companies/${dup.id}/contacts`, {
        contactedOn: addDays(f.today, -10),
        channel: 'visit',
        result: 'Erstbesuch',
        nextStep: 'Ausbildungsplan schicken',
        nextStepDueOn: addDays(f.today, 3),
      })
    ).json().contact;
    const put = (id: string, item: string, body: Record<string, unknown>) =>
      f.dus.request('PUT', `/api/companies/${id}/advice/${item}`, body);
    await put(keep.id, 'trainer_aptitude', { state: 'done', version: 0 });
    await put(dup.id, 'trainer_aptitude', { state: 'in_progress', version: 0 });
    await put(keep.id, 'chamber_registration', { state: 'in_progress', version: 0 });
    await put(dup.id, 'chamber_registration', { state: 'done', note: 'HWK eingetragen', version: 0 });
    await put(dup.id, 'training_plan', { state: 'in_progress', version: 0 });
    // A training place of the duplicate (written directly: the places module has its own tests).
    const me = await f.t.handle.db
      .selectFrom('app_user')
      .select('office_id')
      .where('id', '=', f.meId)
      .executeTakeFirstOrThrow();
    const place = await f.t.handle.db
      .insertInto('training_place')
      .values({ office_id: me.office_id, company_id: dup.id, kind: 'apprenticeship', seats: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();

    const current = await f.get(keep.id);
    const stale = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: dup.id,
      version: current.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: dup.id,
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json().company;
    expect(merged).toMatchObject({
      phone: '0211 777',
      employees: 14,
      tags: ['Bau', 'Handwerk'],
      ownerLanguages: ['tr'],
    });
    expect(
      merged.contactPersons.map((p: { name: string; isPrimary: boolean }) => [p.name, p.isPrimary]),
    ).toEqual([
      ['Emre Yılmaz', true],
      ['Selin Yılmaz', false],
    ]);
    expect(merged.contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    const advice = Object.fromEntries(
      merged.advice.map((a: { item: string; state: string }) => [a.item, a.state]),
    );
    expect(advice).toMatchObject({
      trainer_aptitude: 'done',
      chamber_registration: 'done',
      training_plan: 'in_progress',
      workplace_suitability: 'open',
    });
    expect(merged.history.map((h: { toStage: string }) => h.toStage)).toEqual([
      'identified',
      'contacted',
      'identified',
    ]);
    const task = (await f.dus.get(`/api/tasks?companyId=${keep.id}`)).json().items;
    expect(task.map((x: { id: string; companyName: string }) => [x.id, x.companyName])).toEqual([
      [contact.task.id, 'Yılmaz Bau GmbH'],
    ]);
    const moved = await f.t.handle.db
      .selectFrom('training_place')
      .select('company_id')
      .where('id', '=', place.id)
      .executeTakeFirstOrThrow();
    expect(moved.company_id).toBe(keep.id);

    // The other record stays, read-only, pointing at the kept one, and leaves the lists.
    const other = await f.get(dup.id);
    expect(other.mergedIntoId).toBe(keep.id);
    const write = await f.dus.patch(`/api/companies/${dup.id}`, { version: other.version, employees: 1 });
    expect(write.statusCode).toBe(409);
    expect(write.json()).toMatchObject({ code: 'conflict', mergedIntoId: keep.id });
    const list = (await f.dus.get('/api/companies?q=Yilmaz%20Bau'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).toEqual([keep.id]);
    const dups = (await f.dus.get('/api/companies/duplicates?name=Yilmaz%20Bau&postcode=40227')).json().items;
    expect(dups.map((d: { id: string }) => d.id)).toEqual([keep.id]);
    // Creating it again is refused as a duplicate of the kept company only.
    const again = await f.dus.post('/api/companies', { name: 'Yilmaz Bau', postcode: '40227' });
    expect(again.json().duplicates.map((d: { id: string }) => d.id)).toEqual([keep.id]);
    // Merging again, or into itself, is refused.
    const twice = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: dup.id,
      version: merged.version,
    });
    expect(twice.statusCode).toBe(409);
    const self = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: keep.id,
      version: merged.version,
    });
    expect(self.statusCode).toBe(400);
    // A company that others were merged into is not deleted.
    const del = await f.dus.request('DELETE', `/api/companies/${keep.id}?version=${merged.version}`);
    expect(del.statusCode).toBe(409);
  });

  it('refuses to merge a company of another office (404)', async () => {
    const keep = await f.create('Fremdmerge Düsseldorf');
    const foreign = (await f.hagen.post('/api/companies', { name: 'Fremdmerge Hagen' })).json().company;
    const res = await f.dus.post(`/api/companies/${keep.id}/merge`, {
      otherId: foreign.id,
      version: keep.version,
    });
    expect(res.statusCode).toBe(404);
  });
});
