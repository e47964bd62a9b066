import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { commit, csv, dryRun, germanDate, importFile, type Json, uploadJob } from './imports.fixture';

let t: TestApp;
let dus: TestClient;
let hagen: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  dus = await t.client(DEMO.counsellor);
  hagen = await t.client(DEMO.counsellorHagen);
});
afterAll(() => t.close());

const HEADER = [
  'Firmenname',
  'PLZ',
  'Ort',
  'Beruf',
  'Plätze',
  'Beginn',
  'Art',
  'Deutschniveau',
  'Führerschein',
];

async function countOfJob(table: 'company' | 'training_place', jobId: string): Promise<number> {
  const r = await t.handle.db
    .selectFrom(table)
    .where('import_job_id', '=', jobId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('companies and duplicates', () => {
  it('maps German labels of a company file and reports bad cells', async () => {
    const rows = [
      [
        'Firmenname',
        'Branche',
        'Mitarbeitende',
        'PLZ',
        'Ort',
        'E-Mail',
        'Kammer',
        'Migrationshintergrund',
        'Sprachen',
        'Ausbildungsberechtigung',
        'Phase',
        'Akquise',
        'Schlagworte',
      ],
      [
        'Kaya Sanitär GmbH',
        'F – Baugewerbe',
        '12',
        '40210',
        'Düsseldorf',
        'info@kaya.example',
        'Handwerkskammer',
        'ja',
        'Türkisch, Kurdisch',
        'in Vorbereitung',
        'kontaktiert',
        'Kaltakquise',
        'SHK; Erstausbildung',
      ],
      ['Nguyen Imbiss', 'I', 'zehn', '40210', 'Düsseldorf', 'kein-mail', 'IHK', '', 'vi', '', '', '', ''],
    ];
    const file = csv(rows);
    const job = await uploadJob(t, dus, 'target=companies', file);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.errors.map((e: Json) => [e.row, e.field, e.code])).toEqual([
      [3, 'employees', 'not_an_integer'],
      [3, 'email', 'invalid_email'],
    ]);
    const good = await importFile(t, dus, 'target=companies', csv(rows.slice(0, 2)));
    const company = await t.handle.db
      .selectFrom('company')
      .where('import_job_id', '=', good.id)
      .select([
        'name',
        'sector',
        'employees',
        'chamber',
        'owner_migration_background',
        'owner_languages',
        'authorised_to_train',
        'stage',
        'acquisition_channel',
        'tags',
        'created_by',
      ])
      .executeTakeFirstOrThrow();
    expect(company).toMatchObject({
      name: 'Kaya Sanitär GmbH',
      sector: 'F',
      employees: 12,
      chamber: 'hwk',
      owner_migration_background: true,
      owner_languages: ['tr', 'ku'],
      authorised_to_train: 'in_progress',
      stage: 'contacted',
      acquisition_channel: 'cold_call',
      tags: ['SHK', 'Erstausbildung'],
    });
    expect(company.created_by).toBeTruthy();
  });

  it('warns about existing companies (naming them for a merge) and repeats in the file; skips or imports them', async () => {
    await importFile(
      t,
      dus,
      'target=companies',
      csv([
        ['Firmenname', 'PLZ'],
        ['Elektro Schmidt GmbH', '40210'],
      ]),
    );
    const file = csv([
      ['Firmenname', 'PLZ', 'Ort'],
      ['Elektro Schmidt', '40210', 'Düsseldorf'],
      ['Yılmaz Bau', '58095', 'Hagen'],
      ['Yilmaz Bau GmbH', '58095', 'Hagen'],
      ['Neubau Hoffmann e. K.', '40210', 'Düsseldorf'],
    ]);
    const job = await uploadJob(t, dus, 'target=companies', file);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('validated');
    expect(checked.warnings.map((w: Json) => [w.row, w.code, w.params])).toEqual([
      [2, 'duplicate_company_existing', { companyName: 'Elektro Schmidt GmbH' }],
      [4, 'duplicate_company_in_file', { row: 3 }],
    ]);
    expect(checked.warnings[0].existingCompany.name).toBe('Elektro Schmidt GmbH');
    expect(checked.warnings[0].message).toContain('Elektro Schmidt GmbH');
    const skipped = (await commit(dus, checked, 'skip')).json().job;
    expect(skipped.result).toEqual({
      imported: 2,
      companiesCreated: 2,
      placesUpdated: null,
      duplicatesSkipped: 2,
    });
    expect(await countOfJob('company', job.id)).toBe(2);

    const again = await uploadJob(t, dus, 'target=companies', file);
    const all = (await commit(dus, (await dryRun(dus, again)).json().job, 'import')).json().job;
    expect(all.result.imported).toBe(4);
    expect(await countOfJob('company', again.id)).toBe(4);
  });

  it('refuses to commit twice or before a dry run', async () => {
    const job = await uploadJob(t, dus, 'target=companies', csv([['Firmenname'], ['Einmal GmbH']]));
    const early = await commit(dus, job);
    expect(early.json().code).toBe('import_not_validated');
    const checked = (await dryRun(dus, job)).json().job;
    const done = (await commit(dus, checked)).json().job;
    const twice = await commit(dus, done);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('import_committed');
  });
});

describe('commit', () => {
  it('creates missing companies once and their places, then lists the job', async () => {
    const rows: Array<Array<string | number>> = [HEADER];
    for (let i = 0; i < 30; i++) {
      rows.push([
        `Betrieb ${i % 3}`,
        '40210',
        'Düsseldorf',
        'Kaufmann/-frau für Büromanagement',
        1,
        germanDate(100 + i),
        '',
        '',
        '',
      ]);
    }
    const job = await uploadJob(t, dus, 'target=places', csv(rows));
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.warnings.filter((w: Json) => w.code === 'company_will_be_created')).toHaveLength(3);
    const done = (await commit(dus, checked)).json().job;
    expect(done.result).toEqual({
      imported: 30,
      companiesCreated: 3,
      placesUpdated: 0,
      duplicatesSkipped: 0,
    });
    expect(await countOfJob('training_place', job.id)).toBe(30);
    // The importing counsellor is the new companies' Ansprechperson (they had none).
    const me = (await dus.get('/api/users/me')).json().user;
    const created = await t.handle.db
      .selectFrom('company')
      .select('owner_user_id')
      .where('import_job_id', '=', job.id)
      .execute();
    expect(created.map((c) => c.owner_user_id)).toEqual([me.id, me.id, me.id]);
    // The companies exist now: a second file uses them.
    const second = await importFile(t, dus, 'target=places', csv(rows.slice(0, 3)));
    expect(second.result.companiesCreated).toBe(0);
    const list = (await dus.get('/api/imports?limit=5')).json();
    expect(list.items[0].id).toBe(second.id);
    expect(list.total).toBeGreaterThan(5);
    // Another office sees neither the job nor it in its list.
    expect((await hagen.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    const theirs = (await hagen.get('/api/imports?limit=100')).json().items.map((j: Json) => j.id);
    expect(theirs).not.toContain(job.id);
  });

  it('rolls everything back when the write fails half-way, and marks the job failed', async () => {
    // A constraint, not a trigger: the bulk load switches row triggers off (platform/db/bulk.ts).
    await sql`ALTER TABLE training_place ADD CONSTRAINT test_fail_place CHECK (title IS DISTINCT FROM 'Absturz')`.execute(
      t.handle.db,
    );
    try {
      const rows: Array<Array<string | number>> = [[...HEADER, 'Titel']];
      for (let i = 0; i < 6_000; i++) {
        rows.push([
          `Rollback ${i % 50}`,
          '58095',
          'Hagen',
          'Koch/Köchin',
          1,
          germanDate(90 + Math.floor(i / 50)),
          '',
          '',
          '',
          i === 5_999 ? 'Absturz' : '',
        ]);
      }
      const job = await uploadJob(t, dus, 'target=places', csv(rows));
      const checked = (await dryRun(dus, job)).json().job;
      expect(checked.status).toBe('validated');
      const before = await t.handle.db
        .selectFrom('company')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await commit(dus, checked);
      expect(res.statusCode).toBe(500);
      expect(res.json().code).toBe('import_failed');
      expect(await countOfJob('training_place', job.id)).toBe(0);
      expect(await countOfJob('company', job.id)).toBe(0);
      const after = await t.handle.db
        .selectFrom('company')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const failed = (await dus.get(`/api/imports/${job.id}`)).json().job;
      expect(failed.status).toBe('failed');
      expect(failed.errors.map((e: Json) => e.code)).toEqual(['commit_failed']);
    } finally {
      await sql`ALTER TABLE training_place DROP CONSTRAINT test_fail_place`.execute(t.handle.db);
    }
  });
});
