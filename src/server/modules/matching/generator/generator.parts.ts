import {
  COMPANY_FAMILY_NAMES,
  COMPANY_WORDS,
  chamberCode,
  LEGAL_FORMS,
  ORIGINS,
  SECTOR_BY_FIELD,
} from './generator.names';
import type { GeneratedCompany, GeneratorOccupation, GeneratorPostcode } from './generator.types';
import { aliasTable, type Rng, weightedChoice } from './prng';

/** Pieces of generated records: ids, days, persons and companies. */

/** A UUID (version 4 layout) from the random stream: reproducible, insertable into uuid columns. */
export function uuidFrom(rng: Rng): string {
  const h = (n: number) => n.toString(16).padStart(8, '0');
  const a = h(rng.u32());
  const b = h(((rng.u32() & 0xffff0fff) | 0x00004000) >>> 0);
  const c = h(((rng.u32() & 0x3fffffff) | 0x80000000) >>> 0);
  const d = h(rng.u32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/**
 * Day number (days since 1970-01-01) of `YYYY-MM-DD`.
 * @throws Error for any other text
 */
export function isoDay(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`generator: not a date: ${iso}`);
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
  );
}

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (cached: a data set uses a few thousand distinct days). */
export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

const EU_ORIGINS = ORIGINS.filter((o) => o.eu);
const OTHER_ORIGINS = ORIGINS.filter((o) => !o.eu);
const euOriginTable = aliasTable(EU_ORIGINS.map((o) => o.weight));
const otherOriginTable = aliasTable(OTHER_ORIGINS.map((o) => o.weight));
const legalForm = weightedChoice(LEGAL_FORMS);

/** Days from the 16th birthday (plus a month's margin) to the last day before the 28th. */
const AGE_MIN_DAYS = Math.ceil(365.25 * 16) + 31;
const AGE_SPAN_DAYS = Math.floor(365.25 * 28) - 1 - AGE_MIN_DAYS;

/**
 * Name, gender (60 % male: assumption, young refugees are mostly male), birth date (16 to 27 years on
 * `today`, at least a month past the 16th birthday: old enough to consent alone) and country of
 * origin, drawn from the EU origins for an EU citizen and from the others for any other status.
 */
export function buildPerson(rng: Rng, today: number, residenceStatus: string | null) {
  const eu = residenceStatus === 'eu_citizen';
  const origin = (eu ? EU_ORIGINS : OTHER_ORIGINS)[
    (eu ? euOriginTable : otherOriginTable).draw(rng)
  ] as (typeof ORIGINS)[number];
  const gender: 'female' | 'male' = rng.chance(0.6) ? 'male' : 'female';
  const ageDays = AGE_MIN_DAYS + rng.int(AGE_SPAN_DAYS);
  const f = rng.int(origin.family.length);
  const family = gender === 'female' && origin.femaleFamily ? origin.femaleFamily : origin.family;
  return {
    givenNames: rng.pick(gender === 'male' ? origin.male : origin.female),
    familyName: family[f] as string,
    gender,
    dateOfBirth: isoOf(today - ageDays),
    countryOfOrigin: origin.country,
  };
}

/** A company around its main occupation at a postcode, with `[min, max]` employees. */
export function buildCompany(
  rng: Rng,
  occ: GeneratorOccupation,
  pc: GeneratorPostcode,
  employees: readonly [number, number],
): GeneratedCompany {
  const words = COMPANY_WORDS[occ.field ?? ''] ?? COMPANY_WORDS['*'] ?? ['Betrieb'];
  const form = legalForm(rng);
  const name = [rng.pick(words), rng.pick(COMPANY_FAMILY_NAMES), form].filter(Boolean).join(' ');
  const [lo, hi] = employees;
  return {
    id: uuidFrom(rng),
    name,
    legalForm: form || null,
    sector: SECTOR_BY_FIELD[occ.field ?? ''] ?? 'C',
    employees: lo + rng.int(hi - lo + 1),
    postcode: pc.postcode,
    kreisAgs: pc.kreisAgs,
    lat: pc.lat,
    lon: pc.lon,
    chamber: chamberCode(occ.chamber[0] ?? 'OTHER', occ.id),
    mainOccupationId: occ.id,
  };
}
