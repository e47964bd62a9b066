import type { TPlaceKind } from '../../../../contracts/companies.enums';
import { BBIG_HWO_KINDS } from '../../../../contracts/reference';
import { greatCircleKm } from '../engine';
import { buildCompany, buildPerson, isoDay, isoOf, uuidFrom } from './generator.parts';
import {
  CLIENT_SHARES,
  COMPANY_SIZES,
  GERMAN_LEVELS,
  MOBILITY_RADII,
  OFFICE_FIELDS,
  PLACE_GERMAN_LEVELS,
  PLACE_KINDS,
  PLACE_SCHOOL,
  PLACE_SCHOOL_OFFICE,
  PLACE_SHARES,
  PLACE_SKEW_POWER,
  PLACE_STATUSES,
  RANKED_OCCUPATIONS,
  RESIDENCE_STATUSES,
  SCHOOL_QUALIFICATIONS,
  WANTED_KINDS,
  WISH_COUNTS,
  WORK_PERMIT_IF_NEEDED,
  ZIPF_Q,
  ZIPF_S,
} from './generator.shares';
import type {
  GeneratedClient,
  GeneratedCompany,
  GeneratedDataset,
  GeneratedPlace,
  GeneratorOccupation,
  GeneratorOptions,
  GeneratorPostcode,
  GeneratorReference,
  GeneratorRegion,
} from './generator.types';
import { type AliasTable, aliasTable, createRng, type Rng, weightedChoice } from './prng';

/**
 * Synthetic but realistic clients, companies and training places from the real reference data (issue 6):
 * postcodes weighted by Kreis population, occupations skewed like real apprenticeship demand, German
 * levels and residence statuses in the documented shares (generator.shares.ts). Pure given the reference
 * data: the same seed and options give the same data set, byte for byte. No clock: `today` is an option.
 */

/**
 * Occupations in popularity order with their wish weights (Zipf–Mandelbrot over the ranks). Draws from
 * the BBiG/HwO kinds only (no EQ fields, no `federal_other` trainings such as Pflegefachmann/-frau): the
 * ranking follows the BIBB list of new BBiG/HwO contracts, and entries added to the catalogue under other
 * laws do not shift the draws of a fixed seed.
 */
export function rankOccupations(
  occupations: readonly GeneratorOccupation[],
): Array<{ occ: GeneratorOccupation; weight: number }> {
  const drawn = new Set<string>(BBIG_HWO_KINDS);
  const pool = occupations.filter((o) => drawn.has(o.kind));
  const byId = new Map(pool.map((o) => [o.id, o]));
  const out: Array<{ occ: GeneratorOccupation; weight: number }> = [];
  const used = new Set<string>();
  let rank = 0;
  const weightOf = (r: number) => (r + ZIPF_Q) ** -ZIPF_S;
  for (const entry of RANKED_OCCUPATIONS) {
    const present = entry.filter(([id]) => byId.has(id));
    if (present.length === 0) continue;
    rank++;
    const sum = present.reduce((s, [, f]) => s + f, 0);
    for (const [id, f] of present) {
      out.push({ occ: byId.get(id) as GeneratorOccupation, weight: (weightOf(rank) * f) / sum });
      used.add(id);
    }
  }
  const rest = pool
    .filter((o) => !used.has(o.id))
    .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1));
  for (const occ of rest) out.push({ occ, weight: weightOf(++rank) });
  return out;
}

/** FNV-1a 32-bit hash (fixed order of the unranked occupations; stream seeds). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The region test of `GeneratorRegion`: Kreis AGS prefixes, postcode prefixes and circles around
 * postcodes (any of them; everything when none is given), then the allow-list `only`.
 * @throws Error when a centre postcode of `around` is unknown or a radius is not a positive number
 */
