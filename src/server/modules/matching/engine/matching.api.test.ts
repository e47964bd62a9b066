import { describe, expect, it } from 'vitest';
import { explainPair, topClientsForPlace, topPlacesForClient, UnknownMatchIdError } from './matching.api';
import { runPlacesBatch } from './matching.batch';
import { createMatchModel } from './matching.model';
import { runPlacesBatchParallel } from './matching.parallel';
import { bareClient, barePlace, TEST_OCCUPATIONS } from './matching.testkit';
import type { MatchClient, MatchPlace } from './matching.types';

const DUS = { lat: 51.2277, lon: 6.7735 };
const HAGEN = { lat: 51.3671, lon: 7.4633 };

/** Places around Düsseldorf and Hagen in several occupations and kinds. */
const PLACES: MatchPlace[] = [
  barePlace('p-cook-dus', { ...DUS, occupationId: 'koch' }),
  barePlace('p-baker-dus', { lat: 51.24, lon: 6.79, occupationId: 'baecker', kind: 'internship' }),
  barePlace('p-cook-hagen', { ...HAGEN, occupationId: 'koch', drivingLicenceRequired: true }),
  barePlace('p-kfz-hagen', { ...HAGEN, occupationId: 'kraftfahrzeugmechatroniker' }),
  barePlace('p-it-dus', { ...DUS, occupationId: 'fachinformatiker', minGermanLevel: 'B2' }),
  barePlace('p-filled', { ...DUS, occupationId: 'koch', status: 'filled' }),
  barePlace('p-nowhere', { occupationId: 'koch' }),
];

function model(clients: MatchClient[], places = PLACES) {
  return createMatchModel({ occupations: TEST_OCCUPATIONS, clients, places });
}

describe('bad input never crashes and unknown factors are explained', () => {
  it('suggests places to a client without postcode, distance explained as unknown', () => {
    const m = model([bareClient('c', { wishedOccupationIds: ['koch'] })]);
    const list = topPlacesForClient(m, 'c', 10);
    // Bäcker/-in (29222) shares the KldB main group 29 with Koch/Köchin (29302).
    expect(list.map((s) => s.placeId).sort()).toEqual([
      'p-baker-dus',
      'p-cook-dus',
      'p-cook-hagen',
      'p-nowhere',
    ]);
    for (const s of list)
      expect(s.factors[1]).toMatchObject({ key: 'distance', value: 0.5, reason: 'client_postcode_missing' });
  });

  it('suggests nearby places of any occupation to a client without wished occupation', () => {
    const m = model([bareClient('c', { ...DUS, mobilityRadiusKm: 10 })]);
    const list = topPlacesForClient(m, 'c', 3);
    // The IT place is as near as the cook's, but asks B2 of a client whose level is unknown (0.5).
    expect(list.map((s) => s.placeId)).toEqual(['p-cook-dus', 'p-baker-dus', 'p-it-dus']);
    for (const s of list)
      expect(s.factors[0]).toMatchObject({
        key: 'occupation',
        raw: 'unknown',
        reason: 'no_wished_occupation',
      });
  });

  it('copes with a client whose every field is empty, NaN or malformed', () => {
    const odd = bareClient('c', {
      lat: 51.2,
      lon: Number.NaN,
      mobilityRadiusKm: -3,
      availableFrom: '2027-02-30',
      availableUntil: 'soon',
      wishedOccupationIds: ['', 'no-such-occupation'],
      interests: ['', '  ', 'x'],
    });
    const m = model([odd]);
    // No location and no usable occupation: nothing to match on (every place would fit equally).
    expect(topPlacesForClient(m, 'c', 20)).toEqual([]);
    expect(explainPair(m, 'c', 'p-cook-dus')).toMatchObject({ excluded: 'nothing_to_match_on', score: 0 });
    expect(explainPair(m, 'c', 'p-cook-dus').factors.map((f) => f.reason)).toEqual([
      'wished_occupation_unknown',
      'client_postcode_missing',
      'no_requirement',
      'no_requirement',
      'place_start_missing',
      'no_kind_preference',
    ]);
    // With a postcode the same malformed record gets suggestions, every unknown explained.
    const located = model([{ ...odd, lon: 6.8 }]);
    const list = topPlacesForClient(located, 'c', 20);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]?.factors[0]?.reason).toBe('wished_occupation_unknown');
    expect(list[0]?.factors[1]?.reason).toBe('mobility_radius_default');
  });

  it('gives a client without matching consent no suggestions and no place', () => {
    const m = model([bareClient('c', { ...DUS, matchingConsent: false })]);
    expect(topPlacesForClient(m, 'c', 10)).toEqual([]);
    expect(topClientsForPlace(m, 'p-cook-dus', 10)).toEqual([]);
    expect(explainPair(m, 'c', 'p-cook-dus').excluded).toBe('no_matching_consent');
  });

  it('answers an empty list without places and rejects unknown ids', () => {
    const m = model([bareClient('c')], []);
    expect(topPlacesForClient(m, 'c', 10)).toEqual([]);
    expect(() => topPlacesForClient(m, 'nobody', 10)).toThrow(UnknownMatchIdError);
    expect(() => topClientsForPlace(m, 'nothing', 10)).toThrow(UnknownMatchIdError);
  });
});

