import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertTestCompany, insertTestContactPerson, officeIdOf } from './places.fixture';
import { todayIso } from './places.sql';

/** `iso` plus `days` calendar days. */
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('places: create, validate, update, list', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let dusOffice: string;
  let salon: string;
  let werkstatt: string;
  let hagenCompany: string;
  let mergedCompany: string;
  let trainerId: string;
  let otherTrainerId: string;
  const today = todayIso();
  const nextAugust = `${Number(today.slice(0, 4)) + 1}-08-01`;

  const create = (body: Record<string, unknown>, client = dus) => client.post('/api/places', body);
  const created = async (body: Record<string, unknown>) => {
    const res = await create(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().place;
  };

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    const db = t.handle.db;
    dusOffice = await officeIdOf(db, 'Düsseldorf');
    const hagenOffice = await officeIdOf(db, 'Hagen');
    salon = await insertTestCompany(db, {
      officeId: dusOffice,
      name: 'Salon Schönhaar',
      postcode: '40210',
      place: 'Düsseldorf',
    });
    werkstatt = await insertTestCompany(db, {
      officeId: dusOffice,
      name: 'Kfz-Werkstatt Öztürk',
      postcode: '40591',
    });
    hagenCompany = await insertTestCompany(db, {
      officeId: hagenOffice,
      name: 'Bäckerei Hagen',
      postcode: '58095',
    });
    mergedCompany = await insertTestCompany(db, {
      officeId: dusOffice,
      name: 'Salon Alt',
      mergedIntoId: salon,
    });
    trainerId = await insertTestContactPerson(db, {
      companyId: salon,
      officeId: dusOffice,
      name: 'Aylin Kaya',
    });
    otherTrainerId = await insertTestContactPerson(db, {
      companyId: werkstatt,
      officeId: dusOffice,
      name: 'Murat Öztürk',
    });
  });
  afterAll(() => t.close());

  it('creates an apprenticeship with the duration of the occupation and the address of the company', async () => {
    const place = await created({
      companyId: salon,
      kind: 'apprenticeship',
      occupationId: 'friseur',
      startsOn: nextAugust,
      seats: 2,
      minSchoolQualification: 'esa',
      minGermanLevel: 'B1',
      languageSupport: true,
      contactPersonId: trainerId,
    });
    expect(place).toMatchObject({
      companyId: salon,
      companyName: 'Salon Schönhaar',
      kind: 'apprenticeship',
      occupationId: 'friseur',
      occupationName: 'Friseur/-in',
      seats: 2,
      startsOn: nextAugust,
      durationMonths: 36,
      postcode: '40210',
      place: 'Düsseldorf',
      minSchoolQualification: 'esa',
      minGermanLevel: 'B1',
      drivingLicenceRequired: false,
      languageSupport: true,
      contactPersonId: trainerId,
      contactPersonName: 'Aylin Kaya',
      status: 'open',
      published: false,
      source: 'manual',
      candidateCount: 0,
      version: 1,
    });
    expect((await dus.get(`/api/places/${place.id}`)).json().place).toMatchObject({
      id: place.id,
      version: 1,
    });
  });

  it('takes the town of a given postcode and caps the default EQ duration at 12 months', async () => {
    const eq = await created({
      companyId: werkstatt,
      kind: 'entry_qualification',
      occupationId: 'kraftfahrzeugmechatroniker',
      postcode: '58095',
    });
    expect(eq).toMatchObject({ durationMonths: 12, postcode: '58095', place: 'Hagen' });
    const internship = await created({
      companyId: werkstatt,
      kind: 'internship',
      title: 'Praktikum Werkstatt',
    });
    expect(internship).toMatchObject({ occupationId: null, durationMonths: null, postcode: '40591' });
  });

  it('refuses seats below 1 with a 400 naming body.seats', async () => {
    for (const seats of [0, -3]) {
      const res = await create({ companyId: salon, kind: 'internship', seats });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.seats');
    }
  });

  it('refuses an open place starting in the past with 422 starts_in_past, but records a filled one', async () => {
    const res = await create({
      companyId: salon,
      kind: 'apprenticeship',
      occupationId: 'friseur',
      startsOn: addDays(today, -1),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'place_invalid',
      status: 422,
      errors: [{ field: 'body.startsOn', code: 'starts_in_past' }],
    });
    expect(res.json().errors[0].message).toMatch(/Vergangenheit/);
    const filled = await create({
      companyId: salon,
      kind: 'apprenticeship',
      occupationId: 'friseur',
      startsOn: addDays(today, -200),
      status: 'filled',
    });
    expect(filled.statusCode, filled.body).toBe(201);
  });

  it('answers an unknown occupation with 422, the field and the nearest recognised occupations', async () => {
    const res = await create({
      companyId: werkstatt,
      kind: 'apprenticeship',
      occupationId: 'kfz-mechatroniker',
      startsOn: nextAugust,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.errors).toEqual([
      { field: 'body.occupationId', code: 'unknown_occupation', message: expect.any(String) },
    ]);
    expect(body.suggestions.map((s: { id: string }) => s.id)).toContain('kraftfahrzeugmechatroniker');
  });

  it('requires a recognised training occupation for an apprenticeship and an occupation for EQ', async () => {
    const none = await create({ companyId: salon, kind: 'apprenticeship', startsOn: nextAugust });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ field: 'body.occupationId', code: 'occupation_required' });
    const eqField = await create({ companyId: salon, kind: 'apprenticeship', occupationId: 'eq-friseur' });
    expect(eqField.statusCode).toBe(422);
    expect(eqField.json().errors[0]).toMatchObject({
      field: 'body.occupationId',
      code: 'occupation_not_recognised',
    });
    expect(eqField.json().suggestions[0]).toEqual({ id: 'friseur', name: 'Friseur/-in' });
    const eqNone = await create({ companyId: salon, kind: 'entry_qualification' });
    expect(eqNone.json().errors[0]).toMatchObject({ code: 'occupation_required' });
    const eq = await created({ companyId: salon, kind: 'entry_qualification', occupationId: 'eq-friseur' });
    expect(eq.durationMonths).toBe(12);
    const tooShort = await create({
      companyId: salon,
      kind: 'entry_qualification',
      occupationId: 'eq-friseur',
      durationMonths: 3,
    });
    expect(tooShort.json().errors[0]).toMatchObject({ field: 'body.durationMonths', code: 'eq_duration' });
  });

  it('checks postcode and contact person, and collects every field problem at once', async () => {
    const res = await create({
      companyId: salon,
      kind: 'internship',
      postcode: '00000',
      contactPersonId: otherTrainerId,
      startsOn: addDays(today, -5),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['body.startsOn', 'starts_in_past'],
      ['body.postcode', 'unknown_postcode'],
      ['body.contactPersonId', 'contact_person_not_of_company'],
    ]);
  });

  it("refuses another office's company with 404 and a merged company with 422", async () => {
    const foreign = await create({ companyId: hagenCompany, kind: 'internship' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'body.companyId', code: 'not_found' });
    const merged = await create({ companyId: mergedCompany, kind: 'internship' });
    expect(merged.statusCode).toBe(422);
    expect(merged.json()).toMatchObject({
      mergedIntoId: salon,
      errors: [{ field: 'body.companyId', code: 'record_merged' }],
    });
  });

  it('updates with the version read, answers 409 on a stale one, and checks the start only when it matters', async () => {
    const place = await created({
      companyId: salon,
      kind: 'apprenticeship',
      occupationId: 'friseur',
      startsOn: nextAugust,
    });
    const ok = await dus.patch(`/api/places/${place.id}`, {
      version: 1,
      title: 'Ausbildung im Salon',
      seats: 3,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().place).toMatchObject({ title: 'Ausbildung im Salon', seats: 3, version: 2 });
    const stale = await dus.patch(`/api/places/${place.id}`, { version: 1, title: 'Zu spät' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'body.version' }] });
    const past = await dus.patch(`/api/places/${place.id}`, { version: 2, startsOn: addDays(today, -1) });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0]).toMatchObject({ field: 'body.startsOn', code: 'starts_in_past' });
    // A place that has started since keeps its date through other edits, but cannot be reopened.
    await t.handle.db
      .updateTable('training_place')
      .set({ starts_on: addDays(today, -30) })
      .where('id', '=', place.id)
      .execute();
    const edit = await dus.patch(`/api/places/${place.id}`, { version: 2, status: 'filled' });
    expect(edit.statusCode, edit.body).toBe(200);
    const reopen = await dus.patch(`/api/places/${place.id}`, { version: 3, status: 'open' });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().errors[0]).toMatchObject({ field: 'body.startsOn', code: 'starts_in_past' });
    const badSeats = await dus.patch(`/api/places/${place.id}`, { version: 3, seats: 0 });
    expect(badSeats.statusCode).toBe(400);
    expect(badSeats.json().errors[0].field).toBe('body.seats');
  });

  it('lists with filters, search over title, occupation and company, paging and distances', async () => {
    const koch = await created({
      companyId: werkstatt,
      kind: 'apprenticeship',
      occupationId: 'koch',
      startsOn: nextAugust,
      postcode: '58095',
      published: true,
    });
    const list = async (query: string) => {
      const res = await dus.get(`/api/places?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Array<Record<string, unknown>>; total: number };
    };
    const all = await list('limit=200');
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.items.every((p) => p.companyName && p.distanceKm === null)).toBe(true);
    // The demo seed has places of its own in this office: assert on this test's companies.
    const ours = (items: Array<Record<string, unknown>>) =>
      items.filter((p) => p.companyId === salon || p.companyId === werkstatt).map((p) => p.id);
    const published = await list('published=true&limit=200');
    expect(ours(published.items)).toEqual([koch.id]);
    expect(published.items.every((p) => p.published === true)).toBe(true);
    const cooks = await list('occupationId=koch&limit=200');
    expect(ours(cooks.items)).toEqual([koch.id]);
    expect(cooks.items.every((p) => p.occupationId === 'koch')).toBe(true);
    const byOccupationName = await list('q=köchin&limit=200');
    expect(ours(byOccupationName.items)).toEqual([koch.id]);
    expect((await list('q=oztürk&kind=apprenticeship')).items.map((p) => p.id)).toEqual([koch.id]);
    const byCompany = await list('q=schonhaar&limit=200');
    expect(byCompany.items.length).toBeGreaterThan(0);
    expect(byCompany.items.every((p) => p.companyId === salon)).toBe(true);
    expect((await list('status=filled')).items.every((p) => p.status === 'filled')).toBe(true);
    expect(
      (await list(`companyId=${werkstatt}`)).items.every((p) => p.companyName === 'Kfz-Werkstatt Öztürk'),
    ).toBe(true);
    const page = await list('limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(all.total);

    const expected = (await dus.get('/api/reference/distance?from=40210&to=58095')).json().km;
    const near = await list('near=40210&radiusKm=10&sort=distance');
    expect(near.items.length).toBeGreaterThan(0);
    expect(near.items.every((p) => (p.distanceKm as number) <= 10)).toBe(true);
    expect(near.items.map((p) => p.id)).not.toContain(koch.id);
    const wide = await list('near=40210&radiusKm=100&sort=distance&limit=200');
    const hagenPlace = wide.items.find((p) => p.id === koch.id);
    expect(hagenPlace?.distanceKm).toBe(expected);
    const km = wide.items.map((p) => p.distanceKm as number);
    expect(km).toEqual([...km].sort((a, b) => a - b));
  });

  it('rejects radiusKm or sort=distance without near, and unknown postcodes', async () => {
    const noNear = await dus.get('/api/places?radiusKm=10');
    expect(noNear.statusCode).toBe(400);
    expect(noNear.json().errors[0].field).toBe('query.near');
    expect((await dus.get('/api/places?sort=distance')).statusCode).toBe(400);
    const bad = await dus.get('/api/places?near=1067&radiusKm=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_postcode', errors: [{ field: 'query.near' }] });
  });

  it("keeps a place invisible to another office's counsellor", async () => {
    const place = await created({ companyId: salon, kind: 'taster_day', title: 'Schnuppertag' });
    expect((await hagen.get(`/api/places/${place.id}`)).statusCode).toBe(404);
    const update = await hagen.patch(`/api/places/${place.id}`, { version: 1, title: 'fremd' });
    expect(update.statusCode).toBe(404);
    const items = (await hagen.get('/api/places?limit=200')).json().items as Array<{ id: string }>;
    expect(items.map((p) => p.id)).not.toContain(place.id);
  });

  it('saves the requirement profile with its version (0 before the first save) and answers 409 when stale', async () => {
    const place = await created({ companyId: salon, kind: 'internship' });
    const url = `/api/places/${place.id}/profile`;
    expect((await dus.get(url)).json().profile).toMatchObject({ version: 0, mustHaves: [], tasks: null });
    const body = {
      version: 0,
      tasks: 'Kundschaft empfangen, Haare waschen, Farbe anmischen',
      mustHaves: ['Freundlichkeit', 'Pünktlichkeit'],
      niceToHaves: ['Türkisch'],
      workingHours: 'Di–Sa 9–18 Uhr',
      languageNeeds: 'Deutsch B1 im Kundengespräch',
    };
    const first = await dus.request('PUT', url, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().profile).toMatchObject({ ...body, version: 1, updatedByName: 'Deniz Beratung' });
    expect((await dus.request('PUT', url, body)).statusCode).toBe(409);
    const second = await dus.request('PUT', url, { ...body, version: 1, niceToHaves: [] });
    expect(second.json().profile).toMatchObject({ niceToHaves: [], version: 2 });
    expect((await hagen.get(url)).statusCode).toBe(404);
    expect((await hagen.request('PUT', url, { ...body, version: 2 })).statusCode).toBe(404);
  });
});
