import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../test/test-app';
import { DEFAULT_CONFIG } from './config.service';
import { generateDataset, loadGeneratorReference } from './generator/index';
import { insertMatchingConsents, officeIdOf } from './matching.fixture';
import { buildOfficeModel, officeModel } from './matching.loader';
import { interestKeywords } from './matching.text';

/** Milliseconds of `fn`, and its result. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

describe('interest keywords', () => {
  it('splits free text into folded, stemmed keywords without filler words', () => {
    expect(interestKeywords('Autos, Technik und Handwerk; gern mit Holz arbeiten')).toEqual([
      'auto',
      'technik',
      'handwerk',
      'holz',
    ]);
    expect(interestKeywords('Kochen / Tiere / Büro')).toEqual(['koch', 'tier', 'buro']);
    expect(interestKeywords('KldB 26 und 2521, IT')).toEqual(['kldb', '26', '2521']);
    expect(interestKeywords(null)).toEqual([]);
    expect(interestKeywords('Lager Lager lager')).toEqual(['lager']);
  });
});

describe('matching data layer: model per office, cached', () => {
  let t: TestApp;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const opts = (officeId: string) => ({ officeId, today, config: DEFAULT_CONFIG, configVersion: 1 });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('builds the demo office model and serves it from the cache until the data change', async () => {
    const db = t.handle.db;
    const officeId = await officeIdOf(db, 'Düsseldorf');
    const [cold, coldMs] = await timed(() => officeModel(db, opts(officeId)));
    const [warm, warmMs] = await timed(() => officeModel(db, opts(officeId)));
    expect(warm).toBe(cold);
    console.info(
      `demo office Düsseldorf: ${cold.model.clients.n} clients, ${cold.model.places.n} places — ` +
        `load ${cold.loadMs.toFixed(1)} ms + compile ${cold.compileMs.toFixed(1)} ms (request ${coldMs.toFixed(1)} ms); ` +
        `cache hit ${warmMs.toFixed(1)} ms`,
    );
    // Another config version or another day is another model.
    expect(await officeModel(db, { ...opts(officeId), configVersion: 2 })).not.toBe(cold);
    // A write (here: a new client through the API) changes the fingerprint.
    const first = await officeModel(db, opts(officeId));
    const dus = await t.client(DEMO.counsellor);
    const created = await dus.post('/api/clients', { givenNames: 'Cache', familyName: 'Probe' });
    expect(created.statusCode, created.body).toBe(201);
    const after = await officeModel(db, opts(officeId));
    expect(after).not.toBe(first);
    expect(after.clientById.has(created.json().client.id)).toBe(true);
    // A consent given for a future day is not active today, and withdrawing one changes the model too.
    const id = created.json().client.id as string;
    expect(after.clientById.get(id)?.matchingConsent).toBe(false);
  });

  it('builds a model of 5,000 clients and 5,000 places and measures it', async () => {
    const db = t.handle.db;
    const parent = await officeIdOf(db, 'Landesstelle');
    const office = await db
      .insertInto('office')
      .values({
        parent_id: parent,
        kind: 'service_centre',
        name: 'KAUSA Servicestelle Last',
        land_code: '05',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const data = generateDataset(loadGeneratorReference(), {
      seed: 2026,
      clients: 5000,
      places: 5000,
      region: { kreise: ['05'] },
    });
    const chunks = <T>(xs: readonly T[]) =>
      Array.from({ length: Math.ceil(xs.length / 1000) }, (_, i) => xs.slice(i * 1000, i * 1000 + 1000));
    const [, insertMs] = await timed(async () => {
      for (const part of chunks(data.companies))
        await db
          .insertInto('company')
          .values(
            part.map((c) => ({
              id: c.id,
              office_id: office.id,
              name: c.name,
              postcode: c.postcode,
              stage: 'offering',
            })),
          )
          .execute();
      for (const part of chunks(data.places))
        await db
          .insertInto('training_place')
          .values(
            part.map((p) => ({
              id: p.id,
              office_id: office.id,
              company_id: p.companyId,
              kind: p.kind,
              occupation_id: p.occupationId,
              title: p.title,
              seats: p.seats,
              postcode: p.postcode,
              starts_on: p.startsOn,
              min_school_qualification: p.minSchoolQualification,
              min_german_level: p.minGermanLevel,
              language_support: p.languageSupport,
              driving_licence_required: p.drivingLicenceRequired,
              status: p.status,
            })),
          )
          .execute();
      for (const part of chunks(data.clients)) {
        await db
          .insertInto('client')
          .values(
            part.map((c) => ({
              id: c.id,
              office_id: office.id,
              given_names: c.givenNames,
              family_name: c.familyName,
              postcode: c.postcode,
              wished_occupation_ids: [...c.wishedOccupationIds],
              interests: c.interests.join(', ') || null,
              german_level: c.germanLevel,
              school_qualification: c.schoolQualification,
              available_from: c.availableFrom,
              available_until: c.availableUntil,
              wanted_place_kinds: [...c.wantedKinds],
              residence_status: c.residenceStatus,
              work_permit: c.workPermit,
              driving_licence: c.drivingLicence,
              mobility_radius_km: c.mobilityRadiusKm,
              languages: '[]',
              search_text: '',
              name_keys: [],
            })),
          )
          .execute();
        await insertMatchingConsents(
          db,
          office.id,
          part.filter((c) => c.matchingConsent).map((c) => c.id),
        );
      }
    });
    await sql`ANALYZE`.execute(db);
    const [built, buildMs] = await timed(() => buildOfficeModel(db, opts(office.id)));
    expect(built.model.clients.n).toBe(5000);
    expect(built.model.places.n).toBe(5000);
    const [cold] = await timed(() => officeModel(db, opts(office.id)));
    const [hit, hitMs] = await timed(() => officeModel(db, opts(office.id)));
    expect(hit).toBe(cold);
    console.info(
      `5,000 clients × 5,000 places (inserted in ${insertMs.toFixed(0)} ms): load ${built.loadMs.toFixed(0)} ms + ` +
        `compile ${built.compileMs.toFixed(0)} ms = ${buildMs.toFixed(0)} ms; cache hit ${hitMs.toFixed(1)} ms`,
    );
    expect(hitMs).toBeLessThan(buildMs);
  });
});
