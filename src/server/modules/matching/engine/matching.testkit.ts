import fc from 'fast-check';
import type { MatchClient, MatchOccupation, MatchPlace } from './matching.types';

/**
 * Test data of the engine's tests: a small occupation list whose KldB codes share every prefix length, plus
 * fast-check arbitraries for clients and places in a small region (so radii, cells and occupations collide).
 */

/** Thirteen occupations: same code (62102 twice), same subgroup (2521x), group, main group, unrelated codes. */
export const TEST_OCCUPATIONS: MatchOccupation[] = [
  { id: 'kaufmann-im-einzelhandel', kldb: '62102', field: 'Handel', name: 'Kaufmann/-frau im Einzelhandel' },
  { id: 'verkaeufer', kldb: '62102', field: 'Handel', name: 'Verkäufer/-in' },
  {
    id: 'fachverkaeufer-lebensmittel',
    kldb: '62312',
    field: 'Handel',
    name: 'Fachverkäufer/-in im Lebensmittelhandwerk',
  },
  { id: 'kaufmann-e-commerce', kldb: '61282', field: 'Handel', name: 'Kaufmann/-frau im E-Commerce' },
  {
    id: 'kraftfahrzeugmechatroniker',
    kldb: '25212',
    field: 'Fahrzeugtechnik',
    name: 'Kraftfahrzeugmechatroniker/-in',
    aliases: ['Kfz-Mechatroniker'],
  },
  { id: 'kfz-spezialist', kldb: '25213', field: 'Fahrzeugtechnik', name: 'Kfz-Spezialist/-in (Testeintrag)' },
  { id: 'zweiradmechatroniker', kldb: '25252', field: 'Fahrzeugtechnik', name: 'Zweiradmechatroniker/-in' },
  { id: 'industriemechaniker', kldb: '25102', field: 'Metall', name: 'Industriemechaniker/-in' },
  { id: 'metallbauer', kldb: '24412', field: 'Metall', name: 'Metallbauer/-in' },
  { id: 'koch', kldb: '29302', field: 'Gastronomie und Hotel', name: 'Koch/Köchin' },
  { id: 'baecker', kldb: '29222', field: 'Lebensmittel', name: 'Bäcker/-in' },
  {
    id: 'medizinischer-fachangestellter',
    kldb: '81102',
    field: 'Gesundheit',
    name: 'Medizinische/-r Fachangestellte/-r',
  },
  { id: 'fachinformatiker', kldb: '43412', field: 'IT', name: 'Fachinformatiker/-in' },
];

const occIds = TEST_OCCUPATIONS.map((o) => o.id);
const cefr = fc.constantFrom('A1', 'A2', 'B1', 'B2', 'C1', 'C2', null);
const school = fc.constantFrom('none', 'esa', 'msa', 'fachhochschulreife', 'abitur', null);
const kind = fc.constantFrom('apprenticeship', 'internship', 'entry_qualification', 'taster_day');
/** A date in 2027 (or null), as `YYYY-MM-DD`. */
const date = fc.option(
  fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10)),
  { nil: null, freq: 4 },
);
/** Coordinates in a 1°×1.5° box around Düsseldorf/Hagen; sometimes on a few shared points (equal distances). */
const coord = fc.oneof(
  fc.record({
    lat: fc.double({ min: 51, max: 52, noNaN: true }),
    lon: fc.double({ min: 6.5, max: 8, noNaN: true }),
  }),
  fc.constantFrom({ lat: 51.2277, lon: 6.7735 }, { lat: 51.3671, lon: 7.4633 }, { lat: 51.5, lon: 7.2 }),
);

/** Arbitrary weights (kind ≥ 1: at least one weight is positive). */
export const arbWeights = fc.record({
  occupation: fc.integer({ min: 0, max: 50 }),
  distance: fc.integer({ min: 0, max: 50 }),
  language: fc.integer({ min: 0, max: 50 }),
  school: fc.integer({ min: 0, max: 50 }),
  start: fc.integer({ min: 0, max: 50 }),
  kind: fc.integer({ min: 1, max: 50 }),
});

/** An arbitrary client (ids are assigned by `withIds`). */
export const arbClient: fc.Arbitrary<Omit<MatchClient, 'id'>> = fc
  .record({
    at: fc.option(coord, { nil: null, freq: 8 }),
    mobilityRadiusKm: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null, freq: 4 }),
    wishedOccupationIds: fc.array(fc.oneof(fc.constantFrom(...occIds), fc.constant('not-in-the-list')), {
      maxLength: 3,
    }),
    interests: fc.array(fc.constantFrom('Metall', 'handel', '29', '8', 'xy', 'Kfz', ''), { maxLength: 2 }),
    germanLevel: cefr,
    schoolQualification: school,
    availableFrom: date,
    availableUntil: date,
    wantedKinds: fc.uniqueArray(kind, { maxLength: 3 }),
    matchingConsent: fc.nat(9).map((n) => n > 0),
    residenceStatus: fc.constantFrom(
      'duldung',
      'aufenthaltsgestattung',
      'aufenthaltserlaubnis',
      'eu_citizen',
      null,
    ),
    workPermit: fc.constantFrom('yes', 'no', 'applied', 'not_needed', null),
    drivingLicence: fc.option(fc.boolean(), { nil: null }),
    placed: fc.constantFrom(false, false, false, true),
  })
  .map(({ at, ...c }) => ({ ...c, lat: at?.lat ?? null, lon: at?.lon ?? null }));

/** An arbitrary place (ids are assigned by `withIds`). */
export const arbPlace: fc.Arbitrary<Omit<MatchPlace, 'id'>> = fc
  .record({
    at: fc.option(coord, { nil: null, freq: 10 }),
    kind,
    occupationId: fc.option(fc.constantFrom(...occIds), { nil: null, freq: 10 }),
    minSchoolQualification: school,
    minGermanLevel: cefr,
    languageSupport: fc.boolean(),
    drivingLicenceRequired: fc.boolean(),
    startsOn: date,
    status: fc.constantFrom('open', 'open', 'open', 'filled', 'withdrawn'),
  })
  .map(({ at, ...p }) => ({ ...p, companyId: 'company', lat: at?.lat ?? null, lon: at?.lon ?? null }));

/** Gives records ids in shuffled order (so table order ≠ id order and ties are broken by id, not position). */
export function withIds<T>(prefix: string, list: readonly T[]): Array<T & { id: string }> {
  return list.map((r, i) => ({ ...r, id: `${prefix}-${String((i * 7919) % 100003).padStart(6, '0')}-${i}` }));
}

/** A client with every field unknown or empty except the id, for edge cases. */
export function bareClient(id: string, patch: Partial<MatchClient> = {}): MatchClient {
  return {
    id,
    lat: null,
    lon: null,
    mobilityRadiusKm: null,
    wishedOccupationIds: [],
    interests: [],
    germanLevel: null,
    schoolQualification: null,
    availableFrom: null,
    availableUntil: null,
    wantedKinds: [],
    matchingConsent: true,
    residenceStatus: null,
    workPermit: null,
    drivingLicence: null,
    ...patch,
  };
}

/** An open apprenticeship place without requirements, for edge cases. */
export function barePlace(id: string, patch: Partial<MatchPlace> = {}): MatchPlace {
  return {
    id,
    companyId: 'company',
    kind: 'apprenticeship',
    occupationId: null,
    lat: null,
    lon: null,
    minSchoolQualification: null,
    minGermanLevel: null,
    languageSupport: false,
    drivingLicenceRequired: false,
    startsOn: null,
    status: 'open',
    ...patch,
  };
}
