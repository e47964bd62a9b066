import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { csv, dryRun, germanDate, importFile, type Json, upload, uploadJob } from './imports.fixture';

/** Findings of the fresh-user test of issue 5 (row shape, towns, Excel errors, duplicates, wrong bodies). */

let t: TestApp;
let dus: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  dus = await t.client(DEMO.counsellor);
});
afterAll(() => t.close());

const codes = (issues: Json[]) => issues.map((i: Json) => [i.row, i.field, i.code]);

describe('row shape', () => {
  it('refuses a CSV row with more cells than the header and warns of one with fewer', async () => {
    const job = await uploadJob(
      t,
      dus,
      'target=companies',
      'Firmenname;PLZ;Ort\nZu wenig\nZu viel;40210;Düsseldorf;extra;extra2\n',
    );
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('invalid');
    expect(codes(checked.errors)).toEqual([[3, null, 'row_too_many_cells']]);
    expect(checked.errors[0].message).toContain('5 Zellen');
    expect(checked.errors[0].message).toContain('3 Spalten');
    expect(codes(checked.warnings)).toContainEqual([2, null, 'row_too_few_cells']);
    dus.lang = 'en';
    const english = (await dus.get(`/api/imports/${job.id}`)).json().job;
    dus.lang = 'de';
    expect(english.errors[0].message).toContain('5 cells');
  });
});

describe('towns', () => {
  it('gives an imported place (and its new company) the town of its postcode when the row has none', async () => {
    const job = await importFile(
      t,
      dus,
      'target=places',
      csv([
        ['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn'],
        ['Ortlos Bäckerei', '40210', 'Bäcker/-in', 1, germanDate(90)],
      ]),
    );
    const place = await t.handle.db
      .selectFrom('training_place')
      .innerJoin('company', 'company.id', 'training_place.company_id')
      .where('training_place.import_job_id', '=', job.id)
      .select(['training_place.place as town', 'company.place as companyTown'])
      .executeTakeFirstOrThrow();
    expect(place).toEqual({ town: 'Düsseldorf', companyTown: 'Düsseldorf' });
  });
});

