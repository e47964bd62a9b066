import { describe, expect, it } from 'vitest';
import { addDays, useCompaniesFixture } from './companies.fixture';

describe('companies: contact persons and advice checklist', () => {
  const f = useCompaniesFixture();

  it('keeps one primary contact person: setting a new primary clears the old one', async () => {
    const c = await f.create('Pflegedienst Primär');
    const add = async (body: Record<string, unknown>) => {
      const res = await f.dus.post(`/api/companies/${c.id}/contact-persons`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().contactPerson;
    };
    const owner = await add({
      name: 'Nadia Rahman',
      role: 'owner',
      languages: ['bn', 'de'],
      isPrimary: true,
    });
    const trainer = await add({
      name: 'Jonas Weber',
      role: 'trainer',
      jobTitle: 'Praxisanleiter',
      isPrimary: true,
    });
    let persons = (await f.get(c.id)).contactPersons;
    expect(persons.map((p: { name: string; isPrimary: boolean }) => [p.name, p.isPrimary])).toEqual([
      ['Jonas Weber', true],
      ['Nadia Rahman', false],
    ]);
    const nadia = persons.find((p: { id: string }) => p.id === owner.id);
    const res = await f.dus.patch(`/api/companies/${c.id}/contact-persons/${owner.id}`, {
      version: nadia.version,
      isPrimary: true,
      phone: '0211 999',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contactPerson).toMatchObject({
      isPrimary: true,
      phone: '0211 999',
      languages: ['bn', 'de'],
    });
    persons = (await f.get(c.id)).contactPersons;
    expect(
      persons.filter((p: { isPrimary: boolean }) => p.isPrimary).map((p: { id: string }) => p.id),
    ).toEqual([owner.id]);
    // Stale version → 409; the company search finds the person by name; removal with the version.
    const stale = await f.dus.patch(`/api/companies/${c.id}/contact-persons/${owner.id}`, {
      version: nadia.version,
      name: 'Nadia R.',
    });
    expect(stale.statusCode).toBe(409);
    const found = (await f.dus.get('/api/companies?q=Weber')).json().items.map((i: { id: string }) => i.id);
    expect(found).toContain(c.id);
    const w = persons.find((p: { id: string }) => p.id === trainer.id);
    const del = await f.dus.request(
      'DELETE',
      `/api/companies/${c.id}/contact-persons/${trainer.id}?version=${w.version}`,
    );
    expect(del.statusCode, del.body).toBe(200);
    expect(
      (await f.dus.get('/api/companies?q=Weber')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(c.id);
    // A person of another company cannot be changed through this one.
    const other = await f.create('Andere Firma Primär');
    const wrong = await f.dus.patch(`/api/companies/${other.id}/contact-persons/${owner.id}`, {
      version: 1,
      name: 'Xaver',
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('audits changes of contact persons (personal data) without their values', async () => {
    const c = await f.create('Audit Personen');
    const p = (
      await f.dus.post(`/api/companies/${c.id}/contact-persons`, {
        name: 'Samira Haddad',
        role: 'hr',
        email: 'samira@example.org',
      })
    ).json().contactPerson;
    const entry = await f.t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'company_contact_person')
      .where('entity_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('create');
    expect(JSON.stringify(entry.details)).not.toContain('samira@example.org');
  });

  it('returns every checklist item (unsaved ones open) and saves one item with its date, 409 when stale', async () => {
    const c = await f.create('Beratung Checkliste');
    let items = (await f.dus.get(`/api/companies/${c.id}/advice`)).json().items;
    expect(items.map((i: { item: string }) => i.item)).toEqual([
      'trainer_aptitude',
      'workplace_suitability',
      'chamber_registration',
      'training_plan',
      'funding_assisted_training',
      'funding_entry_qualification',
      'funding_other',
    ]);
    const put = (item: string, body: Record<string, unknown>) =>
      f.dus.request('PUT', `/api/companies/${c.id}/advice/${item}`, body);
    let res = await put('trainer_aptitude', { state: 'in_progress', note: 'AEVO-Kurs gebucht', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    items = res.json().items;
    expect(items[0]).toMatchObject({
      item: 'trainer_aptitude',
      state: 'in_progress',
      stateOn: f.today,
      note: 'AEVO-Kurs gebucht',
      updatedByName: 'Deniz Beratung',
      version: 1,
    });
    // A second "first save" of the same item is stale: someone saved it meanwhile.
    expect((await put('trainer_aptitude', { state: 'done', version: 0 })).statusCode).toBe(409);
    res = await put('trainer_aptitude', { state: 'done', stateOn: addDays(f.today, -2), version: 1 });
    expect(res.json().items[0]).toMatchObject({
      state: 'done',
      stateOn: addDays(f.today, -2),
      note: 'AEVO-Kurs gebucht',
      version: 2,
    });
    expect((await put('trainer_aptitude', { state: 'open', version: 1 })).statusCode).toBe(409);
    expect(
      (await put('funding_other', { state: 'done', stateOn: addDays(f.today, 1), version: 0 })).statusCode,
    ).toBe(400);
    expect((await put('no_such_item', { state: 'done', version: 0 })).statusCode).toBe(400);
    // The detail carries the same checklist.
    expect((await f.get(c.id)).advice[0]).toMatchObject({ state: 'done', version: 2 });
  });
});