export function regionFilter(
  ref: GeneratorReference,
  region: GeneratorRegion | undefined,
): (p: GeneratorPostcode) => boolean {
  const kreise = region?.kreise ?? [];
  const prefixes = region?.postcodePrefixes ?? [];
  const byCode = new Map(ref.postcodes.map((p) => [p.postcode, p]));
  const circles = (region?.around ?? []).map(({ postcode, radiusKm }) => {
    const centre = byCode.get(postcode);
    if (!centre) throw new Error(`generator: unknown centre postcode ${postcode}`);
    if (!(radiusKm > 0)) throw new Error(`generator: radius must be positive (${radiusKm})`);
    return { centre, radiusKm };
  });
  const only = region?.only ? new Set(region.only) : null;
  const anyArea = kreise.length + prefixes.length + circles.length > 0;
  return (p) =>
    (only === null || only.has(p.postcode)) &&
    (!anyArea ||
      kreise.some((k) => p.kreisAgs.startsWith(k)) ||
      prefixes.some((x) => p.postcode.startsWith(x)) ||
      circles.some((c) => greatCircleKm(c.centre.lat, c.centre.lon, p.lat, p.lon) <= c.radiusKm));
}

/** Postcodes of the region (all when no region) with population weights. */
function weightedPostcodes(ref: GeneratorReference, region: GeneratorRegion | undefined) {
  const perKreis = new Map<string, number>();
  for (const p of ref.postcodes) perKreis.set(p.kreisAgs, (perKreis.get(p.kreisAgs) ?? 0) + 1);
  let known = 0;
  let knownCodes = 0;
  for (const [ags, n] of perKreis) {
    const pop = ref.kreisPopulation.get(ags);
    if (pop !== undefined) {
      known += pop;
      knownCodes += n;
    }
  }
  const meanPerPostcode = knownCodes > 0 ? known / knownCodes : 1;
  const inRegion = regionFilter(ref, region);
  const list = ref.postcodes.filter(inRegion);
  if (list.length === 0) throw new Error('generator: the region holds no postcode');
  const weights = list.map((p) => {
    const pop = ref.kreisPopulation.get(p.kreisAgs);
    return pop === undefined ? meanPerPostcode : pop / (perKreis.get(p.kreisAgs) as number);
  });
  const byKreis = new Map<string, GeneratorPostcode[]>();
  for (const p of list) byKreis.set(p.kreisAgs, [...(byKreis.get(p.kreisAgs) ?? []), p]);
  return { list, table: aliasTable(weights), byKreis };
}

/**
 * Generates a data set.
 * @throws Error when the region holds no postcode or the reference has no occupation
 */
export function generateDataset(ref: GeneratorReference, opts: GeneratorOptions): GeneratedDataset {
  const seed = opts.seed ?? 2026;
  const today = isoDay(opts.today ?? '2026-11-30');
  const ranked = rankOccupations(ref.occupations);
  if (ranked.length === 0) throw new Error('generator: no occupations');
  const wishTable = aliasTable(ranked.map((r) => r.weight));
  const placeTable = aliasTable(ranked.map((r) => r.weight ** PLACE_SKEW_POWER));
  const postcodes = weightedPostcodes(ref, opts.region);
  const fieldWeights = new Map<string, number>();
  for (const r of ranked)
    if (r.occ.field) fieldWeights.set(r.occ.field, (fieldWeights.get(r.occ.field) ?? 0) + r.weight);
  const fields = [...fieldWeights.entries()];
  const fieldTable = aliasTable(fields.map((f) => f[1]));
  // Independent streams: the number of places does not change the clients and vice versa.
  const stream = (name: string) => createRng((seed ^ fnv1a(name)) >>> 0);
  const pickPostcode = (rng: Rng) => postcodes.list[postcodes.table.draw(rng)] as GeneratorPostcode;

  const companies: GeneratedCompany[] = [];
  const companyRng = stream('companies');
  const nCompanies = opts.companies ?? (opts.places > 0 ? Math.max(1, Math.round(opts.places / 2.5)) : 0);
  const size = weightedChoice(COMPANY_SIZES);
  for (let i = 0; i < nCompanies; i++) {
    const occ = (ranked[placeTable.draw(companyRng)] as (typeof ranked)[number]).occ;
    companies.push(buildCompany(companyRng, occ, pickPostcode(companyRng), size(companyRng)));
  }
  const places = generatePlaces(
    stream('places'),
    opts.places,
    companies,
    ranked,
    placeTable,
    postcodes.byKreis,
    today,
  );
  const clients = generateClients(
    stream('clients'),
    opts.clients,
    ranked,
    wishTable,
    fields,
    fieldTable,
    pickPostcode,
    today,
  );
  return {
    occupations: ref.occupations.map((o) => ({
      id: o.id,
      kldb: o.kldb,
      field: o.field,
      name: o.name,
      aliases: o.aliases,
    })),
    clients,
    companies,
    places,
  };
}

