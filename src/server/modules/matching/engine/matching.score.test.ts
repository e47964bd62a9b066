import { distance as geokdbushDistance } from 'geokdbush';
import { describe, expect, it } from 'vitest';
import { explainPair, topPlacesForClient } from './matching.api';
import type { TMatchConfigInput } from './matching.config';
import { greatCircleKm } from './matching.geo';
import { createMatchModel } from './matching.model';
import { bareClient, barePlace, TEST_OCCUPATIONS } from './matching.testkit';
import type { FactorKey, MatchClient, MatchPlace, PairExplanation } from './matching.types';

/** Each factor pinned with hand-computed values (default weights: 35/20/15/10/10/10 of 100). */

function explain(
  client: Partial<MatchClient>,
  place: Partial<MatchPlace>,
  config?: TMatchConfigInput,
): PairExplanation {
  const m = createMatchModel({
    occupations: TEST_OCCUPATIONS,
    // A located client by default: without location and occupation there is nothing to match on.
    clients: [bareClient('c', { lat: 51.0, lon: 7.0, ...client })],
    places: [barePlace('p', place)],
    config,
  });
  return explainPair(m, 'c', 'p');
}
const factor = (e: PairExplanation, key: FactorKey) => e.factors.find((f) => f.key === key);

/** 0.1° of latitude on the same meridian: 6371 km × 0.1 × π / 180. */
const KM_01_DEG = 11.119492664455874;
const at = { lat: 51.0, lon: 7.0 };
const tenthNorth = { lat: 51.1, lon: 7.0 };

describe('occupation fit', () => {
  const levels: Array<[string, string, string, number]> = [
    ['kaufmann-im-einzelhandel', 'kaufmann-im-einzelhandel', 'exact', 1],
    ['kaufmann-im-einzelhandel', 'verkaeufer', 'same_code', 0.9],
    ['kraftfahrzeugmechatroniker', 'kfz-spezialist', 'subgroup', 0.8],
    ['kraftfahrzeugmechatroniker', 'zweiradmechatroniker', 'group', 0.6],
    ['kraftfahrzeugmechatroniker', 'industriemechaniker', 'main_group', 0.4],
    ['kaufmann-im-einzelhandel', 'fachverkaeufer-lebensmittel', 'main_group', 0.4],
  ];
  it.each(levels)('wish %s, place %s: %s = %d', (wish, occ, level, value) => {
    const e = explain({ wishedOccupationIds: [wish] }, { occupationId: occ });
    expect(factor(e, 'occupation')).toMatchObject({ raw: level, value, via: wish });
    expect(factor(e, 'occupation')?.contribution).toBeCloseTo(0.35 * value, 15);
    expect(e.excluded).toBeNull();
  });

  it('takes the best of several wishes and interests (interest 0.5 beats main group 0.4)', () => {
    const e = explain(
      { wishedOccupationIds: ['kraftfahrzeugmechatroniker'], interests: ['Metall'] },
      { occupationId: 'industriemechaniker' },
    );
    expect(factor(e, 'occupation')).toMatchObject({ raw: 'interest', value: 0.5, via: null });
  });

  it('reads interests as fields, names, aliases and KldB prefixes', () => {
    expect(
      factor(explain({ interests: ['Kfz'] }, { occupationId: 'kraftfahrzeugmechatroniker' }), 'occupation')
        ?.raw,
    ).toBe('interest');
    expect(factor(explain({ interests: ['29'] }, { occupationId: 'baecker' }), 'occupation')?.raw).toBe(
      'interest',
    );
    expect(
      factor(
        explain({ interests: ['GESUNDHEIT'] }, { occupationId: 'medizinischer-fachangestellter' }),
        'occupation',
      )?.value,
    ).toBe(0.5);
  });

  it('excludes an unrelated occupation when the client named wishes, or scores it 0 when relation is not required', () => {
    const client = { wishedOccupationIds: ['kaufmann-im-einzelhandel'] };
    expect(explain(client, { occupationId: 'kaufmann-e-commerce' }).excluded).toBe('occupation_unrelated');
    const e = explain(client, { occupationId: 'kaufmann-e-commerce' }, { requireOccupationRelation: false });
    expect(e.excluded).toBeNull();
    expect(factor(e, 'occupation')).toMatchObject({ raw: 'unrelated', value: 0, contribution: 0 });
  });

  it.each([
    [{}, 'no_wished_occupation'],
    [{ wishedOccupationIds: ['no-such-occupation'] }, 'wished_occupation_unknown'],
    [{ interests: ['Raumfahrt'] }, 'interests_unmatched'],
  ])('explains an unknown occupation fit (%j → %s) with the unknown value 0.5', (client, reason) => {
    const e = explain(client, { occupationId: 'koch' });
    expect(e.excluded).toBeNull();
    expect(factor(e, 'occupation')).toMatchObject({ raw: 'unknown', value: 0.5, reason });
  });

  it('treats a place without occupation as unknown, not unrelated', () => {
    const e = explain({ wishedOccupationIds: ['koch'] }, { occupationId: null });
    expect(factor(e, 'occupation')).toMatchObject({
      raw: 'unknown',
      value: 0.5,
      reason: 'place_occupation_missing',
    });
  });
});

