import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaceImportRow } from '../../../contracts/imports.rows';
import { createTestApp, DEMO, type TestApp } from '../../test/test-app';
import {
  bulkInsertPlaces,
  findPlacesByExternalRefs,
  moveCompanyPlaces,
  updatePlacesFromImport,
} from './index';
import { insertTestCompany, officeIdOf } from './places.fixture';

const row = (companyId: string, i: number, extra: Partial<TPlaceImportRow> = {}): TPlaceImportRow => ({
  companyId,
  kind: i % 3 === 0 ? 'entry_qualification' : 'apprenticeship',
  occupationId: i % 3 === 0 ? 'eq-kueche' : 'koch',
  title: `Stelle ${i}`,
  description: i % 2 ? null : 'Beschreibung mit Umlauten: äöü ß',
  seats: 1 + (i % 4),
  startsOn: '2027-08-01',
  durationMonths: i % 3 === 0 ? 12 : 36,
  postcode: i % 5 === 0 ? null : '40210',
  place: i % 5 === 0 ? null : 'Düsseldorf',
  street: null,
  minSchoolQualification: i % 2 ? 'esa' : null,
  minGermanLevel: i % 2 ? 'B1' : null,
  drivingLicenceRequired: i % 7 === 0,
  languageSupport: i % 2 === 0,
  status: 'open',
  published: i % 10 === 0,
  source: 'ba',
  externalRef: `10000-${String(i).padStart(6, '0')}-S`,
  ...extra,
});

describe('places: bulk functions for imports and company merges', () => {
  let t: TestApp;
  let officeId: string;
  let companyA: string;
  let companyB: string;
  let hagenCompany: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    officeId = await officeIdOf(db, 'Düsseldorf');
    companyA = await insertTestCompany(db, { officeId, name: 'Großküche Import GmbH', postcode: '40210' });
    companyB = await insertTestCompany(db, { officeId, name: 'Großküche Import', postcode: '40210' });
    hagenCompany = await insertTestCompany(db, {
      officeId: await officeIdOf(db, 'Hagen'),
      name: 'Hagener Küche',
    });
  });
  afterAll(() => t.close());

  it('inserts 5,000 rows in a few chunked statements, returning the ids in row order', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(companyA, i));
    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const ids = await t.handle.db
      .withPlugin(counting)
      .transaction()
      .execute((trx) => bulkInsertPlaces(trx, { officeId, importJobId: null, createdBy: null, rows }));
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    // One INSERT per 1,000 rows plus at most five fixed statements (lock the companies and the office,
    // ask for superuser rights, switch row triggers off and on) — never a round trip per row.
    expect(statements).toBeGreaterThanOrEqual(5);
    expect(statements).toBeLessThanOrEqual(5 + 5);
    const stored = await t.handle.db
      .selectFrom('training_place')
      .select(['id', 'title', 'external_ref', 'seats', 'source', 'office_id', 'published', 'description'])
      .where('id', 'in', [ids[0] as string, ids[1234] as string, ids[4999] as string])
      .execute();
    const byId = new Map(stored.map((s) => [s.id, s]));
    expect(byId.get(ids[1234] as string)).toMatchObject({
      title: 'Stelle 1234',
      external_ref: '10000-001234-S',
      seats: 1 + (1234 % 4),
      source: 'ba',
      office_id: officeId,
    });
    expect(byId.get(ids[0] as string)).toMatchObject({
      published: true,
      description: 'Beschreibung mit Umlauten: äöü ß',
    });
    expect(byId.get(ids[4999] as string)?.title).toBe('Stelle 4999');
    // The imported places show up in the office's list with their names.
    const dus = await t.client(DEMO.counsellor);
    const list = (await dus.get(`/api/places?companyId=${companyA}&limit=1`)).json();
    expect(list.total).toBe(5000);
    expect(list.items[0]).toMatchObject({
      companyName: 'Großküche Import GmbH',
      occupationName: expect.any(String),
    });
  });

  it('refuses rows whose company belongs to another office, inserting nothing', async () => {
    const before = await t.handle.db
      .selectFrom('training_place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      bulkInsertPlaces(t.handle.db, {
        officeId,
        importJobId: null,
        createdBy: null,
        rows: [row(companyA, 1, { externalRef: null }), row(hagenCompany, 2, { externalRef: null })],
      }),
    ).rejects.toMatchObject({ code: 'not_found', fields: [{ field: 'rows.1.companyId' }] });
    const after = await t.handle.db
      .selectFrom('training_place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('finds known places by external reference and updates them from a re-import, bumping the version', async () => {
    const refs = ['10000-000007-S', '10000-000008-S', 'unbekannt'];
    const known = await findPlacesByExternalRefs(t.handle.db, officeId, 'ba', refs);
    expect([...known.keys()].sort()).toEqual(['10000-000007-S', '10000-000008-S']);
    expect(await findPlacesByExternalRefs(t.handle.db, officeId, 'csv', refs)).toEqual(new Map());
    const hit = known.get('10000-000007-S') as { id: string; version: number };
    const before = await t.handle.db
      .selectFrom('training_place')
      .select(['seats', 'status'])
      .where('id', '=', hit.id)
      .executeTakeFirstOrThrow();
    await updatePlacesFromImport(t.handle.db, {
      officeId,
      updates: [
        { id: hit.id, row: row(companyA, 7, { seats: 9, status: 'filled', title: 'Neu importiert' }) },
      ],
    });
    const after = await t.handle.db
      .selectFrom('training_place')
      .select(['seats', 'status', 'title', 'version'])
      .where('id', '=', hit.id)
      .executeTakeFirstOrThrow();
    // The offer's data is refreshed; seats and status stay as the office set them.
    expect(after).toEqual({ ...before, title: 'Neu importiert', version: hit.version + 1 });
    expect(before).not.toEqual({ seats: 9, status: 'filled' });
  });

  it('moves the places of a merged company to the surviving one', async () => {
    const ids = await bulkInsertPlaces(t.handle.db, {
      officeId,
      importJobId: null,
      createdBy: null,
      rows: [row(companyB, 1, { externalRef: null }), row(companyB, 2, { externalRef: null })],
    });
    const moved = await moveCompanyPlaces(t.handle.db, {
      officeId,
      fromCompanyId: companyB,
      toCompanyId: companyA,
    });
    expect(moved).toBe(2);
    const rows = await t.handle.db
      .selectFrom('training_place')
      .select(['company_id', 'version'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.every((r) => r.company_id === companyA && r.version === 2)).toBe(true);
    // Another office's scope moves nothing.
    const none = await moveCompanyPlaces(t.handle.db, {
      officeId: await officeIdOf(t.handle.db, 'Hagen'),
      fromCompanyId: companyA,
      toCompanyId: companyB,
    });
    expect(none).toBe(0);
  });
});
