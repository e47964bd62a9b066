import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertTestCompany, insertTestContactPerson, officeIdOf } from './places.fixture';
import { todayIso } from './places.sql';

type PublicPlace = Record<string, unknown> & { id: string; distanceKm: number | null };

describe('public place list: /api/public/places', () => {
  let t: TestApp;
  let anon: TestClient;
  const ids: Record<string, string> = {};
  const nextYear = `${Number(todayIso().slice(0, 4)) + 1}`;

  /** Only the places of this test (the demo seed publishes places too). */
  const mine = (items: PublicPlace[]) =>
    items.filter((p) => Object.values(ids).includes(p.id)).map((p) => p.id);
  /** Every page of the list (the demo seed publishes a few hundred synthetic places too). */
  const list = async (query = '') => {
    const items: PublicPlace[] = [];
    for (let offset = 0; ; offset += 100) {
      const res = await anon.get(`/api/public/places?limit=100&offset=${offset}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: PublicPlace[]; total: number };
      items.push(...page.items);
      if (page.items.length < 100 || items.length >= page.total) return { items, total: page.total };
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    anon = await t.client();
    const dus = await t.client(DEMO.counsellor);
    const hagen = await t.client(DEMO.counsellorHagen);
    const db = t.handle.db;
    const dusOffice = await officeIdOf(db, 'Düsseldorf');
    const hagenOffice = await officeIdOf(db, 'Hagen');
    const bakery = await insertTestCompany(db, {
      officeId: dusOffice,
      name: 'Bäckerei Öffentlich',
      postcode: '40210',
    });
    const trainer = await insertTestContactPerson(db, {
      companyId: bakery,
      officeId: dusOffice,
      name: 'Geheime Ansprechperson',
    });
    const hagenShop = await insertTestCompany(db, {
      officeId: hagenOffice,
      name: 'Laden Öffentlich',
      postcode: '58095',
    });
    const place = async (key: string, client: TestClient, body: Record<string, unknown>) => {
      const res = await client.post('/api/places', body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().place.id;
    };
    const base = {
      companyId: bakery,
      kind: 'apprenticeship',
      occupationId: 'baecker',
      startsOn: `${nextYear}-08-01`,
      contactPersonId: trainer,
      description: 'Interne Notiz: Ansprechperson privat 0170 1234567',
      street: 'Geheimweg 1',
    };
    await place('published', dus, { ...base, published: true, title: 'Ausbildung Bäcker/-in' });
    await place('unpublished', dus, { ...base, published: false });
    await place('filled', dus, { ...base, published: true, status: 'filled' });
    await place('withdrawn', dus, { ...base, published: true, status: 'withdrawn' });
    await place('past', dus, { ...base, published: true });
    await place('undated', dus, {
      ...base,
      kind: 'internship',
      occupationId: null,
      startsOn: null,
      published: true,
    });
    await place('hagen', hagen, {
      companyId: hagenShop,
      kind: 'entry_qualification',
      occupationId: 'eq-verkauf',
      startsOn: `${nextYear}-09-01`,
      published: true,
    });
    // A place that was current when published but has started since.
    await db
      .updateTable('training_place')
      .set({ starts_on: '2026-01-01' })
      .where('id', '=', ids.past as string)
      .execute();
  });
  afterAll(() => t.close());

  it('answers without sign-in and lists only published, open places that have not started', async () => {
    const { items, total } = await list();
    const shown = items.map((p) => p.id);
    expect(shown).toEqual(expect.arrayContaining([ids.published, ids.undated, ids.hagen]));
    for (const hidden of ['unpublished', 'filled', 'withdrawn', 'past'])
      expect(shown).not.toContain(ids[hidden]);
    expect(total).toBe(items.length);
    const today = todayIso();
    expect(items.every((p) => p.startsOn === null || (p.startsOn as string) >= today)).toBe(true);
  });

  it('shows only public-safe fields: no contact person, street, description or office-internal ids', async () => {
    const { items } = await list();
    const p = items.find((x) => x.id === ids.published) as PublicPlace;
    expect(p).toMatchObject({
      kind: 'apprenticeship',
      occupationId: 'baecker',
      occupationName: 'Bäcker/-in',
      title: 'Ausbildung Bäcker/-in',
      companyName: 'Bäckerei Öffentlich',
      postcode: '40210',
      startsOn: `${nextYear}-08-01`,
      durationMonths: 36,
      seats: 1,
      officeName: 'KAUSA Servicestelle Düsseldorf',
    });
    const raw = JSON.stringify((await list()).items);
    for (const secret of [
      'Geheime Ansprechperson',
      'Geheimweg',
      '0170 1234567',
      'contactPerson',
      'companyId',
    ]) {
      expect(raw).not.toContain(secret);
    }
    expect(Object.keys(p).sort()).toEqual(
      [
        'companyName',
        'distanceKm',
        'drivingLicenceRequired',
        'durationMonths',
        'id',
        'kind',
        'languageSupport',
        'minGermanLevel',
        'minSchoolQualification',
        'occupationId',
        'occupationName',
        'officeName',
        'place',
        'postcode',
        'seats',
        'startsOn',
        'title',
      ].sort(),
    );
  });

  it('filters by kind and occupation', async () => {
    const eq = await list('&kind=entry_qualification');
    expect(mine(eq.items)).toEqual([ids.hagen]);
    expect(eq.items.every((p) => p.kind === 'entry_qualification')).toBe(true);
    const baker = await list('&occupationId=baecker');
    expect(mine(baker.items)).toEqual([ids.published]);
    expect(baker.items.every((p) => p.occupationId === 'baecker')).toBe(true);
  });

  it('filters by radius around a postcode with the distance of each place, nearest first', async () => {
    const km = (await anon.get('/api/reference/distance?from=40210&to=58095')).json().km as number;
    expect(km).toBeGreaterThan(30);
    const close = await list('&near=40210&radiusKm=10&sort=distance');
    expect(close.items.map((p) => p.id)).not.toContain(ids.hagen);
    expect(close.items.every((p) => p.distanceKm !== null && p.distanceKm <= 10)).toBe(true);
    const wide = await list(`&near=40210&radiusKm=${Math.ceil(km) + 1}&sort=distance`);
    const hagen = wide.items.find((p) => p.id === ids.hagen);
    expect(hagen?.distanceKm).toBe(km);
    expect(mine(wide.items).at(-1)).toBe(ids.hagen);
    const km2 = wide.items.map((p) => p.distanceKm as number);
    expect(km2).toEqual([...km2].sort((a, b) => a - b));
    const fromHagen = await list('&near=58095&radiusKm=5');
    expect(fromHagen.items.map((p) => p.id)).toContain(ids.hagen);
    expect(fromHagen.items.find((p) => p.id === ids.hagen)?.distanceKm).toBe(0);
  });

  it('pages and answers bad postcodes as problem+json', async () => {
    const page = await anon.get('/api/public/places?limit=1&offset=1');
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThanOrEqual(3);
    const bad = await anon.get('/api/public/places?near=4021&radiusKm=10');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('query.near');
  });
});
