import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { todayIso } from './companies.access';

/** `iso` plus `days` calendar days (negative subtracts). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Shared set-up of the companies API tests: an app, the Düsseldorf and Hagen counsellors, helpers. */
export interface CompaniesFixture {
  t: TestApp;
  dus: TestClient;
  hagen: TestClient;
  /** User id of the Düsseldorf counsellor (the actor of `dus`). */
  meId: string;
  hagenCounsellorId: string;
  today: string;
  /** Creates a company in Düsseldorf (201 expected) and returns its detail. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  create(name: string, extra?: Record<string, unknown>): Promise<any>;
  /** Reads a company as the Düsseldorf counsellor. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  get(id: string): Promise<any>;
  /** Sets the day a company entered the pipeline (its history and `stage_changed_on`) back to `on`. */
  enteredOn(id: string, on: string): Promise<void>;
}

/** Registers beforeAll/afterAll hooks and returns the fixture, filled once the hooks ran. */
export function useCompaniesFixture(): CompaniesFixture {
  const f = { today: todayIso() } as CompaniesFixture;
  f.create = async (name, extra = {}) => {
    const res = await f.dus.post('/api/companies', { name, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().company;
  };
  f.get = async (id) => {
    const res = await f.dus.get(`/api/companies/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().company;
  };
  f.enteredOn = async (id, on) => {
    await f.t.handle.db.updateTable('company').set({ stage_changed_on: on }).where('id', '=', id).execute();
    await f.t.handle.db
      .updateTable('company_stage_change')
      .set({ changed_on: on })
      .where('company_id', '=', id)
      .execute();
  };
  beforeAll(async () => {
    f.t = await createTestApp();
    f.dus = await f.t.client(DEMO.counsellor);
    f.hagen = await f.t.client(DEMO.counsellorHagen);
    f.meId = (await f.dus.get('/api/users/me')).json().user.id;
    f.hagenCounsellorId = (await f.hagen.get('/api/users/me')).json().user.id;
  });
  afterAll(() => f.t.close());
  return f;
}