describe('top-k both ways with filters', () => {
  const clients = [
    bareClient('c-cook', {
      ...DUS,
      mobilityRadiusKm: 60,
      wishedOccupationIds: ['koch'],
      drivingLicence: false,
    }),
    bareClient('c-far', { ...HAGEN, mobilityRadiusKm: 5, wishedOccupationIds: ['koch'] }),
    bareClient('c-any', { ...DUS, mobilityRadiusKm: 60 }),
    bareClient('c-duldung', {
      ...DUS,
      mobilityRadiusKm: 60,
      wishedOccupationIds: ['koch'],
      residenceStatus: 'duldung',
    }),
  ];
  const m = model(clients);

  it('ranks places for a client and keeps flags on the suggestion', () => {
    const list = topPlacesForClient(m, 'c-cook', 10);
    // The cook's place in Hagen (exact, 50 km) still beats the baker's next door (KldB main group only).
    expect(list.map((s) => s.placeId)).toEqual(['p-cook-dus', 'p-nowhere', 'p-cook-hagen', 'p-baker-dus']);
    expect(list.find((s) => s.placeId === 'p-cook-hagen')?.flags).toEqual(['driving_licence_missing']);
    expect(topPlacesForClient(m, 'c-duldung', 1)[0]?.flags).toEqual(['work_permit_missing']);
  });

  it('filters by kind, occupation, distance, score and flags', () => {
    const ids = (f: Parameters<typeof topPlacesForClient>[3]) =>
      topPlacesForClient(m, 'c-cook', 10, f).map((s) => s.placeId);
    expect(ids({ kinds: ['internship'] })).toEqual(['p-baker-dus']);
    expect(ids({ occupationIds: ['koch'] })).toEqual(['p-cook-dus', 'p-nowhere', 'p-cook-hagen']);
    expect(ids({ maxDistanceKm: 20 })).toEqual(['p-cook-dus', 'p-nowhere', 'p-baker-dus']);
    expect(ids({ withoutFlags: true })).toEqual(['p-cook-dus', 'p-nowhere', 'p-baker-dus']);
    expect(ids({ minScore: 0.9 })).toEqual(['p-cook-dus']);
    expect(topPlacesForClient(m, 'c-duldung', 10, { withoutFlags: true })).toEqual([]);
  });

  it('leaves out a client whose every case is closed, and says so (consent first)', () => {
    const closed = model([
      bareClient('c-closed', { ...DUS, wishedOccupationIds: ['koch'], caseClosed: true }),
      bareClient('c-none', {
        ...DUS,
        wishedOccupationIds: ['koch'],
        caseClosed: true,
        matchingConsent: false,
      }),
      bareClient('c-open', { ...DUS, wishedOccupationIds: ['koch'] }),
    ]);
    expect(topPlacesForClient(closed, 'c-closed', 10)).toEqual([]);
    expect(topClientsForPlace(closed, 'p-cook-dus', 10).map((s) => s.clientId)).toEqual(['c-open']);
    expect(explainPair(closed, 'c-closed', 'p-cook-dus').excluded).toBe('case_closed');
    expect(explainPair(closed, 'c-none', 'p-cook-dus').excluded).toBe('no_matching_consent');
  });

  it('keeps a place within "at most X km" when its distance shows as X km (shown to 0.1 km)', () => {
    // 1° of latitude is 111.195 km on the sphere of the distance factor: places 5.04 and 5.06 km north.
    const north = (km: number) => ({ lat: DUS.lat + km / 111.19492664455873, lon: DUS.lon });
    const near = model(
      [bareClient('c', { ...DUS, wishedOccupationIds: ['koch'], mobilityRadiusKm: 30 })],
      [
        barePlace('p-504', { ...north(5.04), occupationId: 'koch' }),
        barePlace('p-506', { ...north(5.06), occupationId: 'koch' }),
      ],
    );
    const list = topPlacesForClient(near, 'c', 10, { maxDistanceKm: 5 });
    expect(list.map((s) => s.placeId)).toEqual(['p-504']);
    expect(list[0]?.factors[1]?.raw).toBe(5);
    const both = topPlacesForClient(near, 'c', 10, { maxDistanceKm: 5.1 }).map((s) => s.placeId);
    expect(both).toEqual(['p-504', 'p-506']);
  });

  it('ranks clients for a place with their explanations (radius of each client respected)', () => {
    const list = topClientsForPlace(m, 'p-cook-dus', 10);
    expect(list.map((s) => s.clientId)).toEqual(['c-cook', 'c-duldung', 'c-any']);
    expect(list[2]?.factors[0]).toMatchObject({ raw: 'unknown', reason: 'no_wished_occupation' });
    expect(topClientsForPlace(m, 'p-cook-dus', 10, { withoutFlags: true }).map((s) => s.clientId)).toEqual([
      'c-cook',
      'c-any',
    ]);
    expect(topClientsForPlace(m, 'p-filled', 10)).toEqual([]);
  });

  it('flags a client who is already placed, and leaves them out only when flags are filtered', () => {
    const placed = model([bareClient('c-placed', { ...DUS, wishedOccupationIds: ['koch'], placed: true })]);
    expect(topPlacesForClient(placed, 'c-placed', 1)[0]).toMatchObject({
      placeId: 'p-cook-dus',
      flags: ['already_placed'],
    });
    expect(topPlacesForClient(placed, 'c-placed', 10, { withoutFlags: true })).toEqual([]);
    expect(topClientsForPlace(placed, 'p-cook-dus', 10)[0]?.flags).toEqual(['already_placed']);
    expect(topClientsForPlace(placed, 'p-cook-dus', 10, { withoutFlags: true })).toEqual([]);
  });

  it('gives the same lists through the naive scan', () => {
    for (const c of clients)
      expect(topPlacesForClient(m, c.id, 10, {}, { naive: true })).toEqual(topPlacesForClient(m, c.id, 10));
    for (const p of PLACES)
      expect(topClientsForPlace(m, p.id, 10, {}, { naive: true })).toEqual(topClientsForPlace(m, p.id, 10));
  });
});

