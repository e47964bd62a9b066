import { describe, expect, it } from 'vitest';
import { useCompaniesFixture } from './companies.fixture';

describe('companies: create, read, update, delete, duplicates, list', () => {
  const f = useCompaniesFixture();

  it('creates a company in `identified` with a history row dated today, the place from the postcode and all fields', async () => {
    const c = await f.create('Malerbetrieb Öztürk GmbH', {
      legalForm: 'GmbH',
      sector: 'F',
      employees: 6,
      street: 'Kölner Straße 12',
      postcode: '40227',
      phone: '0211 123456',
      email: 'info@oeztuerk.example',
      website: 'https://oeztuerk.example',
      chamber: 'hwk',
      ownerMigrationBackground: true,
      ownerLanguages: ['tr', 'de'],
      authorisedToTrain: 'in_progress',
      qualifiedTrainer: 'no',
      trainingHistory: 'never',
      acquisitionChannel: 'referral',
      acquisitionReferredBy: 'Elternlotsin Frau Demir',
      acquisitionOn: f.today,
      ownerUserId: f.meId,
      tags: ['Handwerk', 'Handwerk', 'Maler'],
      notes: 'Sucht eine/n Auszubildende/n.',
    });
    expect(c).toMatchObject({
      name: 'Malerbetrieb Öztürk GmbH',
      place: 'Düsseldorf',
      postcode: '40227',
      stage: 'identified',
      stageChangedOn: f.today,
      ownerName: 'Deniz Beratung',
      ownerMigrationBackground: true,
      ownerLanguages: ['tr', 'de'],
      tags: ['Handwerk', 'Maler'],
      acquisitionReferredBy: 'Elternlotsin Frau Demir',
      mergedIntoId: null,
      version: 1,
      contactPersons: [],
      contacts: [],
    });
    expect(c.history).toEqual([
      {
        fromStage: null,
        toStage: 'identified',
        changedOn: f.today,
        reason: null,
        changedByName: 'Deniz Beratung',
      },
    ]);
    expect(c.advice).toHaveLength(7);
    expect(
      c.advice.every((a: { state: string; version: number }) => a.state === 'open' && a.version === 0),
    ).toBe(true);
    // The owner's self-declaration is optional: not declared stays null.
    const plain = await f.create('Kiosk Am Wehrhahn');
    expect(plain.ownerMigrationBackground).toBeNull();
    expect(plain.ownerLanguages).toEqual([]);
  });

  it('refuses unknown postcodes, a referral without its source, a future acquisition date and an owner of another office', async () => {
    const res = await f.dus.post('/api/companies', {
      name: 'Fehlerhaft GmbH',
      postcode: '00000',
      acquisitionChannel: 'referral',
      acquisitionOn: '2999-01-01',
      ownerUserId: f.hagenCounsellorId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['body.postcode', 'unknown_postcode'],
      ['body.ownerUserId', 'unknown_user'],
      ['body.acquisitionOn', 'in_future'],
      ['body.acquisitionReferredBy', 'referred_by_required'],
    ]);
    // A later switch to "referral" needs the source too.
    const c = await f.create('Empfohlen GmbH', { acquisitionChannel: 'cold_call' });
    const upd = await f.dus.patch(`/api/companies/${c.id}`, {
      version: c.version,
      acquisitionChannel: 'referral',
    });
    expect(upd.statusCode).toBe(400);
    expect(upd.json().errors[0]).toMatchObject({
      field: 'body.acquisitionReferredBy',
      code: 'referred_by_required',
    });
  });

  it('updates changed fields only, bumps the version, and rejects a stale update with 409', async () => {
    const c = await f.create('Autohaus Nasser', { postcode: '40210' });
    const res = await f.dus.patch(`/api/companies/${c.id}`, {
      version: c.version,
      employees: 11,
      postcode: '58095',
      name: 'Autohaus Nasser GmbH',
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json().company;
    expect(updated).toMatchObject({
      employees: 11,
      postcode: '58095',
      place: 'Hagen',
      version: c.version + 1,
    });
    // The same update again with the old version: someone else changed it meanwhile.
    const stale = await f.dus.patch(`/api/companies/${c.id}`, { version: c.version, employees: 12 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    // No change is a no-op: no version bump.
    const same = await f.dus.patch(`/api/companies/${c.id}`, { version: updated.version, employees: 11 });
    expect(same.statusCode).toBe(200);
    expect(same.json().company.version).toBe(updated.version);
    // The renamed company is found under its new name key.
    const dup = (await f.dus.get('/api/companies/duplicates?name=Autohaus%20Nasser&postcode=58095')).json();
    expect(dup.items.map((d: { id: string }) => d.id)).toEqual([c.id]);
  });

  it('warns of a duplicate (same name key and postcode) with 409 company_duplicate listing it, unless allowDuplicate', async () => {
    const first = await f.create('Müller GmbH', { postcode: '40215' });
    const again = await f.dus.post('/api/companies', { name: 'Mueller Gmbh', postcode: '40215' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'company_duplicate',
      duplicates: [{ id: first.id, name: 'Müller GmbH', postcode: '40215', stage: 'identified' }],
    });
    expect(again.json().detail).toContain('bereits erfasst');
    // Another postcode or another name is no duplicate.
    await f.create('Müller GmbH', { postcode: '40217' });
    await f.create('Müller Bau', { postcode: '40215' });
    // Deliberately created anyway.
    const forced = await f.create('müller', { postcode: '40215', allowDuplicate: true });
    expect(forced.id).not.toBe(first.id);
    const check = (await f.dus.get('/api/companies/duplicates?name=M%C3%BCller&postcode=40215')).json();
    expect(check.items.map((d: { id: string }) => d.id)).toEqual([first.id, forced.id]);
    const anyPostcode = (await f.dus.get('/api/companies/duplicates?name=M%C3%BCller%20GmbH')).json();
    expect(anyPostcode.items).toHaveLength(3);
    // Another office's company never counts as a duplicate.
    const hagen = await f.hagen.post('/api/companies', { name: 'Müller GmbH', postcode: '40215' });
    expect(hagen.statusCode).toBe(201);
  });

  it('lists with filters, searches name, place, postcode and contact names (umlauts, typos), pages, sorts by name', async () => {
    const a = await f.create('Zahnarztpraxis Dr. Rahimi', {
      postcode: '40476',
      trainingHistory: 'training_now',
      acquisitionChannel: 'cold_call',
      tags: ['Gesundheit'],
      ownerUserId: f.meId,
    });
    const b = await f.create('Änderungsschneiderei Şahin', { postcode: '40233', tags: ['Textil'] });
    await f.dus.post(`/api/companies/${b.id}/contact-persons`, { name: 'Gülşen Şahin', role: 'owner' });
    const ids = async (q: string) =>
      ((await f.dus.get(`/api/companies${q}`)).json().items as Array<{ id: string }>).map((i) => i.id);
    expect(await ids('?q=rahimi')).toEqual([a.id]);
    expect(await ids('?q=Rahimy')).toEqual([a.id]);
    expect(await ids('?q=aenderungsschneiderei')).toEqual([b.id]);
    expect(await ids('?q=%C3%84nderungs')).toEqual([b.id]);
    expect(await ids('?q=Guelsen')).toEqual([b.id]);
    expect(await ids('?q=40476')).toContain(a.id);
    expect(await ids('?q=sahin%20duesseldorf')).toEqual([b.id]);
    expect(await ids('?tag=Gesundheit')).toEqual([a.id]);
    expect(await ids('?trainingHistory=training_now&channel=cold_call')).toContain(a.id);
    expect(await ids(`?ownerUserId=${f.meId}&tag=Textil`)).toEqual([]);
    expect(await ids('?stage=identified')).toEqual(expect.arrayContaining([a.id, b.id]));
    const page = (await f.dus.get('/api/companies?limit=2&offset=0')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const all = (await f.dus.get('/api/companies?limit=200')).json().items as Array<{ name: string }>;
    const keys = all.map((i) => i.name);
    expect(keys.indexOf('Zahnarztpraxis Dr. Rahimi')).toBeGreaterThan(
      keys.indexOf('Änderungsschneiderei Şahin'),
    );
    const summary = all.find((i) => i.name === 'Änderungsschneiderei Şahin');
    expect(summary).toMatchObject({ primaryContactName: 'Gülşen Şahin', openTasks: 0, lastContactOn: null });
  });

  it('audits reads of the company detail', async () => {
    const c = await f.create('Gemüsehandel Ahmadi');
    await f.get(c.id);
    const entries = await f.t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', c.id)
      .execute();
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'create', entity_type: 'company' },
        { action: 'read', entity_type: 'company' },
      ]),
    );
  });

  it('deletes a company with the current version only', async () => {
    const c = await f.create('Kurzlebig GmbH');
    expect(
      (await f.dus.request('DELETE', `/api/companies/${c.id}?version=${c.version + 1}`)).statusCode,
    ).toBe(409);
    const ok = await f.dus.request('DELETE', `/api/companies/${c.id}?version=${c.version}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await f.dus.get(`/api/companies/${c.id}`)).statusCode).toBe(404);
  });

  it('keeps another office out: 404 on read, never in its lists', async () => {
    const c = await f.create('Nur Düsseldorf GmbH');
    expect((await f.hagen.get(`/api/companies/${c.id}`)).statusCode).toBe(404);
    const hagenList = (await f.hagen.get('/api/companies?q=Nur%20D%C3%BCsseldorf')).json();
    expect(hagenList.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const board = (await f.hagen.get('/api/companies/board')).json();
    const cards = board.columns.flatMap((col: { items: Array<{ id: string }> }) =>
      col.items.map((i) => i.id),
    );
    expect(cards).not.toContain(c.id);
  });
});
