import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, systemContext } from '../../platform/auth/context';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { greatCircleKm, postcodeCentroids } from '../reference/index';
import { demoCompanyNames } from './demo.companies';
import { seedDemo } from './demo.seed';
import {
  generateOfficeRecords,
  SYNTHETIC_NOTE,
  SYNTHETIC_OFFICES,
  SYNTHETIC_TAG,
  seedSyntheticDemo,
} from './demo.synthetic';

/** Ids of the demo offices and counsellors, read from the seeded template. */
async function demoOffices(t: TestApp) {
  const rows = await t.handle.db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.email', 'u.office_id'])
    .where('u.email', 'in', [DEMO.counsellor, DEMO.counsellorHagen])
    .execute();
  const of = (email: string) => rows.find((r) => r.email === email) as (typeof rows)[number];
  return {
    dus: { officeId: of(DEMO.counsellor).office_id, counsellorId: of(DEMO.counsellor).id },
    hagen: { officeId: of(DEMO.counsellorHagen).office_id, counsellorId: of(DEMO.counsellorHagen).id },
  };
}

/** Synthetic records per office (clients by their note, companies by their tag). */
async function counts(t: TestApp, officeId: string) {
  const r = await sql<Record<string, string>>`select
      (select count(*) from client where office_id = ${officeId} and notes = ${SYNTHETIC_NOTE}) as clients,
      (select count(*) from "case" k join client c on c.id = k.client_id
        where k.office_id = ${officeId} and c.notes = ${SYNTHETIC_NOTE} and k.stage <> 'closed') as cases,
      (select count(*) from consent s join client c on c.id = s.client_id
        where s.office_id = ${officeId} and c.notes = ${SYNTHETIC_NOTE} and s.purpose = 'matching') as matching,
      (select count(*) from client_snapshot s join client c on c.id = s.client_id
        where s.office_id = ${officeId} and c.notes = ${SYNTHETIC_NOTE} and s.kind = 'entry') as snapshots,
      (select count(*) from company where office_id = ${officeId} and ${SYNTHETIC_TAG} = any(tags)) as companies,
      (select count(*) from training_place p join company c on c.id = p.company_id
        where p.office_id = ${officeId} and ${SYNTHETIC_TAG} = any(c.tags)) as places`.execute(t.handle.db);
  const n = (k: string) => Number(r.rows[0]?.[k] ?? 0);
  const keys = ['clients', 'cases', 'matching', 'snapshots', 'companies', 'places'] as const;
  return Object.fromEntries(keys.map((k) => [k, n(k)])) as Record<(typeof keys)[number], number>;
}

