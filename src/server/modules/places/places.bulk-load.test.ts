import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlaceImportRow } from '../../../contracts/imports.rows';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bulkInsertPlaces } from './index';
import { insertTestCompany, officeIdOf } from './places.fixture';

/** Values that a hand-written CSV encoder gets wrong: quotes, separators, line breaks, empty vs. NULL. */
const tricky = (companyId: string, i: number): TPlaceImportRow => ({
  companyId,
  kind: i % 2 ? 'internship' : 'apprenticeship',
  occupationId: 'koch',
  title: ['Koch "Chef" / Köchin', 'a,b;c', 'Zeile 1\nZeile 2\r\nZeile 3', '', '\\N', 'NULL'][i % 6] ?? null,
  description: i % 3 ? null : 'Beschreibung mit "Anführungszeichen", Komma und ß',
  seats: 1 + (i % 4),
  startsOn: i % 5 ? '2027-08-01' : null,
  durationMonths: i % 2 ? null : 36,
  postcode: '40210',
  place: 'Düsseldorf',
  street: i % 4 ? null : 'Königsallee 1',
  minSchoolQualification: i % 2 ? 'esa' : null,
  minGermanLevel: i % 3 ? 'B1' : null,
  drivingLicenceRequired: i % 2 === 0,
  languageSupport: i % 3 === 0,
  status: 'open',
  published: i % 2 === 1,
  source: 'csv',
  externalRef: i % 2 ? `ref-${i}` : null,
});

const COLUMNS = [
  'kind',
  'occupation_id',
  'title',
  'description',
  'seats',
  'starts_on',
  'duration_months',
  'postcode',
  'place',
  'street',
  'min_school_qualification',
  'min_german_level',
  'driving_licence_required',
  'language_support',
  'status',
  'published',
  'source',
  'external_ref',
  'created_by',
] as const;

describe('places: bulk load (COPY on PGlite, foreign keys checked once per set)', () => {
  let t: TestApp;
  let officeId: string;
  let companyA: string;
  let companyB: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    officeId = await officeIdOf(db, 'Düsseldorf');
    companyA = await insertTestCompany(db, { officeId, name: 'Kopierküche A', postcode: '40210' });
    companyB = await insertTestCompany(db, { officeId, name: 'Kopierküche B', postcode: '40210' });
    const user = await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'counsellor@kausa.example')
      .executeTakeFirstOrThrow();
    userId = user.id;
  });
  afterAll(() => t.close());

  async function stored(ids: string[]) {
    const rows = await t.handle.db
      .selectFrom('training_place')
      .select(['id', ...COLUMNS])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map(({ id, ...rest }) => [id, rest]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) throw new Error(`place ${id} not stored`);
      return row;
    });
  }

  it('stores every value exactly as the INSERT path does (quotes, line breaks, empty text, NULL, booleans)', async () => {
    if (!t.handle.copyCsv) return expect(t.handle.driver).toBe('postgres');
    const rows = Array.from({ length: 24 }, (_, i) => tricky(companyA, i));
    const viaInsert = await t.handle.db
      .transaction()
      .execute((trx) => bulkInsertPlaces(trx, { officeId, importJobId: null, createdBy: userId, rows }));
    const viaCopy = await t.handle.db.transaction().execute((trx) =>
      bulkInsertPlaces(trx, {
        officeId,
        importJobId: null,
        createdBy: userId,
        rows: rows.map((r) => ({
          ...r,
          companyId: companyB,
          externalRef: r.externalRef && `${r.externalRef}-c`,
        })),
        copy: t.handle.copyCsv,
      }),
    );
    const a = await stored(viaInsert);
    const b = (await stored(viaCopy)).map((r) => ({
      ...r,
      external_ref: r.external_ref?.replace(/-c$/, '') ?? null,
    }));
    expect(b).toEqual(a);
    expect(a[2]?.title).toBe('Zeile 1\nZeile 2\r\nZeile 3');
    expect(a[3]?.title).toBe('');
    expect(a[4]?.title).toBe('\\N');
    expect(a[1]?.description).toBeNull();
  });

  it('rolls a COPY back with the transaction it ran in', async () => {
    if (!t.handle.copyCsv) return expect(t.handle.driver).toBe('postgres');
    const before = await countOf(companyA);
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await bulkInsertPlaces(trx, {
          officeId,
          importJobId: null,
          createdBy: userId,
          rows: [tricky(companyA, 100)],
          copy: t.handle.copyCsv,
        });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await countOf(companyA)).toBe(before);
  });

  it('refuses an unknown creating user by name instead of a foreign-key crash, writing nothing', async () => {
    const before = await countOf(companyA);
    const attempt = t.handle.db.transaction().execute((trx) =>
      bulkInsertPlaces(trx, {
        officeId,
        importJobId: null,
        createdBy: '00000000-0000-4000-8000-000000000000',
        rows: [tricky(companyA, 1)],
        copy: t.handle.copyCsv,
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'not_found', fields: [{ field: 'createdBy' }] });
    expect(await countOf(companyA)).toBe(before);
  });

  it('leaves the row triggers of the session on after the load', async () => {
    const setting = await t.handle.db.transaction().execute(async (trx) => {
      await bulkInsertPlaces(trx, {
        officeId,
        importJobId: null,
        createdBy: null,
        rows: [tricky(companyA, 8)],
      });
      return (await sql<{ v: string }>`select current_setting('session_replication_role') as v`.execute(trx))
        .rows[0]?.v;
    });
    expect(setting).toBe('origin');
  });

  it('the tables written with row triggers off have no triggers besides foreign keys', async () => {
    // `session_replication_role = replica` would skip any such trigger silently (platform/db/bulk.ts).
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and c.relname in ('training_place', 'company', 'company_stage_change')`.execute(
      t.handle.db,
    );
    expect(r.rows[0]?.n).toBe(0);
  });

  async function countOf(companyId: string): Promise<number> {
    const r = await t.handle.db
      .selectFrom('training_place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', companyId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
});
