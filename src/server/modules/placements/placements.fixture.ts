import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { todayIso } from './placements.rules';

/** `YYYY-MM-DD` `days` after (negative: before) `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A score snapshot as the matching engine explains a suggestion (score 0..1). */
export const SNAPSHOT = {
  score: 0.87,
  factors: [
    {
      key: 'occupation',
      raw: 'exact',
      value: 1,
      weight: 0.4,
      contribution: 0.4,
      reason: null,
      via: 'friseur',
    },
    { key: 'distance', raw: 4.2, value: 0.9, weight: 0.25, contribution: 0.225, reason: null },
    { key: 'language', raw: 0, value: 1, weight: 0.15, contribution: 0.15, reason: null },
    {
      key: 'school',
      raw: null,
      value: 0.5,
      weight: 0.1,
      contribution: 0.05,
      reason: 'client_school_unknown',
    },
    { key: 'start', raw: 0, value: 0.45, weight: 0.05, contribution: 0.0225, reason: null },
    { key: 'kind', raw: 'apprenticeship', value: 0.45, weight: 0.05, contribution: 0.0225, reason: null },
  ],
  flags: ['work_permit_pending'],
};

/** Shared set-up of the placement API tests: an app, the Düsseldorf and Hagen counsellors, helpers. */
export interface PlacementsFixture {
  t: TestApp;
  dus: TestClient;
  hagen: TestClient;
  today: string;
  /**
   * Intakes a client with a case (counselling consent), optionally a matching consent (default yes)
   * and a case opened `openedDaysAgo` days ago (default 30, history row moved with it).
   */
  client(
    familyName: string,
    opts?: { matching?: boolean; openedDaysAgo?: number; by?: TestClient },
  ): Promise<{ clientId: string; caseId: string }>;
  /** A company of the caller's office (via the API: stage `identified`, first history row today). */
  company(name: string, by?: TestClient): Promise<string>;
  /** An open place of a company (default an apprenticeship) in hairdressing, starting next August. */
  place(companyId: string, seats?: number, by?: TestClient, kind?: string): Promise<string>;
  /**
   * A place with `seats` of a new company `name`, two new clients (`name` + A/B) and a proposed placement
   * of each on it.
   */
  twoOnOnePlace(
    name: string,
    seats: number,
  ): Promise<{
    placeId: string;
    a: { clientId: string; caseId: string };
    b: { clientId: string; caseId: string };
    // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
    pa: any;
    // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
    pb: any;
  }>;
  /** POST /api/placements. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  create(body: Record<string, unknown>, by?: TestClient): Promise<any>;
  /** POST /api/placements/:id/stage with the current version read first. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  move(id: string, body: Record<string, unknown>, by?: TestClient): Promise<any>;
  /** GET a case. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  getCase(id: string): Promise<any>;
}

/** Registers beforeAll/afterAll hooks and returns the fixture, filled once the hooks ran. */
export function usePlacementsFixture(): PlacementsFixture {
  const f = { today: todayIso() } as PlacementsFixture;
  f.client = async (familyName, opts = {}) => {
    const by = opts.by ?? f.dus;
    const res = await by.post('/api/cases', {
      client: {
        givenNames: 'Vermittlung',
        familyName,
        dateOfBirth: '2005-05-01',
        // Something the matching engine can match on (the fixture's places: Friseur in 40210).
        postcode: '40210',
        wishedOccupationIds: ['friseur'],
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id: caseId, clientId } = res.json().case;
    if (opts.matching !== false) {
      const c = await by.post(`/api/clients/${clientId}/consents`, {
        purpose: 'matching',
        givenOn: '2025-01-15',
        form: 'paper',
      });
      expect(c.statusCode, c.body).toBe(201);
    }
    const on = addDays(f.today, -(opts.openedDaysAgo ?? 30));
    await f.t.handle.db.updateTable('case').set({ opened_on: on }).where('id', '=', caseId).execute();
    await f.t.handle.db
      .updateTable('case_stage_change')
      .set({ changed_on: on })
      .where('case_id', '=', caseId)
      .execute();
    return { clientId, caseId };
  };
  f.company = async (name, by = f.dus) => {
    const res = await by.post('/api/companies', { name, postcode: '40210' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().company.id;
  };
  f.place = async (companyId, seats = 1, by = f.dus, kind = 'apprenticeship') => {
    const res = await by.post('/api/places', {
      companyId,
      kind,
      occupationId: 'friseur',
      seats,
      startsOn: `${Number(f.today.slice(0, 4)) + 1}-08-01`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().place.id;
  };
  f.create = async (body, by = f.dus) => by.post('/api/placements', body);
  f.twoOnOnePlace = async (name, seats) => {
    const placeId = await f.place(await f.company(name), seats);
    const a = await f.client(`${name} A`);
    const b = await f.client(`${name} B`);
    const pa = (await f.create({ clientId: a.clientId, placeId })).json().placement;
    const pb = (await f.create({ clientId: b.clientId, placeId })).json().placement;
    return { placeId, a, b, pa, pb };
  };
  f.move = async (id, body, by = f.dus) => {
    const { placement } = (await by.get(`/api/placements/${id}`)).json();
    return by.post(`/api/placements/${id}/stage`, { version: placement.version, ...body });
  };
  f.getCase = async (id) => (await f.dus.get(`/api/cases/${id}`)).json().case;
  beforeAll(async () => {
    f.t = await createTestApp();
    f.dus = await f.t.client(DEMO.counsellor);
    f.hagen = await f.t.client(DEMO.counsellorHagen);
  });
  afterAll(() => f.t.close());
  return f;
}
