import type { TClientFields } from '../../../contracts/clients';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { getMeta, setMeta } from '../../platform/db/meta';
import { bulkInsertCases } from '../cases/index';
import { bulkInsertClients, type ClientSeedRow } from '../clients/index';
import { type CompanyRecordSeed, companyNameKey, seedCompanyRecords } from '../companies/index';
import {
  type GeneratedClientRecord,
  type GeneratedCompanyRecord,
  type GeneratedRecords,
  type GeneratorReference,
  generateRecords,
  loadGeneratorReference,
  regionFilter,
} from '../matching/index';
import { type SeedPlace, seedPlaces } from '../places/index';
import { searchPlaces } from '../reference/index';
import { demoCompanyNames, todayInGermany } from './demo.companies';

/**
 * Synthetic demo records (issue 6): a few hundred clients with open cases, companies and training
 * places around each demo service centre, made by the matching module's seeded generator from the
 * real reference data (postcodes weighted by Kreis population, occupations by apprenticeship demand),
 * so the matching pages show real-looking suggestions at once. Written through the owning modules'
 * bulk paths (clients, cases, places) and the companies seed, in one transaction, once (marker
 * `demo_synthetic_seeded` in `app_meta`). Reproducible: the same seeds and seeding day give the same
 * records (database ids aside); dates are relative to the seeding day, so the demo never looks stale.
 * Every record is marked: clients carry a note, companies the tag `SYNTHETIC_TAG`.
 */

/** Tag of every synthetic company (the hand-made demo companies have none of it). */
export const SYNTHETIC_TAG = 'synthetische Demo';
/** Note on every synthetic client. */
export const SYNTHETIC_NOTE = 'Synthetischer Demo-Datensatz (generiert, keine reale Person).';

/**
 * What is generated per demo office: the region (postcodes within `radiusKm` of `centre`, the office's
 * postcode in the KAUSA office directory `data/kausa-offices/`), the numbers and the seed.
 */
export const SYNTHETIC_OFFICES = {
  dus: { centre: '40235', radiusKm: 15, clients: 240, places: 180, seed: 40_235 },
  hagen: { centre: '58135', radiusKm: 15, clients: 160, places: 120, seed: 58_135 },
} as const;

/** A demo office to fill: its id and the counsellor who owns the cases and companies. */
export interface SyntheticOffice {
  officeId: string;
  counsellorId: string;
}

/** What was written into one office. */
export interface SyntheticCounts {
  clients: number;
  cases: number;
  matchingConsents: number;
  companies: number;
  places: number;
}

let cachedReference: GeneratorReference | undefined;

/** The generator's reference data, read from `data/` once per process. */
function reference(): GeneratorReference {
  cachedReference ??= loadGeneratorReference();
  return cachedReference;
}

/**
 * Town of every postcode in `candidates` that has one (postcodes of large organisations have none and
 * are left out: nobody lives there), from the reference module's place search, one query per
 * two-digit postcode area.
 */
async function townsOf(db: Executor, candidates: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(candidates);
  const towns = new Map<string, string>();
  for (const area of new Set(candidates.map((p) => p.slice(0, 2)))) {
    for (const hit of await searchPlaces(db, area, 100_000)) {
      if (wanted.has(hit.postcode) && !towns.has(hit.postcode)) towns.set(hit.postcode, hit.place);
    }
  }
  return towns;
}

/** Company name unique in the office (`taken`: name keys), the town inserted before the legal form if needed. */
function uniqueCompanyName(c: GeneratedCompanyRecord, town: string, taken: Set<string>): string {
  const base =
    c.legalForm && c.name.endsWith(` ${c.legalForm}`) ? c.name.slice(0, -c.legalForm.length - 1) : c.name;
  const form = c.legalForm && base !== c.name ? ` ${c.legalForm}` : '';
  let name = c.name;
  for (let n = 1; taken.has(companyNameKey(name)); n++)
    name = `${base} ${town}${n > 1 ? ` ${n}` : ''}${form}`;
  taken.add(companyNameKey(name));
  return name;
}

function companySeed(
  c: GeneratedCompanyRecord,
  name: string,
  town: string,
  owner: string,
): CompanyRecordSeed {
  return {
    fields: {
      name,
      legalForm: c.legalForm,
      sector: c.sector as CompanyRecordSeed['fields']['sector'],
      employees: c.employees,
      street: null,
      postcode: c.postcode,
      place: town,
      phone: null,
      email: null,
      website: null,
      chamber: c.chamber as CompanyRecordSeed['fields']['chamber'],
      ownerMigrationBackground: c.ownerMigrationBackground,
      ownerLanguages: c.ownerLanguages,
      authorisedToTrain: c.authorisedToTrain,
      qualifiedTrainer: c.qualifiedTrainer,
      trainingHistory: c.trainingHistory,
      acquisitionChannel: c.acquisitionChannel,
      acquisitionReferredBy: null,
      acquisitionOn: c.history[0]?.on ?? null,
      ownerUserId: owner,
      tags: [SYNTHETIC_TAG],
      notes: null,
    },
    history: c.history.map((h) => ({ to: h.stage, on: h.on, ...(h.reason ? { reason: h.reason } : {}) })),
    persons: [{ name: c.ownerName, role: 'owner', languages: c.ownerLanguages, isPrimary: true }],
    contacts: [],
    advice: [],
  };
}

