import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { commit, csv, dryRun, germanDate, importFile, type Json, upload, uploadJob } from './imports.fixture';

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

describe('upload', () => {
  it('reads a Windows-1252 CSV with ; and suggests the mapping from German headers', async () => {
    const text = csv([
      [...HEADER, 'Schulabschluss', 'PLZ Betrieb'],
      [
        'Müller Bäckerei',
        '40210',
        'Düsseldorf',
        'Bäcker/-in',
        2,
        germanDate(200),
        'Ausbildung',
        'B1',
        'ja',
        'ESA',
        '40210',
      ],
    ]);
    const res = await upload(
      t,
      dus,
      'target=places&fileName=plaetze.csv',
      Buffer.from(text, 'latin1'),
      'text/csv',
    );
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json().job;
    expect(job).toMatchObject({
      target: 'places',
      format: 'csv',
      fileName: 'plaetze.csv',
      status: 'uploaded',
      encoding: 'windows-1252',
      delimiter: 'semicolon',
      totalRows: 1,
    });
    expect(job.sampleRows[0][0]).toBe('Müller Bäckerei');
    expect(job.suggestedMapping).toEqual({
      companyName: 'Firmenname',
      companyPostcode: 'PLZ Betrieb',
      kind: 'Art',
      occupation: 'Beruf',
      seats: 'Plätze',
      startsOn: 'Beginn',
      postcode: 'PLZ',
      place: 'Ort',
      minSchoolQualification: 'Schulabschluss',
      minGermanLevel: 'Deutschniveau',
      drivingLicenceRequired: 'Führerschein',
    });
    expect(job.fields.find((f: Json) => f.field === 'companyName').required).toBe(true);
  });

  it('answers unusable files with a clear problem', async () => {
    const cases: Array<[string, string, string]> = [
      ['', '', 'file_empty'],
      ['Firma;PLZ\r\n', '', 'file_empty'],
      ['Müller GmbH;40210\r\nMeyer;58095\r\n', '', 'file_no_header'],
      ['Firma;PLZ;Ort\r\nMeyer;40210;Düsseldorf\r\n', '&delimiter=comma', 'file_wrong_delimiter'],
    ];
    for (const [body, extra, code] of cases) {
      const res = await upload(t, dus, `target=places${extra}`, Buffer.from(body), 'text/csv');
      expect(res.statusCode, body).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().detail).toBeTruthy();
    }
    const wrong = await upload(t, dus, 'target=places&delimiter=comma', Buffer.from('Firma;PLZ\nA;40210\n'));
    expect(wrong.json()).toMatchObject({ delimiter: 'comma', suggestedDelimiter: 'semicolon', columns: 2 });
  });

  it('refuses a file larger than IMPORT_MAX_BYTES with 413', async () => {
    const small = await createTestApp({ IMPORT_MAX_BYTES: '2048' });
    try {
      const c = await small.client(DEMO.counsellor);
      const res = await upload(
        small,
        c,
        'target=companies',
        Buffer.from(`Firma\n${'x'.repeat(4000)}\n`),
        'text/csv',
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });
});

describe('dry run', () => {
  it('lists every invalid row with row number, field, column and a localised reason', async () => {
    const job = await uploadJob(
      t,
      dus,
      'target=places',
      csv([
        HEADER,
        ['Yıldız Döner', '58095', 'Hagen', 'Koch/Köchin', 1, germanDate(120), 'Ausbildung', 'A2', 'nein'],
        [
          'Yıldız Döner',
          '58095',
          'Hagen',
          'Elektronikr für Betriebstechnik',
          0,
          germanDate(120),
          'Ausbildung',
          '',
          '',
        ],
        [
          'Meyer KG',
          '99999',
          'Nirgendwo',
          'Friseur/-in',
          -2,
          germanDate(-30),
          'Praktikum',
          'B7',
          'vielleicht',
        ],
        ['Meyer KG', '1067', 'Dresden', 'EQ Friseur', 1, '31.02.2027', 'Ausbildung', '', ''],
        ['', '40210', '', '', 1, '2027-08-01', 'EQ', '', ''],
      ]),
    );
    const res = await dryRun(dus, job);
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json().job;
    expect(checked.status).toBe('invalid');
    expect(checked.processedRows).toBe(5);
    expect(checked.validRows).toBe(1);
    const errors = checked.errors.map((e: Json) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [3, 'occupation', 'unknown_occupation'],
      [3, 'seats', 'seats_not_positive'],
      [4, 'postcode', 'unknown_postcode'],
      [4, 'seats', 'seats_not_positive'],
      [4, 'startsOn', 'starts_in_past'],
      [4, 'minGermanLevel', 'unknown_value'],
      [4, 'drivingLicenceRequired', 'not_a_boolean'],
      [5, 'occupation', 'occupation_not_recognised'],
      [5, 'startsOn', 'impossible_date'],
      [6, 'companyName', 'required'],
      [6, 'occupation', 'occupation_required'],
    ]);
    const unknown = checked.errors[0];
    expect(unknown.column).toBe('Beruf');
    expect(unknown.value).toBe('Elektronikr für Betriebstechnik');
    expect(unknown.suggestion).toEqual({
      id: 'elektroniker-fuer-betriebstechnik',
      name: 'Elektroniker/-in für Betriebstechnik',
    });
    expect(unknown.message).toBe(
      'Den Ausbildungsberuf „Elektronikr für Betriebstechnik“ kennen wir nicht. Meinten Sie „Elektroniker/-in für Betriebstechnik“?',
    );
    expect(checked.errors[4].message).toContain('nicht in der Vergangenheit');
    // The padded postcode of row 5 is a warning, not an error.
    expect(checked.warnings.map((w: Json) => [w.row, w.code])).toContainEqual([5, 'postcode_padded']);

    dus.lang = 'en';
    const english = (await dus.get(`/api/imports/${job.id}`)).json().job;
    dus.lang = 'de';
    expect(english.errors[0].message).toBe(
      'We do not know the training occupation “Elektronikr für Betriebstechnik”. Did you mean “Elektroniker/-in für Betriebstechnik”?',
    );
    expect(english.errors[1].message).toBe('The number of seats must be at least 1.');

    // Commit is refused while invalid rows exist.
    const refused = await commit(dus, english);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('import_not_validated');
  });

  it('accepts German labels, Excel serial dates and yes/no spellings', async () => {
    const file = csv([
      [
        'Betrieb',
        'Postleitzahl',
        'Ausbildungsberuf',
        'Anzahl',
        'Eintrittsdatum',
        'Art',
        'Führerschein',
        'Status',
        'Veröffentlicht',
        'Schulabschluss',
      ],
      [
        'Salon Aydın',
        '40210',
        'Friseurin',
        '1',
        '47331',
        'Ausbildung',
        'Klasse B',
        'offen',
        'x',
        'Hauptschulabschluss',
      ],
      [
        'Salon Aydın',
        '40210',
        'EQ Friseurhandwerk',
        '2',
        '2027-09-01',
        'Einstiegsqualifizierung',
        '0',
        'frei',
        'nein',
        '',
      ],
      [
        'Salon Aydın',
        '40210',
        'Friseur (m/w/d)',
        '1',
        '01.08.27',
        'Praktikum',
        'nein',
        'besetzt',
        'ja',
        'MSA',
      ],
    ]);
    const job = await uploadJob(t, dus, 'target=places', file);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.errors).toEqual([]);
    expect(checked.status).toBe('validated');
    const done = (await commit(dus, checked)).json().job;
    expect(done.status).toBe('committed');
    const places = await t.handle.db
      .selectFrom('training_place')
      .where('import_job_id', '=', job.id)
      .select([
        'kind',
        'occupation_id',
        'seats',
        sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on'),
        'duration_months',
        'driving_licence_required',
        'status',
        'published',
        'min_school_qualification',
        'source',
      ])
      .orderBy('created_at')
      .orderBy('seats')
      .execute();
    expect(places).toEqual(
      expect.arrayContaining([
        {
          kind: 'apprenticeship',
          occupation_id: 'friseur',
          seats: 1,
          starts_on: '2029-08-01',
          duration_months: 36,
          driving_licence_required: true,
          status: 'open',
          published: true,
          min_school_qualification: 'esa',
          source: 'csv',
        },
        {
          kind: 'entry_qualification',
          occupation_id: 'eq-friseur',
          seats: 2,
          starts_on: '2027-09-01',
          duration_months: 12,
          driving_licence_required: false,
          status: 'open',
          published: false,
          min_school_qualification: null,
          source: 'csv',
        },
        {
          kind: 'internship',
          occupation_id: 'friseur',
          seats: 1,
          starts_on: '2027-08-01',
          duration_months: null,
          driving_licence_required: false,
          status: 'filled',
          published: true,
          min_school_qualification: 'msa',
          source: 'csv',
        },
      ]),
    );
    expect(places).toHaveLength(3);
  });

  it('refuses a mapping that names an unknown column or leaves a required field out', async () => {
    const job = await uploadJob(
      t,
      dus,
      'target=places',
      csv([HEADER, ['A', '40210', '', 'Koch', 1, '', '', '', '']]),
    );
    const res = await dryRun(dus, job, { companyName: 'Gibt es nicht', postcode: 'PLZ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_mapping');
    expect(res.json().errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['body.mapping.companyName', 'unknown_column'],
    ]);
    const missing = await dryRun(dus, job, { postcode: 'PLZ' });
    expect(missing.json().errors.map((e: Json) => e.code)).toEqual(['required']);
    const stale = await c409(job);
    expect(stale).toBe('conflict');
  });
});

async function c409(job: Json): Promise<string> {
  const ok = await dryRun(dus, job);
  expect(ok.statusCode).toBe(200);
  const again = await dryRun(dus, job); // the version read before the first run is stale now
  expect(again.statusCode).toBe(409);
  return again.json().code;
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
        germanDate(100),
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
      duplicatesSkipped: null,
    });
    expect(await countOfJob('training_place', job.id)).toBe(30);
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
    await sql`CREATE FUNCTION test_fail_place() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Absturz' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$`.execute(
      t.handle.db,
    );
    await sql`CREATE TRIGGER test_fail_place BEFORE INSERT ON training_place FOR EACH ROW EXECUTE FUNCTION test_fail_place()`.execute(
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
          germanDate(90),
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
      await sql`DROP TRIGGER test_fail_place ON training_place`.execute(t.handle.db);
      await sql`DROP FUNCTION test_fail_place()`.execute(t.handle.db);
    }
  });
});