function generatePlaces(
  rng: Rng,
  n: number,
  companies: readonly GeneratedCompany[],
  ranked: ReadonlyArray<{ occ: GeneratorOccupation }>,
  placeTable: AliasTable,
  byKreis: ReadonlyMap<string, GeneratorPostcode[]>,
  today: number,
): GeneratedPlace[] {
  if (n === 0) return [];
  if (companies.length === 0) throw new Error('generator: places need at least one company');
  const byId = new Map(ranked.map((r) => [r.occ.id, r.occ]));
  // Larger companies offer more places (assumption: weight 1, 2, 4, 10 by size class).
  const companyTable = aliasTable(
    companies.map((c) => (c.employees < 10 ? 1 : c.employees < 50 ? 2 : c.employees < 250 ? 4 : 10)),
  );
  const kind = weightedChoice(PLACE_KINDS);
  const status = weightedChoice(PLACE_STATUSES);
  const german = weightedChoice(PLACE_GERMAN_LEVELS);
  const school = weightedChoice(PLACE_SCHOOL);
  const schoolOffice = weightedChoice(PLACE_SCHOOL_OFFICE);
  const starts = { august: nextDate(today, 7, 1), september: nextDate(today, 8, 1) };
  const places: GeneratedPlace[] = [];
  for (let i = 0; i < n; i++) {
    const company = companies[companyTable.draw(rng)] as GeneratedCompany;
    const occ = rng.chance(PLACE_SHARES.mainOccupation)
      ? (byId.get(company.mainOccupationId) as GeneratorOccupation)
      : (ranked[placeTable.draw(rng)] as { occ: GeneratorOccupation }).occ;
    const pc = rng.chance(PLACE_SHARES.atCompanyPostcode)
      ? company
      : rng.pick(byKreis.get(company.kreisAgs) ?? [company]);
    const k = kind(rng);
    const startsOn = startDate(rng, k, today, starts);
    const title = `${TITLE_PREFIX[k]} ${occ.name}`;
    places.push({
      id: uuidFrom(rng),
      companyId: company.id,
      kind: k,
      occupationId: occ.id,
      lat: pc.lat,
      lon: pc.lon,
      postcode: pc.postcode,
      kreisAgs: pc.kreisAgs,
      minSchoolQualification: (occ.field && OFFICE_FIELDS.has(occ.field) ? schoolOffice : school)(rng),
      minGermanLevel: german(rng),
      languageSupport: rng.chance(PLACE_SHARES.languageSupport),
      drivingLicenceRequired:
        occ.id === 'berufskraftfahrer' || rng.chance(PLACE_SHARES.drivingLicenceRequired),
      startsOn: isoOf(startsOn),
      status: status(rng),
      seats: rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3,
      title,
      durationMonths:
        k === 'apprenticeship' ? occ.durationMonths : k === 'entry_qualification' ? 6 + rng.int(7) : 1,
    });
  }
  return places;
}

const TITLE_PREFIX: Record<TPlaceKind, string> = {
  apprenticeship: 'Ausbildung',
  internship: 'Praktikum',
  entry_qualification: 'Einstiegsqualifizierung',
  taster_day: 'Berufsfelderkundung',
};

/**
 * Start date of a place, always within a year of `today`: apprenticeships mostly on the next 1 August
 * / 1 September (assumption), others in the coming months.
 */