describe('distance', () => {
  it('is the great-circle distance between the centroids (same as geokdbush / the reference module)', () => {
    expect(greatCircleKm(51, 7, 51.1, 7)).toBeCloseTo(KM_01_DEG, 9);
    const points = [
      [51.2277, 6.7735, 51.3671, 7.4633],
      [47.4, 10.3, 54.9, 8.3],
      [52.52, 13.405, 48.137, 11.575],
    ];
    for (const [a, b, c, d] of points as Array<[number, number, number, number]>)
      expect(greatCircleKm(a, b, c, d)).toBeCloseTo(geokdbushDistance(b, a, d, c), 6);
  });

  it('decays as h / (h + d) with h = 15 km inside the radius', () => {
    const e = explain({ ...at, mobilityRadiusKm: 20 }, tenthNorth);
    expect(factor(e, 'distance')).toMatchObject({ raw: 11.1, reason: null });
    expect(factor(e, 'distance')?.value).toBeCloseTo(15 / (15 + KM_01_DEG), 12);
    expect(factor(explain({ ...at, mobilityRadiusKm: 20 }, at), 'distance')?.value).toBe(1);
  });

  it('excludes a place beyond the mobility radius', () => {
    expect(explain({ ...at, mobilityRadiusKm: 11 }, tenthNorth).excluded).toBe('beyond_mobility_radius');
    expect(explain({ ...at, mobilityRadiusKm: 12 }, tenthNorth).excluded).toBeNull();
  });

  it('uses the default radius (30 km) where none is recorded, and says so', () => {
    expect(factor(explain({ ...at }, tenthNorth), 'distance')?.reason).toBe('mobility_radius_default');
    expect(explain({ ...at }, { lat: 51.3, lon: 7.0 }).excluded).toBe('beyond_mobility_radius');
  });

  it('is unknown (0.5) without a client or place postcode, and never excludes then', () => {
    const noPostcode = explain(
      { lat: null, lon: null, wishedOccupationIds: ['koch'] },
      { lat: 54, lon: 10, occupationId: 'koch' },
    );
    expect(noPostcode.excluded).toBeNull();
    expect(factor(noPostcode, 'distance')).toMatchObject({
      raw: null,
      value: 0.5,
      reason: 'client_postcode_missing',
    });
    const e = explain({ ...at, mobilityRadiusKm: 5 }, {});
    expect(e.excluded).toBeNull();
    expect(factor(e, 'distance')).toMatchObject({ raw: null, value: 0.5, reason: 'place_postcode_missing' });
  });
});

