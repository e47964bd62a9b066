import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TOccupation } from '../../../../contracts/reference';
import { AppError } from '../../../platform/errors';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../../test/test-app';
import { companyNameKey } from '../../companies/index';
import { type CheckedPlaces, checkPlaceRows } from '../check.places';
import { commit, dryRun, type Json } from '../imports.fixture';
import { OccupationMatcher } from '../imports.occupations';
import { searchTrainingPlaces } from './ba.client';
import { BA_MAPPING, baTable } from './ba.mapper';
import { type TBaSearchResponse, ZBaSearchResponse } from './ba.schema';

const sample = (name: string): TBaSearchResponse =>
  ZBaSearchResponse.parse(
    JSON.parse(readFileSync(new URL(`./samples/${name}.json`, import.meta.url), 'utf8')),
  );
const PAGE_1 = sample('ausbildung-duesseldorf-seite-1');
const PAGE_2 = sample('ausbildung-duesseldorf-seite-2');
const DRESDEN = sample('ausbildung-dresden-unbekannter-beruf');

/** Reference data without a database: the occupation list and the GeoNames postcodes of `data/`. */
const occupations = JSON.parse(
  readFileSync(new URL('../../../../../data/occupations.json', import.meta.url), 'utf8'),
) as TOccupation[];
const postcodes = new Set(
  readFileSync(new URL('../../../../../data/postcodes-geonames/zipcodes.de.csv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1] ?? ''),
);

/** Maps pages through the BA table and the place checks, as a BA import does. */
async function mapPages(pages: TBaSearchResponse[]): Promise<CheckedPlaces> {
  const table = baTable(pages);
  const columns = new Map(Object.entries(BA_MAPPING).map(([f, h]) => [f, table.headers.indexOf(h)]));
  return checkPlaceRows(table, columns, {
    source: 'ba',
    today: '2026-11-30',
    postcodes,
    occupations: new OccupationMatcher(null, occupations),
    nameKey: companyNameKey,
  });
}

const companyOf = (m: CheckedPlaces, key: string) => m.companies.get(key)?.company;

describe('BA job-search mapper', () => {
  it('maps occupation, location, start date and employer of every offer of page 1', async () => {
    const m = await mapPages([PAGE_1]);
    expect(m.errors).toEqual([]);
    expect(m.places.map((p) => p.row)).toEqual([1, 2, 3, 4]);
    const [a, b, c, d] = m.places.map((p) => p.place);
    expect(a).toEqual({
      kind: 'apprenticeship',
      occupationId: 'elektroniker-energie-und-gebaeudetechnik',
      title: 'Ausbildung Elektroniker für Energie- und Gebäudetechnik (m/w/d) 2027',
      description: null,
      seats: 1,
      startsOn: '2027-08-01',
      durationMonths: 42,
      postcode: '40210',
      place: 'Düsseldorf',
      street: 'Graf-Adolf-Straße 112',
      minSchoolQualification: null,
      minGermanLevel: null,
      drivingLicenceRequired: false,
      languageSupport: false,
      status: 'open',
      published: false,
      source: 'ba',
      externalRef: '10001-1001234567-S',
    });
    expect([b?.occupationId, b?.postcode, b?.place, b?.street, b?.startsOn, b?.externalRef]).toEqual([
      'kaufmann-fuer-bueromanagement',
      '40476',
      'Düsseldorf',
      'Münsterstraße 330',
      '2027-09-01',
      '10001-1001234568-S',
    ]);
    expect([c?.occupationId, c?.postcode, c?.place, c?.street, c?.startsOn]).toEqual([
      'koch',
      '40233',
      'Düsseldorf',
      null,
      '2027-08-01',
    ]);
    expect([d?.occupationId, d?.postcode, d?.startsOn, d?.durationMonths]).toEqual([
      'fachinformatiker-anwendungsentwicklung',
      '40549',
      '2027-08-01',
      36,
    ]);
    // Employers become companies (stage "offering"), keyed by name key and the place's postcode.
    expect(m.places.map((p) => p.companyKey)).toEqual([
      'elektroyilmaz|40210',
      'steuerkanzleioeztuerkundpartnermbb|40476',
      'restaurantbosporus|40233',
      'rheinsoftware|40549',
    ]);
    expect(companyOf(m, 'elektroyilmaz|40210')).toMatchObject({
      name: 'Elektro Yılmaz GmbH',
      postcode: '40210',
      place: 'Düsseldorf',
      street: 'Graf-Adolf-Straße 112',
      stage: 'offering',
    });
    expect(companyOf(m, 'steuerkanzleioeztuerkundpartnermbb|40476')?.name).toBe(
      'Steuerkanzlei Öztürk & Partner mbB',
    );
  });

  it('numbers the offers of several pages on, and maps a missing or integer postcode', async () => {
    const m = await mapPages([PAGE_1, PAGE_2]);
    expect(m.errors).toEqual([]);
    expect(m.places.map((p) => p.row)).toEqual([1, 2, 3, 4, 5, 6]);
    const [salon, baeckerei] = m.places.slice(4).map((p) => p.place);
    expect([salon?.occupationId, salon?.postcode, salon?.place, salon?.startsOn]).toEqual([
      'friseur',
      null,
      'Düsseldorf',
      '2027-08-15',
    ]);
    expect(m.warnings.map((w) => [w.row, w.code])).toEqual([[5, 'postcode_missing']]);
    expect(companyOf(m, 'salonaydin|')).toMatchObject({
      name: 'Salon Aydın',
      postcode: null,
      place: 'Düsseldorf',
    });
    expect([baeckerei?.occupationId, baeckerei?.postcode, baeckerei?.street]).toEqual([
      'verkaeufer',
      '40217',
      'Friedrichstraße 6',
    ]);
    expect(companyOf(m, 'baeckereimueller|40217')?.name).toBe('Bäckerei Müller');
  });

  it('pads postcodes typed as integers, strips a specialisation and reports an unknown occupation', async () => {
    const m = await mapPages([DRESDEN]);
    expect(m.errors.map((e) => [e.row, e.field, e.code, e.value])).toEqual([
      [1, 'occupation', 'unknown_occupation', 'Erzieher/in'],
    ]);
    // Pflegefachmann/-frau (PflBG, outside BBiG/HwO) is on the occupation list.
    const [offer] = DRESDEN.stellenangebote ?? [];
    if (!offer) throw new Error('sample without offers');
    const pflege = await mapPages([
      { ...DRESDEN, stellenangebote: [{ ...offer, beruf: 'Pflegefachmann/-frau' }] },
    ]);
    expect(pflege.errors).toEqual([]);
    expect(pflege.places[0]?.place.occupationId).toBe('pflegefachmann');
    const kfz = m.places[0];
    expect(kfz?.row).toBe(2);
    expect([kfz?.place.occupationId, kfz?.place.postcode, kfz?.place.place, kfz?.place.startsOn]).toEqual([
      'kraftfahrzeugmechatroniker',
      '01237',
      'Dresden',
      '2027-08-01',
    ]);
    expect(companyOf(m, 'autohausnowak|01237')?.name).toBe('Autohaus Nowak e.K.');
  });
});

describe('BA import through the API', () => {
  let t: TestApp;
  let dus: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
  });
  afterAll(() => t.close());

  const placesOf = (refs: string[]) =>
    t.handle.db
      .selectFrom('training_place')
      .where('external_ref', 'in', refs)
      .select(['external_ref', 'source', 'occupation_id', 'postcode', 'title', 'version'])
      .select((eb) => eb.fn<string>('to_char', [eb.ref('starts_on'), eb.val('YYYY-MM-DD')]).as('starts_on'))
      .orderBy('external_ref')
      .execute();

  it('imports two saved pages, then updates the places of a re-imported page instead of duplicating them', async () => {
    const up = await dus.post('/api/imports/ba?fileName=duesseldorf.json', [PAGE_1, PAGE_2]);
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json().job;
    expect(job).toMatchObject({ target: 'places', format: 'ba', fileName: 'duesseldorf.json', totalRows: 6 });
    expect(job.sampleRows[0]).toEqual(expect.arrayContaining(['10001-1001234567-S', 'Elektro Yılmaz GmbH']));
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('validated');
    expect(checked.warnings.filter((w: Json) => w.code === 'company_will_be_created')).toHaveLength(6);
    const done = (await commit(dus, checked)).json().job;
    expect(done.result).toMatchObject({ imported: 6, companiesCreated: 6, placesUpdated: 0 });
    const refs = (PAGE_1.stellenangebote ?? []).map((o) => o.refnr);
    expect(
      (await placesOf(refs)).map((p) => [p.external_ref, p.source, p.occupation_id, p.postcode]),
    ).toEqual([
      ['10001-1001234567-S', 'ba', 'elektroniker-energie-und-gebaeudetechnik', '40210'],
      ['10001-1001234568-S', 'ba', 'kaufmann-fuer-bueromanagement', '40476'],
      ['10001-1001234569-S', 'ba', 'koch', '40233'],
      ['10001-1001234570-S', 'ba', 'fachinformatiker-anwendungsentwicklung', '40549'],
    ]);

    // Meanwhile the counsellor fills the first place, publishes nothing and sets 3 seats.
    const [firstPlace] = await t.handle.db
      .selectFrom('training_place')
      .where('external_ref', '=', refs[0] as string)
      .select(['id', 'version'])
      .execute();
    const edit = await dus.patch(`/api/places/${firstPlace?.id}`, {
      version: firstPlace?.version,
      status: 'filled',
      seats: 3,
    });
    expect(edit.statusCode, edit.body).toBe(200);

    // The same search a week later: one start date and one title changed.
    const later = structuredClone(PAGE_1);
    const first = later.stellenangebote?.[0] as Json;
    first.eintrittsdatum = '2027-09-01';
    first.titel = 'Ausbildung Elektroniker/in EGT – noch 1 Platz frei';
    const again = (await dus.post('/api/imports/ba', later)).json().job;
    const rechecked = (await dryRun(dus, again)).json().job;
    expect(rechecked.warnings.map((w: Json) => [w.row, w.code])).toEqual([
      [1, 'place_will_be_updated'],
      [2, 'place_will_be_updated'],
      [3, 'place_will_be_updated'],
      [4, 'place_will_be_updated'],
    ]);
    const updated = (await commit(dus, rechecked)).json().job;
    expect(updated.result).toMatchObject({ imported: 4, companiesCreated: 0, placesUpdated: 4 });
    const after = await placesOf(refs);
    expect(after).toHaveLength(4);
    expect(after[0]).toMatchObject({
      starts_on: '2027-09-01',
      title: 'Ausbildung Elektroniker/in EGT – noch 1 Platz frei',
    });
    // The re-import refreshes the offer but never reopens a filled place or resets the seats.
    const kept = await t.handle.db
      .selectFrom('training_place')
      .where('external_ref', '=', refs[0] as string)
      .select(['status', 'seats'])
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ status: 'filled', seats: 3 });
    expect(after[0]?.version).toBeGreaterThan(1);
  });

  it('lists an unknown occupation of a saved response with the nearest one as suggestion', async () => {
    const job = (await dus.post('/api/imports/ba', DRESDEN)).json().job;
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('invalid');
    const [error] = checked.errors;
    expect(error).toMatchObject({ row: 1, field: 'occupation', column: 'Beruf', code: 'unknown_occupation' });
    expect(error.suggestion).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(error.message).toContain('Erzieher/in');
    expect(error.message).toContain(error.suggestion.name);
  });

  it('refuses a body that is not a job-search response', async () => {
    const res = await dus.post('/api/imports/ba', { stellenangebote: [{ titel: 'ohne refnr' }] });
    expect(res.statusCode).toBe(400);
    const empty = await dus.post('/api/imports/ba', { maxErgebnisse: '0', page: '1', size: '25' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('file_empty');
  });

  it('answers 503 for a live fetch while BA_JOBSUCHE_LIVE is off (the default)', async () => {
    const res = await dus.post('/api/imports/ba/fetch', { was: 'Koch', wo: 'Düsseldorf' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ba_live_disabled');
    expect(res.json().detail).toContain('BA_JOBSUCHE_LIVE');
  });
});

describe('BA job-search client (against a server on 127.0.0.1 only)', () => {
  let server: Server;
  let base: string;
  let mode: 'ok' | 'hang' | 'drop' | 'error' = 'ok';
  const seen: IncomingMessage[] = [];
  let t: TestApp;
  let dus: TestClient;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      if (mode === 'hang') return; // never answers
      if (mode === 'drop') return req.socket.destroy();
      if (mode === 'error') return res.writeHead(500).end('kaputt');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(PAGE_1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jobboerse/jobsuche-service`;
    t = await createTestApp({
      BA_JOBSUCHE_LIVE: 'true',
      BA_JOBSUCHE_URL: base,
      BA_JOBSUCHE_TIMEOUT_MS: '300',
    });
    dus = await t.client(DEMO.counsellor);
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks for training places (angebotsart=4) with the API key and makes a job of the answer', async () => {
    mode = 'ok';
    const res = await dus.post('/api/imports/ba/fetch', {
      was: 'Koch',
      wo: 'Düsseldorf',
      umkreis: 25,
      size: 50,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().job).toMatchObject({ format: 'ba', totalRows: 4 });
    const req = seen.at(-1) as IncomingMessage;
    const url = new URL(req.url ?? '', 'http://x');
    expect(url.pathname).toBe('/jobboerse/jobsuche-service/pc/v4/jobs');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      angebotsart: '4',
      was: 'Koch',
      wo: 'Düsseldorf',
      umkreis: '25',
      page: '1',
      size: '50',
    });
    expect(req.headers['x-api-key']).toBe('jobboerse-jobsuche');
  });

  it('answers 502 with a clear message when the service does not answer in time or drops the connection', async () => {
    for (const m of ['hang', 'drop'] as const) {
      mode = m;
      const res = await dus.post('/api/imports/ba/fetch', { was: 'Koch' });
      expect(res.statusCode, m).toBe(502);
      expect(res.json().code).toBe('ba_unreachable');
      expect(res.json().detail).toContain('nicht erreichbar');
    }
    mode = 'error';
    const bad = await dus.post('/api/imports/ba/fetch', { was: 'Koch' });
    expect([bad.statusCode, bad.json().code]).toEqual([502, 'ba_bad_response']);
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await searchTrainingPlaces(
      { baseUrl: `http://127.0.0.1:${port}`, apiKey: 'jobboerse-jobsuche', timeoutMs: 500 },
      { page: 1, size: 10 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('ba_unreachable');
    expect((err as AppError).status).toBe(502);
  });
});