describe('batch runs', () => {
  const clients = Array.from({ length: 300 }, (_, i) =>
    bareClient(`c-${i}`, {
      lat: 51 + (i % 17) / 20,
      lon: 6.6 + (i % 23) / 20,
      mobilityRadiusKm: 10 + (i % 5) * 10,
      wishedOccupationIds: [TEST_OCCUPATIONS[i % TEST_OCCUPATIONS.length]?.id ?? 'koch'],
    }),
  );
  const places = Array.from({ length: 400 }, (_, i) =>
    barePlace(`p-${i}`, {
      lat: 51 + (i % 19) / 20,
      lon: 6.6 + (i % 29) / 20,
      occupationId: TEST_OCCUPATIONS[(i * 5) % TEST_OCCUPATIONS.length]?.id ?? null,
    }),
  );

  it('reports progress and holds every client’s top-k list', () => {
    const m = createMatchModel({ occupations: TEST_OCCUPATIONS, clients, places });
    const calls: Array<[number, number]> = [];
    const r = runPlacesBatch(m, { k: 5, every: 100, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [100, 300],
      [200, 300],
      [300, 300],
      [300, 300],
    ]);
    const first = topPlacesForClient(m, 'c-7', 5).map((s) => s.placeId);
    // Rows are table indices (the table is in visiting order): ids map them.
    const row = m.clients.ids.indexOf('c-7');
    expect(
      Array.from(r.items.subarray(row * 5, (row + 1) * 5))
        .filter((i) => i >= 0)
        .map((i) => m.places.ids[i]),
    ).toEqual(first);
  });

  it('gives the same lists on two worker threads', async () => {
    const m = createMatchModel({ occupations: TEST_OCCUPATIONS, clients, places, shared: true });
    const single = runPlacesBatch(m, { k: 5 });
    let last = 0;
    const par = await runPlacesBatchParallel(m, {
      k: 5,
      workers: 2,
      chunk: 64,
      onProgress: (done) => (last = done),
    });
    expect(Array.from(par.items)).toEqual(Array.from(single.items));
    expect(Array.from(par.scores)).toEqual(Array.from(single.scores));
    expect(last).toBe(300);
  });
});