describe('German level', () => {
  it.each([
    ['B2', 'B1', false, 1, -1, null],
    ['B1', 'B1', false, 1, 0, null],
    ['A2', 'B1', false, 0.5, 1, null],
    ['A2', 'B1', true, 0.75, 1, 'language_support'],
    ['A1', 'B1', true, 0.25, 2, 'language_support'],
  ] as const)(
    'client %s, place minimum %s, support %s: value %d',
    (client, min, support, value, gap, reason) => {
      const e = explain({ germanLevel: client }, { minGermanLevel: min, languageSupport: support });
      expect(e.excluded).toBeNull();
      expect(factor(e, 'language')).toMatchObject({ raw: gap, value, reason });
      expect(factor(e, 'language')?.contribution).toBeCloseTo(0.15 * value, 15);
    },
  );

  it('excludes two or more levels below without language support', () => {
    expect(explain({ germanLevel: 'A1' }, { minGermanLevel: 'B1' }).excluded).toBe('german_level_too_low');
    expect(explain({ germanLevel: 'A2' }, { minGermanLevel: 'C1' }).excluded).toBe('german_level_too_low');
  });

  it('is 1 without requirement and unknown (0.5) without a recorded level', () => {
    expect(factor(explain({ germanLevel: 'A1' }, {}), 'language')).toMatchObject({
      value: 1,
      reason: 'no_requirement',
    });
    expect(factor(explain({}, { minGermanLevel: 'C1' }), 'language')).toMatchObject({
      value: 0.5,
      reason: 'client_german_level_unknown',
    });
  });
});

describe('school qualification', () => {
  it.each([
    ['abitur', 'msa', 1, -2],
    ['msa', 'msa', 1, 0],
    ['esa', 'msa', 0.5, 1],
    ['none', 'msa', 0.25, 2],
    ['none', 'abitur', 0.1, 4],
  ] as const)('client %s, requirement %s: value %d', (client, min, value, gap) => {
    expect(
      factor(explain({ schoolQualification: client }, { minSchoolQualification: min }), 'school'),
    ).toMatchObject({ value, raw: gap });
  });

  it('is 1 without requirement and unknown (0.5) without a recorded qualification', () => {
    expect(factor(explain({ schoolQualification: 'none' }, {}), 'school')).toMatchObject({
      value: 1,
      reason: 'no_requirement',
    });
    expect(factor(explain({}, { minSchoolQualification: 'esa' }), 'school')).toMatchObject({
      value: 0.5,
      reason: 'client_school_unknown',
    });
  });
});

describe('start date', () => {
  const window = { availableFrom: '2027-08-01', availableUntil: '2027-08-31' };
  it.each([
    ['2027-08-01', 1, 0, null],
    ['2027-08-31', 1, 0, null],
    ['2027-07-02', 1 - 30 / 92, -30, 'before_window'],
    ['2027-09-15', 1 - 15 / 92, 15, 'after_window'],
    ['2028-01-01', 0, 123, 'after_window'],
  ] as const)('start %s in window August 2027: value %d', (startsOn, value, raw, reason) => {
    const f = factor(explain(window, { startsOn }), 'start');
    expect(f).toMatchObject({ raw, reason });
    expect(f?.value).toBeCloseTo(value, 12);
  });

  it('has an open end when only the window start is known', () => {
    expect(factor(explain({ availableFrom: '2027-08-01' }, { startsOn: '2030-01-01' }), 'start')?.value).toBe(
      1,
    );
  });

  it('is unknown (0.5) without a window or without a start date', () => {
    expect(factor(explain({}, { startsOn: '2027-08-01' }), 'start')).toMatchObject({
      value: 0.5,
      reason: 'client_availability_unknown',
    });
    expect(factor(explain(window, {}), 'start')).toMatchObject({ value: 0.5, reason: 'place_start_missing' });
  });
});