function startDate(
  rng: Rng,
  kind: TPlaceKind,
  today: number,
  next: { august: number; september: number },
): number {
  if (kind === 'apprenticeship') {
    const u = rng.next();
    if (u < 0.6) return next.august;
    if (u < 0.85) return next.september;
    return firstOfMonthAfter(today + 30 * (1 + rng.int(8)));
  }
  if (kind === 'entry_qualification') return firstOfMonthAfter(today + 30 * (1 + rng.int(9)));
  return today + 14 + rng.int(167);
}

function generateClients(
  rng: Rng,
  n: number,
  ranked: ReadonlyArray<{ occ: GeneratorOccupation }>,
  wishTable: AliasTable,
  fields: ReadonlyArray<readonly [string, number]>,
  fieldTable: AliasTable,
  pickPostcode: (rng: Rng) => GeneratorPostcode,
  today: number,
): GeneratedClient[] {
  const german = weightedChoice(GERMAN_LEVELS);
  const school = weightedChoice(SCHOOL_QUALIFICATIONS);
  const residence = weightedChoice(RESIDENCE_STATUSES);
  const permit = weightedChoice(WORK_PERMIT_IF_NEEDED);
  const radius = weightedChoice(MOBILITY_RADII);
  const wishCount = weightedChoice(WISH_COUNTS);
  const kinds = weightedChoice(WANTED_KINDS);
  const clients: GeneratedClient[] = [];
  for (let i = 0; i < n; i++) {
    const pc = rng.chance(CLIENT_SHARES.noPostcode) ? null : pickPostcode(rng);
    const wishes: string[] = [];
    const count = wishCount(rng);
    for (let tries = 0; wishes.length < count && tries < 20; tries++) {
      const id = (ranked[wishTable.draw(rng)] as { occ: GeneratorOccupation }).occ.id;
      if (!wishes.includes(id)) wishes.push(id);
    }
    const interests: string[] = [];
    if (rng.chance(CLIENT_SHARES.interests)) {
      const m = 1 + rng.int(2);
      for (let j = 0; j < m; j++) {
        const f = (fields[fieldTable.draw(rng)] as readonly [string, number])[0];
        if (!interests.includes(f)) interests.push(f);
      }
    }
    const status = residence(rng);
    const needs =
      status === 'aufenthaltsgestattung' || status === 'duldung' || status === 'ausbildungsduldung';
    const from = rng.chance(CLIENT_SHARES.availableFrom) ? today + rng.int(271) : null;
    const until = from !== null && rng.chance(CLIENT_SHARES.availableUntil) ? from + 90 + rng.int(276) : null;
    const person = buildPerson(rng, today, status);
    clients.push({
      id: uuidFrom(rng),
      lat: pc?.lat ?? null,
      lon: pc?.lon ?? null,
      postcode: pc?.postcode ?? null,
      kreisAgs: pc?.kreisAgs ?? null,
      mobilityRadiusKm: radius(rng),
      wishedOccupationIds: wishes,
      interests,
      germanLevel: german(rng),
      schoolQualification: school(rng),
      availableFrom: from === null ? null : isoOf(from),
      availableUntil: until === null ? null : isoOf(until),
      wantedKinds: kinds(rng),
      matchingConsent: rng.chance(CLIENT_SHARES.matchingConsent),
      residenceStatus: status,
      workPermit: needs
        ? permit(rng)
        : rng.chance(CLIENT_SHARES.permitNotNeededRecorded)
          ? 'not_needed'
          : null,
      drivingLicence: rng.chance(CLIENT_SHARES.drivingLicence),
      ...person,
    });
  }
  return clients;
}

/** The next date with the given month (0-based) and day strictly after `day`. */
function nextDate(day: number, month: number, date: number): number {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  const candidate = Date.UTC(year, month, date) / 86_400_000;
  return candidate > day ? candidate : Date.UTC(year + 1, month, date) / 86_400_000;
}

/** The first day of the month following `day`. */
function firstOfMonthAfter(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
}
