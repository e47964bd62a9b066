import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

type Hit = { id: string; name: string; matchedAlias: string | null; kldb: string };

describe('occupation search and browsing', () => {
  let t: TestApp;
  let c: TestClient;
  const search = async (q: string): Promise<Hit[]> =>
    (await c.get(`/api/reference/occupations?q=${encodeURIComponent(q)}`)).json().items;
  beforeAll(async () => {
    t = await createTestApp();
    c = await t.client();
  });
  afterAll(() => t.close());

  it('loads at least 320 recognised occupations', async () => {
    const dual = (await c.get('/api/reference/occupations?kind=dual&limit=1')).json().total;
    const twoYear = (await c.get('/api/reference/occupations?kind=two_year&limit=1')).json().total;
    expect(dual + twoYear).toBeGreaterThanOrEqual(320);
  });

  it('finds by official name first, then other hits', async () => {
    const hits = await search('Friseur');
    expect(hits[0]).toMatchObject({ id: 'friseur', name: 'Friseur/-in', matchedAlias: null });
  });

  it('finds by former or colloquial name and says which alias matched', async () => {
    const [kfz] = await search('Kfz-Mechaniker');
    expect(kfz).toMatchObject({ id: 'kraftfahrzeugmechatroniker', matchedAlias: 'Kfz-Mechaniker' });
    const [buero] = await search('Bürokauffrau');
    expect(buero?.id).toBe('kaufmann-fuer-bueromanagement');
  });

  it('finds despite typos and missing umlauts', async () => {
    expect((await search('Frisoer'))[0]?.id).toBe('friseur');
    expect((await search('Elektronikr für Betriebstechnik'))[0]?.id).toBe(
      'elektroniker-fuer-betriebstechnik',
    );
    expect((await search('Kraftfahrzeugmechatronicker'))[0]?.id).toBe('kraftfahrzeugmechatroniker');
  });

  it('lists A–Z by letter (Ä under A) and filters by KldB area', async () => {
    const a = (await c.get('/api/reference/occupations?letter=A&limit=500')).json().items as Hit[];
    expect(a.length).toBeGreaterThan(5);
    expect(a.every((o) => /^[AÄ]/i.test(o.name))).toBe(true);
    const vehicles = (await c.get('/api/reference/occupations?kldbPrefix=252&limit=500')).json()
      .items as Hit[];
    expect(vehicles.map((o) => o.id)).toContain('kraftfahrzeugmechatroniker');
    expect(vehicles.every((o) => o.kldb.startsWith('252'))).toBe(true);
  });

  it('browses KldB from the 10 areas down, with occupation counts that add up', async () => {
    const areas = (await c.get('/api/reference/kldb')).json().items as Array<{
      code: string;
      occupationCount: number;
    }>;
    expect(areas.map((a) => a.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const total = (await c.get('/api/reference/occupations?limit=1')).json().total;
    expect(areas.reduce((s, a) => s + a.occupationCount, 0)).toBe(total);
    const area2 = (await c.get('/api/reference/kldb?parent=2')).json().items as Array<{
      code: string;
      level: number;
    }>;
    expect(area2.every((n) => n.code.startsWith('2') && n.level === 2)).toBe(true);
    expect((await c.get('/api/reference/kldb?parent=9999')).statusCode).toBe(404);
  });

  it('answers an unknown occupation id with 404', async () => {
    expect((await c.get('/api/reference/occupations/gibt-es-nicht')).statusCode).toBe(404);
    expect((await c.get('/api/reference/occupations/friseur')).json().occupation.durationMonths).toBe(36);
  });
});
