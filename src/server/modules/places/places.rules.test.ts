import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldUnaccent } from '../../platform/text';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertTestCompany, officeIdOf } from './places.fixture';
import { todayIso } from './places.sql';

/**
 * Rules found by a fresh-user test of issue 5: search over Turkish and other non-German letters,
 * places of companies that declined or went inactive, fields a place update may not carry, and
 * readable messages for number bounds.
 */
describe('places: search folding, inactive companies, update fields, messages', () => {
  let t: TestApp;
  let dus: TestClient;
  let dusOffice: string;
  let aydin: string;
  const nextYear = Number(todayIso().slice(0, 4)) + 1;

  const created = async (body: Record<string, unknown>) => {
    const res = await dus.post('/api/places', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().place;
  };
  const found = async (q: string) => {
    const res = await dus.get(`/api/places?q=${encodeURIComponent(q)}&limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((p: { id: string }) => p.id) as string[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    dusOffice = await officeIdOf(t.handle.db, 'Düsseldorf');
    aydin = await insertTestCompany(t.handle.db, {
      officeId: dusOffice,
      name: 'Friseursalon Aydın',
      postcode: '40210',
    });
  });
  afterAll(() => t.close());

  it('finds a place by its company name whatever the spelling of dotless ı, ø, ł or ß', async () => {
    const salon = await created({ companyId: aydin, kind: 'internship' });
    for (const q of ['Aydın', 'aydin', 'AYDIN', 'aydın', 'Friseursalon Aydin']) {
      expect(await found(q), q).toContain(salon.id);
    }
    const yilmaz = await insertTestCompany(t.handle.db, { officeId: dusOffice, name: 'Kfz Yılmaz' });
    const kfz = await created({ companyId: yilmaz, kind: 'internship', title: 'Praktikum Großhandel' });
    for (const q of ['Yılmaz', 'yilmaz', 'YILMAZ', 'grosshandel', 'Großhandel']) {
      expect(await found(q), q).toContain(kfz.id);
    }
    const nordic = await insertTestCompany(t.handle.db, {
      officeId: dusOffice,
      name: 'Søren Łukasz Elektro',
    });
    const elektro = await created({ companyId: nordic, kind: 'internship' });
    for (const q of ['soren', 'Søren', 'lukasz', 'ŁUKASZ']) expect(await found(q), q).toContain(elektro.id);
    expect(await found('Aydın')).not.toContain(kfz.id);
  });

  it('folds the search term exactly as lower(unaccent(…)) does in the database', async () => {
    const samples = [
      'Friseursalon Aydın',
      'İstanbul Grill',
      'GROẞE Straße',
      'Søren Østergaard',
      'Ærø Œuvre',
      'Đorđević Łódź',
      'Þór Ħamrun Ĳssel',
      'Şahin Çelik Gökçe Müller',
      'Nguyễn Dvořák Ångström',
    ];
    for (const s of samples) {
      const r = await sql<{ v: string }>`select lower(unaccent(${s})) as v`.execute(t.handle.db);
      expect(foldUnaccent(s), s).toBe(r.rows[0]?.v);
    }
  });

  it('keeps places of declined or inactive companies off the public list, and refuses new ones with 422', async () => {
    const base = {
      kind: 'apprenticeship',
      occupationId: 'friseur',
      startsOn: `${nextYear}-08-01`,
      published: true,
    };
    const company = await insertTestCompany(t.handle.db, { officeId: dusOffice, name: 'Salon Rückzug' });
    const place = await created({ ...base, companyId: company });
    const publicIds = async () => {
      const res = await (await t.client()).get('/api/public/places?limit=100&occupationId=friseur');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((p: { id: string }) => p.id) as string[];
    };
    expect(await publicIds()).toContain(place.id);
    for (const stage of ['declined', 'inactive']) {
      await t.handle.db.updateTable('company').set({ stage }).where('id', '=', company).execute();
      expect(await publicIds(), stage).not.toContain(place.id);
      // The place itself is kept (the company may come back) and stays in the office's list.
      expect((await dus.get(`/api/places/${place.id}`)).statusCode).toBe(200);
      const refused = await dus.post('/api/places', { ...base, companyId: company });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'place_invalid',
        errors: [{ field: 'body.companyId', code: 'company_not_active' }],
      });
      expect(refused.json().errors[0].message).toMatch(/abgelehnt oder ist inaktiv/);
    }
    // Back in the pipeline: public again, and new places are accepted.
    await t.handle.db.updateTable('company').set({ stage: 'contacted' }).where('id', '=', company).execute();
    expect(await publicIds()).toContain(place.id);
    await created({ ...base, companyId: company });
  });

  it('refuses fields a place update does not take (companyId, unknown ones) with 400 naming each', async () => {
    const other = await insertTestCompany(t.handle.db, { officeId: dusOffice, name: 'Anderer Salon' });
    const place = await created({ companyId: aydin, kind: 'internship', title: 'Praktikum Salon' });
    const moved = await dus.patch(`/api/places/${place.id}`, { version: place.version, companyId: other });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json()).toMatchObject({
      code: 'validation',
      errors: [{ field: 'body.companyId', code: 'unrecognized_keys' }],
    });
    const unknown = await dus.patch(`/api/places/${place.id}`, {
      version: place.version,
      title: 'Neu',
      colour: 'rot',
      id: place.id,
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      unknown
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.colour', 'body.id']);
    const after = (await dus.get(`/api/places/${place.id}`)).json().place;
    expect(after).toMatchObject({ companyId: aydin, title: 'Praktikum Salon', version: place.version });
  });

  it('says number bounds in plain words, in German and English', async () => {
    const res = await dus.post('/api/places', { companyId: aydin, kind: 'internship', seats: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.seats', code: 'too_small', message: 'Der Wert muss mindestens 1 sein.' },
    ]);
    const en = await t.client(DEMO.counsellor);
    en.lang = 'en';
    const big = await en.post('/api/places', { companyId: aydin, kind: 'internship', seats: 1000 });
    expect(big.json().errors).toEqual([
      { field: 'body.seats', code: 'too_big', message: 'Must be at most 999.' },
    ]);
    const small = await en.post('/api/places', { companyId: aydin, kind: 'internship', seats: 0 });
    expect(small.json().errors[0].message).toBe('Must be at least 1.');
  });
});
