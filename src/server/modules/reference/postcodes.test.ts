import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { loadReferenceData } from './reference.loader';
import { isOrganisationPlace } from './sources/postcodes.source';

/** Mean coordinates of a postcode's town rows, read straight from the GeoNames file. */
function centroidFromFile(plz: string): { lat: number; lon: number } {
  const csv = readFileSync(
    new URL('../../../../data/postcodes-geonames/zipcodes.de.csv', import.meta.url),
    'utf8',
  );
  const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data.filter(
    (r) => r.zipcode === plz && !isOrganisationPlace(r.place ?? ''),
  );
  const mean = (k: string) => rows.reduce((s, r) => s + Number(r[k]), 0) / rows.length;
  return { lat: mean('latitude'), lon: mean('longitude') };
}

/** Haversine on a 6371 km sphere, written out here independently of the library under test. */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('postcodes and places', () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    c = await t.client();
  });
  afterAll(() => t.close());

  it('holds every German postcode from the GeoNames file, as 5-character strings', async () => {
    const r = await t.handle.db
      .selectFrom('postcode')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(r.n)).toBeGreaterThanOrEqual(10_800);
    const res = await c.get('/api/reference/postcodes/01067');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      postcode: '01067',
      landCode: '14',
      landName: 'Sachsen',
      kreisAgs: '14612',
      kreisName: 'Dresden',
    });
    expect(res.json().places[0]).toEqual({ name: 'Dresden', organisation: false });
  });

  it('distance Dresden (01067) – Leipzig (04109) is within 2 km of the centroid distance computed from the file', async () => {
    const expected = haversineKm(centroidFromFile('01067'), centroidFromFile('04109'));
    expect(expected).toBeGreaterThan(90);
    expect(expected).toBeLessThan(110);
    const res = await c.get('/api/reference/distance?from=01067&to=04109');
    expect(res.statusCode).toBe(200);
    expect(Math.abs(res.json().km - expected)).toBeLessThan(2);
  });

  it('answers "1067" with 400 and the five-digit hint, and an unknown postcode with 404', async () => {
    const short = await c.get('/api/reference/postcodes/1067');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'invalid_postcode', errors: [{ field: 'params.plz' }] });
    expect(short.json().errors[0].message).toContain('01067');
    const unknown = await c.get('/api/reference/postcodes/00000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('unknown_postcode');
    const bad = await c.get('/api/reference/distance?from=01067&to=4109');
    expect(bad.json().errors[0].field).toBe('query.to');
  });

  it('marks large-organisation postcodes and keeps them out of the autocomplete', async () => {
    const big = await t.handle.db
      .selectFrom('postcode_place')
      .select(['name'])
      .where('organisation', '=', true)
      .limit(5)
      .execute();
    expect(big.length).toBeGreaterThan(0);
    const hits = (await c.get('/api/reference/places?q=Daimler')).json().items;
    expect(hits).toEqual([]);
  });

  it('completes place names case- and accent-insensitively: "Magdeb" → 39104 Magdeburg, "dussel" → Düsseldorf', async () => {
    const magdeburg = (await c.get('/api/reference/places?q=Magdeb&limit=50')).json().items;
    expect(magdeburg.map((h: { postcode: string }) => h.postcode)).toContain('39104');
    expect(magdeburg[0]).toMatchObject({ place: 'Magdeburg', landName: 'Sachsen-Anhalt' });
    const hagen = (await c.get('/api/reference/places?q=Hagen')).json().items;
    expect(hagen[0]).toMatchObject({ place: 'Hagen', kreisName: 'Hagen', landName: 'Nordrhein-Westfalen' });
    const muenchen = (await c.get('/api/reference/places?q=Muenchen')).json().items;
    expect(muenchen[0]?.place).toBe('München');
    const dus = (await c.get('/api/reference/places?q=dussel')).json().items;
    expect(dus[0].place).toBe('Düsseldorf');
    const byDigits = (await c.get('/api/reference/places?q=5809')).json().items;
    expect(byDigits.every((h: { postcode: string }) => h.postcode.startsWith('5809'))).toBe(true);
    expect((await c.get('/api/reference/places?q=M')).statusCode).toBe(400);
  });

  it('takes Land, Kreis and centroid of a postcode spanning Länder from the Kreis holding most rows', async () => {
    const res = (await c.get('/api/reference/postcodes/10875')).json();
    expect(res).toMatchObject({ landCode: '11', kreisAgs: '11000' });
    expect(res.lat).toBeGreaterThan(52.3);
    expect(res.lat).toBeLessThan(52.7);
  });

  it('lists 16 Länder and the Kreise of a Land with population', async () => {
    const laender = (await c.get('/api/reference/laender')).json().items;
    expect(laender).toHaveLength(16);
    expect(laender.find((l: { code: string }) => l.code === '05')).toMatchObject({
      name: 'Nordrhein-Westfalen',
    });
    const kreise = (await c.get('/api/reference/kreise?land=15')).json().items;
    expect(kreise.find((k: { ags: string }) => k.ags === '15003')).toMatchObject({ name: 'Magdeburg' });
    expect(kreise.every((k: { landCode: string }) => k.landCode === '15')).toBe(true);
  });

  it('loads reference data idempotently: a second load with unchanged files does nothing', async () => {
    expect(await loadReferenceData(t.handle.db, pino({ level: 'silent' }))).toEqual([]);
  });
});
