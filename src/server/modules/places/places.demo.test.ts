import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { demoCompanyNames } from '../demo/index';

type Item = { companyName: string; kind: string; occupationId: string | null; occupationName: string | null };

describe('places: demo seed', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
  });
  afterAll(() => t.close());

  /** The places of the hand-made demo companies, from every page (the office holds synthetic ones too). */
  const handMadePlaces = async (c: TestClient): Promise<Item[]> => {
    const names = new Set(demoCompanyNames());
    const out: Item[] = [];
    for (let offset = 0; ; offset += 200) {
      const { items } = (await c.get(`/api/places?limit=200&offset=${offset}`)).json() as { items: Item[] };
      out.push(...items.filter((p) => names.has(p.companyName)));
      if (items.length < 200) return out;
    }
  };

  it('gives most demo companies of Düsseldorf and Hagen two or three places in real occupations', async () => {
    for (const c of [dus, hagen]) {
      const items = await handMadePlaces(c);
      const byCompany = new Map<string, number>();
      for (const p of items) byCompany.set(p.companyName, (byCompany.get(p.companyName) ?? 0) + 1);
      expect(byCompany.size).toBeGreaterThanOrEqual(4);
      expect([...byCompany.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
      const withOccupation = items.filter(
        (p) => p.kind === 'apprenticeship' || p.kind === 'entry_qualification',
      );
      expect(withOccupation.every((p) => p.occupationId && p.occupationName)).toBe(true);
    }
    const dusPlaces = await handMadePlaces(dus);
    expect(dusPlaces.map((p) => p.occupationName)).toEqual(
      expect.arrayContaining(['Friseur/-in', 'Kraftfahrzeugmechatroniker/-in', 'Koch/Köchin']),
    );
    expect(dusPlaces.some((p) => p.kind === 'entry_qualification')).toBe(true);
    expect(dusPlaces.some((p) => p.kind === 'internship')).toBe(true);
  });

  it('publishes some demo places on the public list, starting in August or September 2027', async () => {
    const anon = await t.client();
    // The hand-made demo companies' places (the synthetic ones start on other days), from every page.
    const handMade = new Set(demoCompanyNames());
    const items: Array<{ companyName: string; startsOn: string; officeName: string }> = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await anon.get(`/api/public/places?limit=100&offset=${offset}`)).json();
      items.push(...page.items.filter((p: { companyName: string }) => handMade.has(p.companyName)));
      if (page.items.length < 100) break;
    }
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.every((p: { startsOn: string }) => ['2027-08-01', '2027-09-01'].includes(p.startsOn))).toBe(
      true,
    );
    expect(new Set(items.map((p: { officeName: string }) => p.officeName)).size).toBe(2);
  });

  it('seeds a requirement profile and a contact person on the hairdresser apprenticeship', async () => {
    const { items } = (await dus.get('/api/places?occupationId=friseur')).json();
    const place = items.find((p: { companyName: string }) => p.companyName === 'Friseursalon Aydın');
    expect(place).toMatchObject({ contactPersonName: 'Elif Aydın', durationMonths: 36, place: 'Düsseldorf' });
    const { profile } = (await dus.get(`/api/places/${place.id}/profile`)).json();
    expect(profile.version).toBe(1);
    expect(profile.mustHaves.length).toBeGreaterThan(0);
  });
});