/** The client record fields of a generated client (`ZClientFields`). */
function clientFields(c: GeneratedClientRecord): TClientFields {
  return {
    givenNames: c.givenNames,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    postcode: c.postcode,
    countryOfOrigin: c.countryOfOrigin,
    citizenship: c.citizenship,
    languages: c.languages,
    germanLevel: c.germanLevel,
    germanLevelDate: c.germanLevelDate,
    germanLevelSource: c.germanLevelSource,
    schoolQualification: c.schoolQualification,
    schoolForeign: c.schoolForeign,
    schoolCountry: c.schoolCountry,
    schoolRecognition: c.schoolRecognition,
    interests: c.interests.length > 0 ? c.interests.join(', ') : null,
    wishedOccupationIds: [...c.wishedOccupationIds],
    mobilityRadiusKm: c.mobilityRadiusKm,
    availableFrom: c.availableFrom,
    availableUntil: c.availableUntil,
    wantedPlaceKinds: [...c.wantedKinds],
    drivingLicence: c.drivingLicence,
    residenceStatus: c.residenceStatus,
    workPermit: c.workPermit,
    employmentStatusAtEntry: c.employmentStatusAtEntry,
    foreignBackground: true,
    notes: SYNTHETIC_NOTE,
  };
}

/**
 * Generates the records of one office: its region is every postcode with a town within the radius.
 * Pure apart from the town lookup; exported for the tests.
 */
export async function generateOfficeRecords(
  db: Executor,
  spec: (typeof SYNTHETIC_OFFICES)[keyof typeof SYNTHETIC_OFFICES],
  today: string,
): Promise<{ records: GeneratedRecords; towns: Map<string, string> }> {
  const ref = reference();
  const around = [{ postcode: spec.centre, radiusKm: spec.radiusKm }];
  const candidates = ref.postcodes.filter(regionFilter(ref, { around })).map((p) => p.postcode);
  const towns = await townsOf(db, candidates);
  const records = generateRecords(ref, {
    seed: spec.seed,
    clients: spec.clients,
    places: spec.places,
    region: { around, only: towns.keys() },
    today,
  });
  return { records, towns };
}

async function seedOffice(
  ctx: RequestContext,
  trx: Executor,
  office: SyntheticOffice,
  data: { records: GeneratedRecords; towns: Map<string, string> },
  taken: Set<string>,
): Promise<SyntheticCounts> {
  const { records, towns } = data;
  const { officeId, counsellorId } = office;
  const companyIds = await seedCompanyRecords(ctx, trx, {
    officeId,
    createdBy: counsellorId,
    records: records.companies.map((c) => {
      const town = towns.get(c.postcode) ?? '';
      return companySeed(c, uniqueCompanyName(c, town, taken), town, counsellorId);
    }),
  });
  const dbCompany = new Map(records.companies.map((c, i) => [c.id, companyIds[i] as string]));
  const owner = new Map(records.companies.map((c) => [c.id, c.ownerName]));
  const places: SeedPlace[] = records.places.map((p) => ({
    companyId: dbCompany.get(p.companyId) as string,
    kind: p.kind,
    occupationId: p.occupationId,
    title: p.title,
    description: null,
    seats: p.seats,
    startsOn: p.startsOn,
    durationMonths: p.durationMonths,
    postcode: p.postcode,
    place: p.postcode ? (towns.get(p.postcode) ?? null) : null,
    street: null,
    minSchoolQualification: p.minSchoolQualification,
    minGermanLevel: p.minGermanLevel,
    drivingLicenceRequired: p.drivingLicenceRequired,
    languageSupport: p.languageSupport,
    status: p.status,
    published: p.published,
    source: 'manual',
    externalRef: null,
    contactPersonName: owner.get(p.companyId) ?? null,
  }));
  await seedPlaces(trx, { officeId, createdBy: counsellorId, places });
  const rows: ClientSeedRow[] = records.clients.map((c) => ({
    fields: clientFields(c),
    counsellingConsent: { givenOn: c.consents.counsellingOn, form: 'paper' },
    matchingConsent: c.consents.matchingOn ? { givenOn: c.consents.matchingOn, form: 'digital' } : null,
  }));
  const clientIds = await bulkInsertClients(ctx, trx, { officeId, recordedBy: counsellorId, rows });
  await bulkInsertCases(ctx, trx, {
    officeId,
    changedBy: counsellorId,
    rows: records.clients.map((c, i) => ({
      clientId: clientIds[i] as string,
      counsellorId,
      history: c.case.history,
      lastContactOn: c.case.lastContactOn,
    })),
  });
  return {
    clients: clientIds.length,
    cases: clientIds.length,
    matchingConsents: rows.filter((r) => r.matchingConsent).length,
    companies: companyIds.length,
    places: places.length,
  };
}

/**
 * Seeds the synthetic records of the Düsseldorf and Hagen offices in one transaction, once: a second
 * call finds the marker `demo_synthetic_seeded` and writes nothing.
 * @param today the seeding day (`YYYY-MM-DD`, default today in Germany)
 * @returns the counts per office, or null when already seeded
 */
export async function seedSyntheticDemo(
  ctx: RequestContext,
  offices: Record<keyof typeof SYNTHETIC_OFFICES, SyntheticOffice>,
  today: string = todayInGermany(),
): Promise<Record<keyof typeof SYNTHETIC_OFFICES, SyntheticCounts> | null> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await getMeta(trx, 'demo_synthetic_seeded')) return null;
    const taken = new Set(demoCompanyNames().map(companyNameKey));
    const counts = {} as Record<keyof typeof SYNTHETIC_OFFICES, SyntheticCounts>;
    for (const key of Object.keys(SYNTHETIC_OFFICES) as Array<keyof typeof SYNTHETIC_OFFICES>) {
      const data = await generateOfficeRecords(trx, SYNTHETIC_OFFICES[key], today);
      counts[key] = await seedOffice(ctx, trx, offices[key], data, taken);
    }
    await setMeta(trx, 'demo_synthetic_seeded', JSON.stringify({ today, counts }));
    return counts;
  });
}