describe('kind of place', () => {
  it('is 1 when wanted, 0 when not, 0.5 without a preference', () => {
    expect(factor(explain({ wantedKinds: ['apprenticeship'] }, {}), 'kind')).toMatchObject({
      value: 1,
      raw: 'apprenticeship',
    });
    expect(factor(explain({ wantedKinds: ['internship'] }, {}), 'kind')).toMatchObject({
      value: 0,
      reason: 'kind_not_wanted',
    });
    expect(factor(explain({}, { kind: 'taster_day' }), 'kind')).toMatchObject({
      value: 0.5,
      reason: 'no_kind_preference',
    });
  });
});

describe('hard exclusions and flags', () => {
  it('has nothing to match on without location and without occupational information', () => {
    expect(explain({ lat: null, lon: null }, {}).excluded).toBe('nothing_to_match_on');
    expect(explain({ lat: null, lon: null, interests: ['Metall'] }, {}).excluded).toBeNull();
  });

  it('never matches a client without matching consent or a place that is not open', () => {
    expect(explain({ matchingConsent: false }, {}).excluded).toBe('no_matching_consent');
    expect(explain({}, { status: 'filled' }).excluded).toBe('place_not_open');
    expect(explain({}, { status: 'withdrawn' }).excluded).toBe('place_not_open');
    expect(explain({}, { status: 'withdrawn' }).score).toBe(0);
  });

  it.each([
    ['duldung', null, ['work_permit_missing']],
    ['aufenthaltsgestattung', 'no', ['work_permit_missing']],
    ['ausbildungsduldung', 'applied', ['work_permit_pending']],
    ['duldung', 'yes', []],
    ['aufenthaltserlaubnis', null, []],
    ['german_citizen', null, []],
  ] as const)(
    'flags the work permit (%s, permit %s) without dropping the pair',
    (residenceStatus, workPermit, flags) => {
      const e = explain({ residenceStatus, workPermit }, {});
      expect(e.excluded).toBeNull();
      expect(e.flags).toEqual(flags);
    },
  );

  it('flags a missing driving licence where the place requires one', () => {
    expect(explain({ drivingLicence: false }, { drivingLicenceRequired: true }).flags).toEqual([
      'driving_licence_missing',
    ]);
    expect(explain({ drivingLicence: true }, { drivingLicenceRequired: true }).flags).toEqual([]);
  });
});

describe('the whole score', () => {
  it('adds the weighted values: a hand-computed pair', () => {
    const e = explain(
      {
        ...at,
        mobilityRadiusKm: 20,
        wishedOccupationIds: ['koch'],
        germanLevel: 'B1',
        schoolQualification: 'msa',
        availableFrom: '2027-08-01',
        availableUntil: '2027-12-31',
        wantedKinds: ['apprenticeship'],
      },
      {
        ...tenthNorth,
        occupationId: 'koch',
        minGermanLevel: 'B1',
        minSchoolQualification: 'msa',
        startsOn: '2027-08-01',
      },
    );
    // 0.35·1 + 0.2·15/(15 + 11.1195) + 0.15·1 + 0.1·1 + 0.1·1 + 0.1·1
    expect(e.score).toBeCloseTo(0.9148567485034839, 12);
    expect(e.factors.map((f) => f.weight)).toEqual([0.35, 0.2, 0.15, 0.1, 0.1, 0.1]);
    expect(e.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(e.score, 12);
  });

  it('weights can change the ranking (distance only)', () => {
    const m = createMatchModel({
      occupations: TEST_OCCUPATIONS,
      clients: [bareClient('c', { ...at, wishedOccupationIds: ['koch'] })],
      places: [
        barePlace('near-baker', { ...at, occupationId: 'baecker' }),
        barePlace('far-cook', { lat: 51.2, lon: 7.0, occupationId: 'koch' }),
      ],
      config: { weights: { occupation: 0, distance: 1, language: 0, school: 0, start: 0, kind: 0 } },
    });
    expect(topPlacesForClient(m, 'c', 2).map((s) => s.placeId)).toEqual(['near-baker', 'far-cook']);
  });
});
