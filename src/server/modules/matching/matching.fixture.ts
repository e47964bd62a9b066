import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../platform/db/schema';
import type { TestApp, TestClient } from '../../test/test-app';

/** Id of the office whose name contains `name` (e.g. "Düsseldorf", "Landesstelle"). */
export async function officeIdOf(db: Kysely<Database>, name: string): Promise<string> {
  const r = await db
    .selectFrom('office')
    .select('id')
    .where('name', 'like', `%${name}%`)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts an active matching consent (paper, 2025-01-15) for each client — tests only, straight into the table. */
export async function insertMatchingConsents(
  db: Kysely<Database>,
  officeId: string,
  clientIds: readonly string[],
): Promise<void> {
  if (clientIds.length === 0) return;
  await db
    .insertInto('consent')
    .values(
      clientIds.map((id) => ({
        client_id: id,
        office_id: officeId,
        purpose: 'matching',
        legal_basis: 'art6_1a',
        given_on: '2025-01-15',
        form: 'paper',
        given_by: 'client',
      })),
    )
    .execute();
}

/**
 * Inserts a company (stage `offering`) straight into the companies module's table — tests only, so these
 * tests do not depend on the companies routes.
 */
async function insertTestCompany(
  db: Kysely<Database>,
  input: { officeId: string; name: string; postcode: string },
): Promise<string> {
  const r = await db
    .insertInto('company')
    .values({ office_id: input.officeId, name: input.name, postcode: input.postcode, stage: 'offering' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Test fixture of the matching routes: in the Düsseldorf office two companies with open places and clients
 * with and without matching consent, created through the API (companies inserted directly, as the places
 * tests do). Names carry `tag` so several fixtures can live in one database.
 */
export interface MatchingFixture {
  officeId: string;
  /** Company with a car-mechatronics place (`kfzPlaceId`) and a hairdresser place (`friseurPlaceId`). */
  workshopId: string;
  kfzPlaceId: string;
  friseurPlaceId: string;
  /** Company with a cook place. */
  kitchenId: string;
  kochPlaceId: string;
  /** Wishes car mechatronics, B1, 40210, available next year, apprenticeship wanted, matching consent. */
  kfzClientId: string;
  /** Wishes cook, matching consent. */
  kochClientId: string;
  /** Interests "Autos und Technik" only, matching consent. */
  autosClientId: string;
  /** Full record but no matching consent. */
  noConsentClientId: string;
  /** Matching consent, but neither postcode nor wish nor interest. */
  emptyClientId: string;
}

const isoToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
const nextYear = () => Number(isoToday().slice(0, 4)) + 1;

/** Creates the fixture with the Düsseldorf counsellor's session `dus`. */
export async function createMatchingFixture(
  t: TestApp,
  dus: TestClient,
  tag: string,
): Promise<MatchingFixture> {
  const officeId = await officeIdOf(t.handle.db, 'Düsseldorf');
  const workshopId = await insertTestCompany(t.handle.db, {
    officeId,
    name: `Matchwerk ${tag}`,
    postcode: '40210',
  });
  const kitchenId = await insertTestCompany(t.handle.db, {
    officeId,
    name: `Matchküche ${tag}`,
    postcode: '40211',
  });
  const place = async (companyId: string, occupationId: string, extra: Record<string, unknown> = {}) => {
    const res = await dus.post('/api/places', {
      companyId,
      kind: 'apprenticeship',
      occupationId,
      startsOn: `${nextYear()}-08-01`,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().place.id as string;
  };
  const client = async (givenNames: string, fields: Record<string, unknown>, matching = true) => {
    const res = await dus.post('/api/clients', {
      givenNames,
      familyName: `Match ${tag}`,
      dateOfBirth: '2005-04-01',
      counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().client.id as string;
    if (matching) {
      const c = await dus.post(`/api/clients/${id}/consents`, {
        purpose: 'matching',
        givenOn: '2025-01-15',
        form: 'paper',
      });
      expect(c.statusCode, c.body).toBe(201);
    }
    return id;
  };
  const window = { availableFrom: `${nextYear()}-07-01`, availableUntil: `${nextYear()}-10-31` };
  return {
    officeId,
    workshopId,
    kfzPlaceId: await place(workshopId, 'kraftfahrzeugmechatroniker', { minGermanLevel: 'B1' }),
    friseurPlaceId: await place(workshopId, 'friseur'),
    kitchenId,
    kochPlaceId: await place(kitchenId, 'koch'),
    kfzClientId: await client('Karim', {
      postcode: '40210',
      wishedOccupationIds: ['kraftfahrzeugmechatroniker'],
      germanLevel: 'B1',
      schoolQualification: 'esa',
      mobilityRadiusKm: 25,
      wantedPlaceKinds: ['apprenticeship'],
      residenceStatus: 'aufenthaltserlaubnis',
      workPermit: 'yes',
      ...window,
    }),
    kochClientId: await client('Kamala', {
      postcode: '40211',
      wishedOccupationIds: ['koch'],
      germanLevel: 'A2',
      ...window,
    }),
    autosClientId: await client('Arash', {
      postcode: '40212',
      interests: 'Autos und Technik',
      germanLevel: 'B2',
    }),
    noConsentClientId: await client(
      'Nadia',
      { postcode: '40210', wishedOccupationIds: ['kraftfahrzeugmechatroniker'] },
      false,
    ),
    emptyClientId: await client('Elif', {}),
  };
}