describe('demo: synthetic records around Düsseldorf and Hagen', () => {
  let t: TestApp;
  let ctx: RequestContext;
  let offices: Awaited<ReturnType<typeof demoOffices>>;
  let dus: TestClient;
  let hagen: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    offices = await demoOffices(t);
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
  });
  afterAll(() => t.close());

  it('fills each office with clients (open case, consents, entry snapshot), companies and places', async () => {
    for (const key of ['dus', 'hagen'] as const) {
      const spec = SYNTHETIC_OFFICES[key];
      const n = await counts(t, offices[key].officeId);
      expect(n.clients).toBe(spec.clients);
      expect(n.cases).toBe(spec.clients);
      expect(n.snapshots).toBe(spec.clients);
      expect(n.matching / spec.clients).toBeGreaterThan(0.8);
      expect(n.matching).toBeLessThan(spec.clients);
      expect(n.companies).toBe(Math.round(spec.places / 2.5));
      expect(n.places).toBe(spec.places);
    }
    // Cases belong to the office's counsellor; companies are owned by that counsellor.
    const foreign = await sql<{
      n: string;
    }>`select count(*) as n from "case" k join client c on c.id = k.client_id
      where c.notes = ${SYNTHETIC_NOTE} and k.counsellor_id not in (${offices.dus.counsellorId}, ${offices.hagen.counsellorId})`.execute(
      t.handle.db,
    );
    expect(Number(foreign.rows[0]?.n)).toBe(0);
  });

  it('keeps the hand-made demo companies, each name once in the installation', async () => {
    const names = demoCompanyNames();
    const rows = await t.handle.db
      .selectFrom('company')
      .select(['name'])
      .where('name', 'in', names)
      .execute();
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    const dup = await sql<{ n: string }>`select count(*) as n from (select office_id, name_key from company
      group by office_id, name_key having count(*) > 1) d`.execute(t.handle.db);
    expect(Number(dup.rows[0]?.n)).toBe(0);
  });

  it('puts every synthetic client, company and place within the radius of its office', async () => {
    const centroids = await postcodeCentroids(t.handle.db);
    for (const key of ['dus', 'hagen'] as const) {
      const spec = SYNTHETIC_OFFICES[key];
      const centre = centroids.get(spec.centre);
      const postcodes = await sql<{ postcode: string | null; place: string | null }>`
        select trim(postcode) as postcode, place from client where office_id = ${offices[key].officeId} and notes = ${SYNTHETIC_NOTE}
        union all select trim(p.postcode), p.place from training_place p join company c on c.id = p.company_id
          where p.office_id = ${offices[key].officeId} and ${SYNTHETIC_TAG} = any(c.tags)`.execute(
        t.handle.db,
      );
      expect(postcodes.rows.length).toBeGreaterThan(spec.clients);
      for (const r of postcodes.rows) {
        if (!r.postcode) continue;
        const p = centroids.get(r.postcode);
        expect(p && centre && greatCircleKm(p, centre)).toBeLessThanOrEqual(spec.radiusKm + 1);
        expect(r.place).toBeTruthy();
      }
    }
  });

  it('gives the counsellor explained suggestions for most synthetic clients at once', async () => {
    const ids = await t.handle.db
      .selectFrom('client')
      .select('id')
      .where('office_id', '=', offices.dus.officeId)
      .where('notes', '=', SYNTHETIC_NOTE)
      .orderBy('family_name')
      .limit(20)
      .execute();
    let withSuggestions = 0;
    for (const { id } of ids) {
      const res = await dus.get(`/api/clients/${id}/suggestions?k=5`);
      expect(res.statusCode).toBe(200);
      if (res.json().items.length > 0) withSuggestions++;
    }
    expect(withSuggestions).toBeGreaterThanOrEqual(14);
    // Office separation holds for the synthetic records too.
    expect((await hagen.get(`/api/clients/${ids[0]?.id}`)).statusCode).toBe(404);
  });

  it('is seeded once: a second run writes nothing', async () => {
    const before = await counts(t, offices.dus.officeId);
    expect(await seedSyntheticDemo(ctx, offices)).toBeNull();
    expect(await seedDemo(ctx)).toBe(false);
    expect(await counts(t, offices.dus.officeId)).toEqual(before);
  });

  it('generates the same records for the same seed and day', async () => {
    const a = await generateOfficeRecords(t.handle.db, SYNTHETIC_OFFICES.hagen, '2026-11-30');
    const b = await generateOfficeRecords(t.handle.db, SYNTHETIC_OFFICES.hagen, '2026-11-30');
    expect(JSON.stringify(a.records)).toBe(JSON.stringify(b.records));
    expect(a.records.clients).toHaveLength(SYNTHETIC_OFFICES.hagen.clients);
    // The seeded clients are exactly the records generated for the seeding day (ids aside).
    const meta = await t.handle.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', 'demo_synthetic_seeded')
      .executeTakeFirstOrThrow();
    const seededOn = JSON.parse(meta.value).today as string;
    const again = await generateOfficeRecords(t.handle.db, SYNTHETIC_OFFICES.hagen, seededOn);
    const key = (c: {
      givenNames: string;
      familyName: string;
      dateOfBirth: string | null;
      postcode: string | null;
    }) => `${c.givenNames}|${c.familyName}|${c.dateOfBirth}|${c.postcode}`;
    const stored = await sql<{ k: string }>`select given_names || '|' || family_name || '|' ||
        to_char(date_of_birth, 'YYYY-MM-DD') || '|' || coalesce(trim(postcode), 'null') as k
      from client where office_id = ${offices.hagen.officeId} and notes = ${SYNTHETIC_NOTE}`.execute(
      t.handle.db,
    );
    expect(stored.rows.map((r) => r.k).sort()).toEqual(again.records.clients.map(key).sort());
    // Only postcodes with a town (no large-organisation postcodes).
    expect(a.records.clients.every((c) => c.postcode === null || a.towns.has(c.postcode))).toBe(true);
  });
});
