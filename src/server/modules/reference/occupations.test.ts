import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';
import { loadReferenceData } from './reference.loader';
import { parseOccupations } from './sources/occupations.source';

type Hit = {
  id: string;
  name: string;
  matchedAlias: string | null;
  kldb: string;
  kind: string;
  legalBasis?: string | null;
};

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

  it('finds Pflegefachmann/-frau (PflBG) by either gendered form and by former names', async () => {
    const [byFemale] = await search('Pflegefachfrau');
    expect(byFemale).toMatchObject({ id: 'pflegefachmann', matchedAlias: null, kind: 'federal_other' });
    expect(byFemale?.legalBasis).toBe('PflBG');
    expect((await search('Krankenpfleger'))[0]).toMatchObject({
      id: 'pflegefachmann',
      matchedAlias: 'Krankenpfleger',
    });
    expect((await search('Krankenschwester'))[0]?.id).toBe('pflegefachmann');
    expect((await search('Altenpflege'))[0]?.id).toBe('pflegefachmann');
    expect((await search('Notfallsanitäter'))[0]).toMatchObject({ id: 'notfallsanitaeter', kldb: '81342' });
    expect((await search('OTA'))[0]?.id).toBe('operationstechnischer-assistent');
  });

  it('filters by the kind "training under its own federal law", with the law named', async () => {
    const res = (await c.get('/api/reference/occupations?kind=federal_other&limit=50')).json();
    expect(res.items.map((o: Hit) => [o.id, o.legalBasis])).toEqual([
      ['anaesthesietechnischer-assistent', 'ATA-OTA-G'],
      ['notfallsanitaeter', 'NotSanG'],
      ['operationstechnischer-assistent', 'ATA-OTA-G'],
      ['pflegefachmann', 'PflBG'],
    ]);
    const dual = (await c.get('/api/reference/occupations/friseur')).json().occupation;
    expect(dual.legalBasis).toBeNull();
    const nursing = (await c.get('/api/reference/kldb?parent=813')).json().items as Array<{
      code: string;
      occupationCount: number;
    }>;
    expect(nursing.find((n) => n.code === '8130')?.occupationCount).toBe(1);
  });

  it('answers an unknown occupation id with 404', async () => {
    expect((await c.get('/api/reference/occupations/gibt-es-nicht')).statusCode).toBe(404);
    expect((await c.get('/api/reference/occupations/friseur')).json().occupation.durationMonths).toBe(36);
  });

  it('reloads a changed occupation list at start: an installation with the old list gets the new entries', async () => {
    const db = t.handle.db;
    const log = pino({ level: 'silent' });
    // As an installation loaded before the trainings under their own federal law were added.
    await db.deleteFrom('occupation').where('kind', '=', 'federal_other').execute();
    await db
      .updateTable('reference_dataset')
      .set({ checksum: 'stale' })
      .where('name', '=', 'occupations')
      .execute();
    expect(await loadReferenceData(db, log)).toEqual(['occupations']);
    const back = await db
      .selectFrom('occupation')
      .select(['id', 'legal_basis'])
      .where('kind', '=', 'federal_other')
      .orderBy('id')
      .execute();
    expect(back.map((r) => r.id)).toContain('pflegefachmann');
    expect(back.find((r) => r.id === 'pflegefachmann')?.legal_basis).toBe('PflBG');
    expect(await loadReferenceData(db, log)).toEqual([]);
  });
});

describe('occupation file parser', () => {
  const entry = {
    id: 'pflegefachmann',
    name: 'Pflegefachmann/-frau',
    nameFemale: 'Pflegefachfrau',
    nameMale: 'Pflegefachmann',
    kldb: '81302',
    durationMonths: 36,
    chamber: ['OTHER'],
    kind: 'federal_other',
    aliases: ['Krankenpfleger'],
    field: 'Gesundheit',
  };

  it('keeps the law of a training under its own federal law and refuses one without it', () => {
    const [parsed] = parseOccupations(JSON.stringify([{ ...entry, legalBasis: 'PflBG' }]));
    expect(parsed).toMatchObject({ kind: 'federal_other', legalBasis: 'PflBG' });
    expect(parsed?.searchText).toContain('krankenpfleger');
    expect(() => parseOccupations(JSON.stringify([entry]))).toThrow(/entry 0: .*legalBasis/);
    const [dual] = parseOccupations(JSON.stringify([{ ...entry, kind: 'dual' }]));
    expect(dual?.legalBasis).toBeNull();
  });
});
