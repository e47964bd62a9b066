import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { todayIso } from './dates';

/** Shared set-up of the cases API tests: an app, the Düsseldorf counsellor, and an intake helper. */
export interface CasesFixture {
  t: TestApp;
  dus: TestClient;
  meId: string;
  today: string;
  /** Intakes a client (counselling consent today) and returns the new case. */
  intake(
    familyName: string,
    extra?: Record<string, unknown>,
  ): Promise<{ id: string; version: number; clientId: string }>;
  /** Reads a case. */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON responses.
  getCase(id: string): Promise<any>;
}

/** Registers beforeAll/afterAll hooks and returns the fixture, filled once the hooks ran. */
export function useCasesFixture(): CasesFixture {
  const f = { today: todayIso() } as CasesFixture;
  f.intake = async (familyName, extra = {}) => {
    const res = await f.dus.post('/api/cases', {
      client: {
        givenNames: 'Arbeit',
        familyName,
        dateOfBirth: '2005-05-01',
        counsellingConsent: { givenOn: f.today, form: 'paper' },
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().case;
  };
  f.getCase = async (id) => (await f.dus.get(`/api/cases/${id}`)).json().case;
  beforeAll(async () => {
    f.t = await createTestApp();
    f.dus = await f.t.client(DEMO.counsellor);
    f.meId = (await f.dus.get('/api/users/me')).json().user.id;
  });
  afterAll(() => f.t.close());
  return f;
}
