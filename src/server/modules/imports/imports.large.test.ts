import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { csv, germanDate, importFile } from './imports.fixture';

/** Rows of the end-to-end import (issue 5: "Importing a 50,000-row place file completes"). */
const ROWS = 50_000;

let t: TestApp;
let dus: TestClient;
beforeAll(async () => {
  t = await createTestApp({ IMPORT_MAX_BYTES: String(32 * 1024 * 1024) });
  dus = await t.client(DEMO.counsellor);
});
afterAll(() => t.close());

it(`imports a ${ROWS.toLocaleString('en-US')}-row place file end to end and every row arrives`, {
  timeout: 120_000,
}, async () => {
  const occupations = [
    'Koch/Köchin',
    'Bäcker/-in',
    'Friseur/-in',
    'Fachkraft für Lagerlogistik',
    'Verkäufer/-in',
  ];
  const postcodes = ['40210', '58095', '01067', '80331', '10115'];
  const rows: Array<Array<string | number>> = [['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn']];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `Großimport ${i % 1_000}`,
      postcodes[i % 5] as string,
      occupations[i % 5] as string,
      1 + (i % 3),
      germanDate(60 + Math.floor(i / 1_000)),
    ]);
  }
  const job = await importFile(t, dus, 'target=places&fileName=gross.csv', csv(rows));
  expect(job.status).toBe('committed');
  expect(job.result).toMatchObject({ imported: ROWS, companiesCreated: 1_000 });
  const count = await t.handle.db
    .selectFrom('training_place')
    .where('import_job_id', '=', job.id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBe(ROWS);
});
