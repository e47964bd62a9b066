import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { commit, csv, dryRun, germanDate, type Json, upload, uploadJob } from './imports.fixture';

let t: TestApp;
let dus: TestClient;
let _hagen: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  dus = await t.client(DEMO.counsellor);
  _hagen = await t.client(DEMO.counsellorHagen);
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

async function _countOfJob(table: 'company' | 'training_place', jobId: string): Promise<number> {
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

  it('takes the file with any content type (text/csv, text/plain, octet-stream, xlsx, none) and sniffs the format', async () => {
    const body = Buffer.from(
      csv([
        ['Firmenname', 'PLZ'],
        ['Typtest GmbH', '40210'],
      ]),
    );
    for (const type of [
      'text/csv; charset=windows-1252',
      'text/plain',
      'application/octet-stream',
      undefined,
    ]) {
      const res = await upload(t, dus, 'target=companies', body, type);
      expect(res.statusCode, String(type)).toBe(201);
      expect(res.json().job.format).toBe('csv');
    }
    // The bytes decide, not the declared type.
    const declared = await upload(
      t,
      dus,
      'target=companies',
      body,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect([declared.statusCode, declared.json().job.format]).toEqual([201, 'csv']);
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