describe('Excel error cells', () => {
  it('makes an error cell of a mapped column a row error naming the error', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Betriebe');
    ws.addRow(['Firmenname', 'PLZ', 'Ort', 'Mitarbeitende']);
    ws.addRow(['Fehler GmbH', '40210', 'Düsseldorf', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    ws.addRow(['Gut GmbH', '40210', 'Düsseldorf', 5]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await uploadJob(t, dus, 'target=companies', bytes);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('invalid');
    expect(codes(checked.errors)).toEqual([[2, 'employees', 'cell_error']]);
    expect(checked.errors[0].column).toBe('Mitarbeitende');
    expect(checked.errors[0].message).toContain('#DIV/0!');
  });
});

describe('duplicate places', () => {
  it('warns of rows that repeat a place of the office or an earlier row of the file', async () => {
    const start = germanDate(95);
    const rows = [
      ['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn'],
      ['Doppel Bäckerei', '40210', 'Bäcker/-in', 1, start],
      ['Doppel Bäckerei', '40210', 'Koch/Köchin', 1, start],
    ];
    const first = await importFile(t, dus, 'target=places', csv(rows));
    expect(first.status).toBe('committed');
    const again = await uploadJob(
      t,
      dus,
      'target=places',
      csv([
        ...rows,
        ['Doppel Bäckerei', '40210', 'Friseur/-in', 1, start],
        ['Doppel Bäckerei', '40210', 'Friseur/-in', 2, start],
      ]),
    );
    const checked = (await dryRun(dus, again)).json().job;
    expect(checked.status).toBe('validated');
    const dupes = checked.warnings
      .filter((w: Json) => w.code.startsWith('place_duplicate'))
      .map((w: Json) => [w.row, w.code]);
    expect(dupes).toEqual([
      [2, 'place_duplicate_existing'],
      [3, 'place_duplicate_existing'],
      [5, 'place_duplicate_in_file'],
    ]);
    expect(
      checked.warnings.find((w: Json) => w.row === 5 && w.code === 'place_duplicate_in_file').message,
    ).toContain('Zeile 4');

    // Committing with the default policy (skip) leaves the three repeated rows out.
    const before = await placeCount('Doppel Bäckerei');
    const done = await dus.post(`/api/imports/${checked.id}/commit`, { version: checked.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().job.result).toMatchObject({ imported: 1, duplicatesSkipped: 3 });
    expect(await placeCount('Doppel Bäckerei')).toBe(before + 1);
  });
});

/** Places of the Düsseldorf office whose company is called `name`. */
async function placeCount(name: string): Promise<number> {
  const row = await t.handle.db
    .selectFrom('training_place as p')
    .innerJoin('company as c', 'c.id', 'p.company_id')
    .where('c.name', '=', name)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('wrong bodies', () => {
  it('answers a JSON body to the table upload and a non-BA object to the BA upload clearly', async () => {
    const json = await dus.post('/api/imports?target=places', { stellenangebote: [] });
    expect(json.statusCode, json.body).toBe(400);
    expect(json.json().code).toBe('file_not_table');
    expect(json.json().title).toContain('keine CSV- oder Excel-Datei');
    const raw = await upload(
      t,
      dus,
      'target=places',
      Buffer.from('{"foo":1}', 'utf8'),
      'application/octet-stream',
    );
    expect(raw.json().code).toBe('file_not_table');
    const ba = await dus.post('/api/imports/ba', { foo: 1 });
    expect(ba.statusCode, ba.body).toBe(400);
    expect(ba.json().code).toBe('ba_format');
    // An empty search is still a job-search answer (no offers: file_empty).
    const empty = await dus.post('/api/imports/ba', { maxErgebnisse: '0', page: '1', size: '25' });
    expect(empty.json().code).toBe('file_empty');
  });
});

describe('wording', () => {
  it('calls the dry run "Prüflauf" in every German message, as the UI does', async () => {
    const de = readFileSync(new URL('../../../locales/de.json', import.meta.url), 'utf8');
    expect(de).not.toContain('Probelauf');
    const job = await uploadJob(t, dus, 'target=companies', 'Firmenname;PLZ\nWort GmbH;40210\n');
    const refused = await dus.post(`/api/imports/${job.id}/commit`, { version: job.version });
    expect(refused.json().code).toBe('import_not_validated');
    expect(refused.json().title).toContain('Prüflauf');
  });
});

const todayBerlin = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

describe('companies that declined or went inactive', () => {
  it('refuses new places for them as the form does (row error, nothing committed), until they are back in the pipeline', async () => {
    const created = await dus.post('/api/companies', { name: 'Absage Autohaus', postcode: '40211' });
    expect(created.statusCode, created.body).toBe(201);
    const company = created.json().company;
    const declined = await dus.post(`/api/companies/${company.id}/stage`, {
      to: 'declined',
      on: todayBerlin(),
      reason: 'Kein Bedarf',
      version: company.version,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const file = csv([
      ['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn'],
      ['Neue Bäckerei Import', '40210', 'Bäcker/-in', 1, germanDate(90)],
      ['Absage Autohaus', '40211', 'Kraftfahrzeugmechatroniker/-in', 2, germanDate(90)],
    ]);
    const job = await uploadJob(t, dus, 'target=places', file);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('invalid');
    expect(codes(checked.errors)).toEqual([[3, 'companyName', 'company_not_active']]);
    expect(checked.errors[0].message).toContain('Absage Autohaus');
    expect(checked.validRows).toBe(1);
    const refused = await dus.post(`/api/imports/${job.id}/commit`, { version: checked.version });
    expect(refused.statusCode).toBe(409);
    const placesOf = (companyId: string) =>
      t.handle.db.selectFrom('training_place').select('id').where('company_id', '=', companyId).execute();
    expect(await placesOf(company.id)).toHaveLength(0);

    // Back in the pipeline: the same file imports.
    const back = await dus.post(`/api/companies/${company.id}/stage`, {
      to: 'contacted',
      on: todayBerlin(),
      version: declined.json().company.version,
    });
    expect(back.statusCode, back.body).toBe(200);
    await importFile(t, dus, 'target=places', file);
    expect(await placesOf(company.id)).toHaveLength(1);
  });

  it('refuses the commit when the company declined between the dry run and the commit', async () => {
    const created = await dus.post('/api/companies', { name: 'Später Absage GmbH', postcode: '40212' });
    const company = created.json().company;
    const file = csv([
      ['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn'],
      ['Später Absage GmbH', '40212', 'Koch/Köchin', 1, germanDate(90)],
    ]);
    const job = await uploadJob(t, dus, 'target=places', file);
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('validated');
    const declined = await dus.post(`/api/companies/${company.id}/stage`, {
      to: 'declined',
      on: todayBerlin(),
      reason: 'Doch kein Bedarf',
      version: company.version,
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const refused = await dus.post(`/api/imports/${job.id}/commit`, { version: checked.version });
    expect(refused.statusCode).toBe(409);
    const after = (await dus.get(`/api/imports/${job.id}`)).json().job;
    expect(after.status).toBe('invalid');
    expect(codes(after.errors)).toEqual([[2, 'companyName', 'company_not_active']]);
    const places = await t.handle.db
      .selectFrom('training_place')
      .select('id')
      .where('company_id', '=', company.id)
      .execute();
    expect(places).toHaveLength(0);
  });
});
