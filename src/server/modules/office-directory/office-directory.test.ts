import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDirectoryEntry, TDirectoryResult } from '../../../contracts/office-directory';
import { systemContext } from '../../platform/auth/context';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { demoOfficePagePaths, importOfficePages, readOfficePages } from './index';

describe('office directory (demo seeded from data/kausa-offices)', () => {
  let t: TestApp;
  let anonymous: TestClient;
  let admin: TestClient;
  const find = async (query: string): Promise<TDirectoryResult> => {
    const res = await anonymous.get(`/api/office-directory?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const km = async (from: string, to: string): Promise<number> =>
    (await anonymous.get(`/api/reference/distance?from=${from}&to=${to}`)).json().km;

  beforeAll(async () => {
    t = await createTestApp();
    anonymous = await t.client();
    admin = await t.client(DEMO.admin);
  });
  afterAll(() => t.close());

  it('holds the five seed pages, geocoded by the operator postcode', async () => {
    const { items } = await find('');
    expect(items.map((e) => e.grantNumber).sort()).toEqual([
      '21-JP-02-028',
      '21-JP-02-029',
      '21-JP-02-103-A+B',
      '21BLVKTH',
      null,
    ]);
    const hagen = items.find((e) => e.grantNumber === '21-JP-02-029') as TDirectoryEntry;
    const plz = (await anonymous.get('/api/reference/postcodes/58135')).json();
    expect([hagen.lat, hagen.lon]).toEqual([plz.lat, plz.lon]);
    const coordination = items.find((e) => e.kind === 'coordination') as TDirectoryEntry;
    expect([coordination.lat, coordination.lon, coordination.postcode]).toEqual([null, null, null]);
    expect(coordination.missingFields).toContain('operator.name');
  });

  it('links the Düsseldorf and Hagen entries to the demo offices of the tree', async () => {
    const offices = (await admin.get('/api/offices')).json().items as Array<{ id: string; name: string }>;
    const { items } = await find('');
    for (const name of ['KAUSA Servicestelle Düsseldorf', 'KAUSA Servicestelle Hagen']) {
      expect(items.find((e) => e.name === name)?.officeId).toBe(offices.find((o) => o.name === name)?.id);
    }
    expect(items.filter((e) => e.officeId !== null)).toHaveLength(2);
  });

  it.each([
    ['39104', '21-JP-02-103-A+B', '39118', 'Sachsen-Anhalt'],
    ['40210', '21-JP-02-028', '40235', 'Nordrhein-Westfalen'],
    ['58095', '21-JP-02-029', '58135', 'Nordrhein-Westfalen'],
    ['99084', '21BLVKTH', '99094', 'Thüringen'],
  ])(
    'finds for %s the responsible office first, with its distance in km',
    async (plz, grant, officePlz, land) => {
      const r = await find(`plz=${plz}`);
      expect(r.origin).toMatchObject({ postcode: plz, landName: land });
      const [first] = r.items;
      expect(first).toMatchObject({ grantNumber: grant, responsible: true });
      expect(first?.distanceKm).toBe(await km(plz, officePlz));
      // Responsible ones (incl. the national coordination) first, then the others nearest first.
      const flags = r.items.map((h) => h.responsible);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      expect(r.items.find((h) => h.kind === 'coordination')?.responsible).toBe(true);
      const others = r.items.filter((h) => !h.responsible).map((h) => h.distanceKm as number);
      expect(others).toEqual([...others].sort((a, b) => a - b));
      expect(r.items).toHaveLength(5);
    },
  );

  it('for Magdeburg: Sachsen-Anhalt Nord first, then the national coordination (no coordinates), then the rest', async () => {
    const r = await find('plz=39104');
    expect(r.items.slice(0, 2).map((h) => h.kind)).toEqual(['service_centre', 'coordination']);
    expect(r.items[0]?.name).toMatch(/^KAUSA Servicestelle Sachsen-Anhalt Nord/);
    expect(r.items[1]?.distanceKm).toBeNull();
  });

  it('lists a Land’s offices, and searches by name or place', async () => {
    const nrw = await find('land=05');
    expect(nrw.items.map((h) => h.name)).toEqual([
      'KAUSA Servicestelle Düsseldorf',
      'KAUSA Servicestelle Hagen',
      'Koordinierungsstelle Ausbildung und Migration (KAUSA)',
    ]);
    expect((await find('q=erfurt')).items.map((h) => h.grantNumber)).toEqual(['21BLVKTH']);
    expect((await find('q=dusseldorf')).items.map((h) => h.grantNumber)).toEqual(['21-JP-02-028']);
  });

  it('answers 400 for a four-digit postcode and 404 for an unknown one', async () => {
    const bad = await anonymous.get('/api/office-directory?plz=1067');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'invalid_postcode', errors: [{ field: 'query.plz' }] });
    expect(bad.json().detail).toContain('01067');
    const unknown = await anonymous.get('/api/office-directory?plz=00000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_postcode', errors: [{ field: 'query.plz' }] });
  });

  it('serves one entry publicly and 404 for an unknown id', async () => {
    const [hit] = (await find('q=Thüringen')).items;
    const res = await anonymous.get(`/api/office-directory/${hit?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().entry).toMatchObject({
      operator: { phone: '0361 / 60155 334', email: 'kausa@bwtw.de' },
      fundingPeriod: { from: '2024-07-01', to: '2026-12-31' },
      landCodes: ['16'],
    });
    const missing = await anonymous.get('/api/office-directory/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('lets the admin link an entry, rejects a stale version with 409, and audits the change', async () => {
    const [entry] = (await find('q=Thüringen')).items as TDirectoryEntry[];
    const state = (
      (await admin.get('/api/offices')).json().items as Array<{ id: string; kind: string }>
    ).find((o) => o.kind === 'state_office');
    const url = `/api/office-directory/${entry?.id}`;
    const ok = await admin.patch(url, { version: entry?.version, officeId: state?.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().entry).toMatchObject({ officeId: state?.id, version: (entry?.version ?? 0) + 1 });
    const stale = await admin.patch(url, { version: entry?.version, officeId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const noOffice = await admin.patch(url, {
      version: ok.json().entry.version,
      officeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noOffice.statusCode).toBe(400);
    expect(noOffice.json().errors[0].field).toBe('body.officeId');
    const log = (await admin.get(`/api/audit?entityType=office_directory`)).json().items as Array<{
      entityId: string;
      action: string;
    }>;
    expect(log.some((a) => a.entityId === entry?.id && a.action === 'update')).toBe(true);
    const counsellor = await t.client(DEMO.counsellor);
    expect((await counsellor.patch(url, { version: 2, officeId: null })).statusCode).toBe(403);
  });

  it('re-imports a page idempotently: same entry, link kept, version unchanged when nothing changed', async () => {
    const ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    const before = (await find('')).items;
    const again = await importOfficePages(ctx, readOfficePages(demoOfficePagePaths()));
    expect(again.map((r) => r.status)).toEqual(Array(5).fill('unchanged'));
    const after = (await find('')).items;
    expect(after.map((e) => [e.id, e.version, e.officeId])).toEqual(
      before.map((e) => [e.id, e.version, e.officeId]),
    );

    const [hagenFile] = readOfficePages(
      demoOfficePagePaths().filter((p) => p.endsWith('004_725786401fbbe218.txt')),
    );
    const changed = {
      sourceFile: 'hagen-neu.txt',
      text: (hagenFile?.text ?? '').replace('02331 / 48 87 80', '02331 / 99 99'),
    };
    const [r] = await importOfficePages(ctx, [changed]);
    expect(r).toMatchObject({ status: 'updated', grantNumber: '21-JP-02-029' });
    const hagen = (await find('q=Servicestelle Hagen')).items[0];
    const old = before.find((e) => e.grantNumber === '21-JP-02-029');
    expect(hagen).toMatchObject({
      id: old?.id,
      officeId: old?.officeId,
      version: (old?.version ?? 0) + 1,
      sourceFile: 'hagen-neu.txt',
      operator: { phone: '02331 / 99 99' },
    });
  });

  it('keys a run by grant number: a second page with the same grant number updates the first', async () => {
    const ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    const page = (name: string) => ({
      sourceFile: `${name}.txt`,
      text: `KAUSA Servicestelle ${name}\n\nDatum: - , ${name} 21-JP-02-777\n`,
    });
    const results = await importOfficePages(ctx, [page('Neustadt'), page('Altstadt')]);
    expect(results.map((r) => r.status)).toEqual(['created', 'updated']);
    const hits = (await find('')).items.filter((e) => e.grantNumber === '21-JP-02-777');
    expect(hits.map((e) => e.name)).toEqual(['KAUSA Servicestelle Altstadt']);
  });

  it('imports all or nothing: a page the database refuses rolls the whole run back', async () => {
    const ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    const before = (await find('')).items.length;
    const good = {
      sourceFile: 'ok.txt',
      text: 'KAUSA Servicestelle Irgendwo\n\nDatum: - , Irgendwo 21-JP-02-778\n',
    };
    // PostgreSQL text cannot hold a NUL character: the second page fails inside the transaction.
    const broken = {
      sourceFile: 'broken.txt',
      text: 'KAUSA Servicestelle Kaputt\n\nDatum: - , Kaputt 21-JP-02-779\n\nEine Beschreibung mit \u0000.\n',
    };
    await expect(importOfficePages(ctx, [good, broken])).rejects.toThrow(/0x00/);
    const after = (await find('')).items;
    expect(after).toHaveLength(before);
    expect(after.some((e) => e.grantNumber === '21-JP-02-778')).toBe(false);
  });

  it('does not publish a page of unknown layout, nor an invalid e-mail or postcode', async () => {
    const ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    const readme = {
      sourceFile: 'README.md',
      text: 'Open-source web application for the KAUSA offices (Koordinierungsstelle Ausbildung und Migration).',
    };
    const [r] = await importOfficePages(ctx, [readme]);
    expect(r).toMatchObject({ status: 'skipped' });
    expect(r?.warnings.join(' ')).toMatch(/layout not recognised/);
    const page = {
      sourceFile: 'falsch.txt',
      text: [
        'KAUSA Servicestelle Falschstadt',
        '',
        'Datum: - , Berlin 21-JP-02-990',
        '',
        'Projektdurchführung',
        '',
        'Beispiel e. V.',
        'Beispielweg 1',
        '99999 Berlin, Berlin',
        '',
        'Telefon: 030 / 12 34 56',
        'E-Mail: keine-adresse',
        '',
        'Bundesländer',
        '',
        'Berlin',
      ].join('\n'),
    };
    const [p] = await importOfficePages(ctx, [page]);
    expect(p?.status).toBe('created');
    expect(p?.warnings.join(' ')).toMatch(/e-mail "keine-adresse" is not an address/);
    expect(p?.warnings.join(' ')).toMatch(/postcode "99999" does not exist/);
    const entry = (await find('')).items.find((e) => e.grantNumber === '21-JP-02-990');
    expect(entry?.operator.email).toBeNull();
    expect(entry?.postcode).toBeNull();
  });
});
