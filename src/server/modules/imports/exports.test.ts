import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, readXlsx, type TabularData } from '../../platform/tabular/index';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { commit, csv, dryRun, germanDate, importFile, type Json, upload } from './imports.fixture';

let t: TestApp;
let dus: TestClient;
let hagen: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  dus = await t.client(DEMO.counsellor);
  hagen = await t.client(DEMO.counsellorHagen);
});
afterAll(() => t.close());

/** Downloads an export (raw bytes) and checks it is sent as an attachment. */
async function download(c: TestClient, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="[a-z]+-\d{4}-\d{2}-\d{2}\.(csv|xlsx)"$/,
  );
  return { res, bytes: res.rawPayload };
}

/** Rows of a table as text, for comparing two exports. */
const texts = (table: TabularData) =>
  table.rows.map((r) =>
    r.cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''))),
  );

const PLACES = [
  [
    'Firmenname',
    'PLZ',
    'Ort',
    'Straße',
    'Art',
    'Beruf',
    'Titel',
    'Beschreibung',
    'Plätze',
    'Beginn',
    'Dauer (Monate)',
    'Schulabschluss',
    'Deutschniveau',
    'Führerschein',
    'Sprachförderung',
    'Status',
    'Veröffentlicht',
    'Referenznummer',
  ],
  [
    'Rundreise Test GmbH',
    '40210',
    'Düsseldorf',
    'Königsallee 1',
    'Ausbildung',
    'Koch/Köchin',
    'Koch; Schwerpunkt Grill',
    'Zeile 1\nZeile 2 mit "Zitat"',
    2,
    germanDate(250),
    36,
    'Erster Schulabschluss',
    'B1',
    'ja',
    'ja',
    'offen',
    'ja',
    'RT-1',
  ],
  [
    'Rundreise Test GmbH',
    '40210',
    'Düsseldorf',
    '',
    'Einstiegsqualifizierung',
    'EQ Gastronomie und Hotel',
    '',
    '',
    1,
    germanDate(100),
    9,
    '',
    'A2',
    'nein',
    'ja',
    'offen',
    'nein',
    'RT-2',
  ],
  [
    'Rundreise Zwei KG',
    '01067',
    'Dresden',
    '',
    'Praktikum',
    '',
    '=Formel',
    '',
    1,
    '',
    '',
    'MSA',
    '',
    '',
    '',
    'besetzt',
    '',
    '',
  ],
];

describe('exports', () => {
  it('exports places as CSV for German Excel (UTF-8 BOM, ;, German headers) with the list filters', async () => {
    await importFile(t, dus, 'target=places', csv(PLACES));
    const { res, bytes } = await download(dus, '/api/exports/places?format=csv&q=Rundreise');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Firmenname;Art;Beruf;Titel;Beschreibung;Plätze;Beginn;Dauer (Monate);PLZ;Ort;Straße;Schulabschluss;Deutschniveau;Führerschein;Sprachförderung;Status;Veröffentlicht;Referenznummer;Ansprechperson',
    );
    const table = readCsv(bytes);
    expect(table.rows).toHaveLength(3);
    const koch = table.rows.find((r) => r.cells[17] === 'RT-1')?.cells;
    expect(koch?.slice(0, 8)).toEqual([
      'Rundreise Test GmbH',
      'Ausbildung',
      'Koch/Köchin',
      'Koch; Schwerpunkt Grill',
      'Zeile 1\nZeile 2 mit "Zitat"',
      '2',
      germanDate(250),
      '36',
    ]);
    // Text that Excel would run as a formula is guarded.
    expect(table.rows.some((r) => r.cells[3] === "'=Formel")).toBe(true);
    // Another office's export does not contain them.
    const theirs = (await download(hagen, '/api/exports/places?format=csv&q=Rundreise')).bytes;
    expect(theirs.subarray(3).toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('round-trips places through XLSX: export, import elsewhere, export again gives the same rows', async () => {
    const first = await download(dus, '/api/exports/places?format=xlsx&q=Rundreise');
    expect(first.res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const exported = await readXlsx(first.bytes);
    const up = await upload(t, hagen, 'target=places&fileName=plaetze.xlsx', first.bytes);
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json().job;
    expect(job.format).toBe('xlsx');
    expect(Object.keys(job.suggestedMapping)).toEqual([
      'companyName',
      'kind',
      'occupation',
      'title',
      'description',
      'seats',
      'startsOn',
      'durationMonths',
      'postcode',
      'place',
      'street',
      'minSchoolQualification',
      'minGermanLevel',
      'drivingLicenceRequired',
      'languageSupport',
      'status',
      'published',
      'externalRef',
    ]);
    const checked = (await dryRun(hagen, job)).json().job;
    expect(checked.errors).toEqual([]);
    expect((await commit(hagen, checked)).json().job.status).toBe('committed');
    const again = await readXlsx(
      (await download(hagen, '/api/exports/places?format=xlsx&q=Rundreise')).bytes,
    );
    expect(again.headers).toEqual(exported.headers);
    const sort = (rows: string[][]) =>
      [...rows].sort(
        (a, b) => (a[17] ?? '').localeCompare(b[17] ?? '') || (a[0] ?? '').localeCompare(b[0] ?? ''),
      );
    expect(sort(texts(again))).toEqual(sort(texts(exported)));
    // Dates travel as real Excel dates.
    expect(exported.rows.some((r) => r.cells[6] instanceof Date)).toBe(true);
  });

  it('exports companies with German labels and reads them back', async () => {
    await importFile(
      t,
      dus,
      'target=companies',
      csv([
        [
          'Firmenname',
          'Branche',
          'PLZ',
          'Kammer',
          'Migrationshintergrund',
          'Sprachen',
          'Ausbildungsberechtigung',
          'Phase',
          'Akquise',
          'Schlagworte',
        ],
        [
          'Exporttest Sanitär GmbH',
          'F',
          '40210',
          'HWK',
          'ja',
          'tr, ku',
          'in Vorbereitung',
          'kontaktiert',
          'Empfehlung',
          'SHK, neu',
        ],
      ]),
    );
    const { res, bytes } = await download(dus, '/api/exports/companies?format=csv&q=Exporttest');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const table = readCsv(bytes);
    expect(table.rows).toHaveLength(1);
    const row = Object.fromEntries(table.headers.map((h, i) => [h, table.rows[0]?.cells[i]]));
    expect(row).toMatchObject({
      Firmenname: 'Exporttest Sanitär GmbH',
      'Branche (WZ)': 'F – Baugewerbe',
      PLZ: '40210',
      Kammer: 'HWK',
      'Migrationshintergrund Inhaber/in': 'ja',
      'Sprachen Inhaber/in': 'Türkisch, Kurdisch',
      Ausbildungsberechtigung: 'in Vorbereitung',
      Phase: 'Kontaktiert',
      Akquise: 'Persönliche Empfehlung',
      Schlagworte: 'SHK, neu',
    });
    const xlsx = (await download(dus, '/api/exports/companies?format=xlsx&q=Exporttest')).bytes;
    const up = await upload(t, hagen, 'target=companies', xlsx);
    const checked = (await dryRun(hagen, up.json().job)).json().job as Json;
    expect(checked.errors).toEqual([]);
    expect(checked.status).toBe('validated');
  });
});
