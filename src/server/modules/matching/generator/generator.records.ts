import type { TCaseStage } from '../../../../contracts/cases';
import type { TCefrLevel } from '../../../../contracts/clients';
import type {
  TAcquisitionChannel,
  TCompanyStage,
  TTrainingHistory,
  TYesNoInProgress,
} from '../../../../contracts/companies.enums';
import { fnv1a, generateDataset } from './generator';
import { COMPANY_FAMILY_NAMES, ORIGINS } from './generator.names';
import { isoDay, isoOf } from './generator.parts';
import {
  ACQUISITION_CHANNELS,
  CASE_STAGES,
  COMPANY_STAGES_WITHOUT_PLACES,
  EMPLOYMENT_AT_ENTRY,
  GERMAN_LEVEL_SOURCES,
  OWNER_GIVEN_NAMES,
  RECORD_SHARES,
  SCHOOL_RECOGNITION,
} from './generator.records.shares';
import type {
  GeneratedClient,
  GeneratedCompany,
  GeneratedPlace,
  GeneratorOptions,
  GeneratorReference,
} from './generator.types';
import { createRng, type Rng, weightedChoice } from './prng';

/**
 * Whole records for a demo installation (issue 6): the engine's data set of `generateDataset` plus
 * the fields the clients, cases, companies and places modules store — languages, source of the German
 * level, school abroad and its recognition, a case with a dated stage history, consents, a company's
 * pipeline history, owner and contact person, a place's publication. The extra fields come from their
 * own random streams, so the engine's fields are exactly those of `generateDataset` with the same
 * options. Pure and reproducible: same reference, options and `today` → same records.
 */

/** One dated stage change of a generated case (`note` where a placement has no contract yet). */
export interface GeneratedStageChange {
  stage: TCaseStage;
  on: string;
  note: string | null;
}

/** A generated client with everything a client record and its case hold. Dates `YYYY-MM-DD`. */
export interface GeneratedClientRecord extends GeneratedClient {
  /** ISO 3166-1 alpha-2; `DE` for German citizens. */
  citizenship: string | null;
  /** First languages (ISO 639), level not recorded. */
  languages: Array<{ code: string; level: TCefrLevel | null }>;
  germanLevelSource: 'certificate' | 'self_assessment' | 'counsellor_estimate' | null;
  germanLevelDate: string | null;
  schoolForeign: boolean;
  schoolCountry: string | null;
  schoolRecognition: 'not_applied' | 'applied' | 'recognised' | 'partially_recognised' | null;
  employmentStatusAtEntry: 'unemployed' | 'long_term_unemployed' | 'inactive' | 'employed_or_training';
  /** Counselling consent given at intake (`openedOn`); matching consent later, or null. */
  consents: { counsellingOn: string; matchingOn: string | null };
  /** The open case: first entry `first_contact` on the day it opened, last entry = current stage. */
  case: { openedOn: string; history: GeneratedStageChange[]; lastContactOn: string };
}

/** A generated company with its pipeline history (last entry = current stage) and owner. */
export interface GeneratedCompanyRecord extends GeneratedCompany {
  stage: TCompanyStage;
  history: Array<{ stage: TCompanyStage; on: string; reason: string | null }>;
  acquisitionChannel: TAcquisitionChannel;
  ownerName: string;
  ownerMigrationBackground: boolean;
  ownerLanguages: string[];
  authorisedToTrain: TYesNoInProgress | null;
  qualifiedTrainer: TYesNoInProgress | null;
  trainingHistory: TTrainingHistory | null;
}

/** A generated place with its publication on the public list (open places mostly). */
export interface GeneratedPlaceRecord extends GeneratedPlace {
  published: boolean;
}

/** The records of one region; `occupations` as in `GeneratedDataset`. */
export interface GeneratedRecords {
  occupations: ReturnType<typeof generateDataset>['occupations'];
  clients: GeneratedClientRecord[];
  companies: GeneratedCompanyRecord[];
  places: GeneratedPlaceRecord[];
}

/** `YYYY-MM-DD` plus `years` calendar years (29 February → 1 March). */
function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** `n` distinct-or-equal sorted days in [from, to]. */
function sortedDays(rng: Rng, n: number, from: number, to: number): number[] {
  const span = Math.max(0, to - from);
  return Array.from({ length: n }, () => from + rng.int(span + 1)).sort((a, b) => a - b);
}

const CASE_ORDER: readonly TCaseStage[] = [
  'first_contact',
  'orientation',
  'preparation',
  'applying',
  'placed',
];
const PIPELINE: readonly TCompanyStage[] = [
  'identified',
  'contacted',
  'advised',
  'ready_to_train',
  'offering',
  'training',
];

const caseStage = weightedChoice(CASE_STAGES);
const levelSource = weightedChoice(GERMAN_LEVEL_SOURCES);
const recognition = weightedChoice(SCHOOL_RECOGNITION);
const employment = weightedChoice(EMPLOYMENT_AT_ENTRY);
const channel = weightedChoice(ACQUISITION_CHANNELS);
const earlyStage = weightedChoice(COMPANY_STAGES_WITHOUT_PLACES);

/**
 * The client with a name not used yet in this data set (given and family name; up to 50 draws from the
 * same origin and gender, else the name stays): a demo office should not look full of duplicates.
 */
function uniqueName(rng: Rng, c: GeneratedClient, used: Set<string>): GeneratedClient {
  const origin = ORIGINS.find((o) => o.country === c.countryOfOrigin);
  let { givenNames, familyName } = c;
  for (let tries = 0; origin && used.has(`${givenNames}|${familyName}`) && tries < 50; tries++) {
    const f = rng.int(origin.family.length);
    givenNames = rng.pick(c.gender === 'male' ? origin.male : origin.female);
    familyName = ((c.gender === 'female' && origin.femaleFamily) || origin.family)[f] as string;
  }
  used.add(`${givenNames}|${familyName}`);
  return givenNames === c.givenNames && familyName === c.familyName ? c : { ...c, givenNames, familyName };
}

function clientRecord(rng: Rng, c: GeneratedClient, today: number): GeneratedClientRecord {
  const origin = ORIGINS.find((o) => o.country === c.countryOfOrigin);
  // Opened 2 weeks to a year ago, never before the client could consent alone (16th birthday).
  const sixteen = isoDay(addYears(c.dateOfBirth, 16));
  const opened = Math.max(today - 14 - rng.int(RECORD_SHARES.caseMaxAgeDays - 14), sixteen + 1);
  const stage = caseStage(rng);
  const steps = CASE_ORDER.slice(0, CASE_ORDER.indexOf(stage) + 1);
  const days = [opened, ...sortedDays(rng, steps.length - 1, opened + 1, today)];
  const history = steps.map((s, i) => ({
    stage: s,
    on: isoOf(days[i] as number),
    note: s === 'placed' ? RECORD_SHARES.placedNote : null,
  }));
  const lastChange = days[days.length - 1] as number;
  const sinceContact = rng.chance(RECORD_SHARES.recentContact) ? rng.int(30) : 30 + rng.int(90);
  const lastContact = Math.min(today, Math.max(lastChange, today - sinceContact));
  const german = c.germanLevel === null ? null : levelSource(rng);
  const levelDate =
    german === 'certificate'
      ? Math.min(today, Math.max(sixteen - 365, opened - rng.int(365)))
      : german === 'counsellor_estimate'
        ? opened
        : null;
  const foreign = rng.chance(
    c.residenceStatus === 'german_citizen'
      ? RECORD_SHARES.schoolForeignIfGerman
      : RECORD_SHARES.schoolForeign,
  );
  const languages = (origin?.languages ?? []).filter((_, i) => i === 0 || rng.chance(0.5));
  return {
    ...c,
    citizenship:
      c.residenceStatus === 'german_citizen'
        ? 'DE'
        : c.residenceStatus === 'other'
          ? null
          : c.countryOfOrigin,
    languages: languages.map((code) => ({ code, level: null })),
    germanLevelSource: german,
    germanLevelDate: levelDate === null ? null : isoOf(levelDate),
    schoolForeign: foreign,
    schoolCountry: foreign ? c.countryOfOrigin : null,
    schoolRecognition:
      foreign && c.schoolQualification && c.schoolQualification !== 'none' ? recognition(rng) : null,
    employmentStatusAtEntry: employment(rng),
    consents: {
      counsellingOn: isoOf(opened),
      matchingOn: c.matchingConsent ? isoOf(Math.min(today, opened + rng.int(31))) : null,
    },
    case: { openedOn: isoOf(opened), history, lastContactOn: isoOf(lastContact) },
  };
}

function companyRecord(
  rng: Rng,
  c: GeneratedCompany,
  places: readonly GeneratedPlace[],
  today: number,
): GeneratedCompanyRecord {
  const open = places.some((p) => p.status === 'open');
  const stage: TCompanyStage =
    places.length === 0
      ? earlyStage(rng)
      : rng.chance(open ? RECORD_SHARES.trainingIfOpen : RECORD_SHARES.trainingIfNoneOpen)
        ? 'training'
        : 'offering';
  const side = stage === 'declined' || stage === 'inactive';
  const path = side
    ? [...PIPELINE.slice(0, 2 + rng.int(2)), stage]
    : PIPELINE.slice(0, PIPELINE.indexOf(stage) + 1);
  const acquired = today - 30 - rng.int(RECORD_SHARES.companyMaxAgeDays - 30);
  const days = [acquired, ...sortedDays(rng, path.length - 1, acquired + 1, today - 1)];
  const family = COMPANY_FAMILY_NAMES.find((f) => c.name.includes(f)) ?? 'Müller';
  const owner = OWNER_GIVEN_NAMES[family] ?? OWNER_GIVEN_NAMES['*'];
  const ready = PIPELINE.indexOf(stage) >= PIPELINE.indexOf('ready_to_train');
  const training: TYesNoInProgress | null = ready
    ? 'yes'
    : side
      ? null
      : rng.pick(['no', 'in_progress'] as const);
  return {
    ...c,
    stage,
    history: path.map((s, i) => ({
      stage: s,
      on: isoOf(days[i] as number),
      reason: s === 'declined' || s === 'inactive' ? rng.pick(RECORD_SHARES.exitReasons[s]) : null,
    })),
    acquisitionChannel: channel(rng),
    ownerName: `${rng.pick(owner?.given ?? ['Alex'])} ${family}`,
    ownerMigrationBackground: owner?.migration ?? false,
    ownerLanguages: [...(owner?.languages ?? ['de'])],
    authorisedToTrain: training,
    qualifiedTrainer: training,
    trainingHistory:
      stage === 'training'
        ? 'training_now'
        : rng.chance(RECORD_SHARES.neverTrained)
          ? 'never'
          : 'not_recently',
  };
}

/**
 * Generates the records of a region: `generateDataset(ref, opts)` (same engine fields) with client,
 * case, company and place record fields from separate streams.
 * @throws Error as `generateDataset`
 */
export function generateRecords(ref: GeneratorReference, opts: GeneratorOptions): GeneratedRecords {
  const data = generateDataset(ref, opts);
  const today = isoDay(opts.today ?? '2026-11-30');
  const stream = (name: string) => createRng(((opts.seed ?? 2026) ^ fnv1a(name)) >>> 0);
  const clientRng = stream('client-records');
  const companyRng = stream('company-records');
  const placeRng = stream('place-records');
  const byCompany = new Map<string, GeneratedPlace[]>();
  for (const p of data.places) byCompany.set(p.companyId, [...(byCompany.get(p.companyId) ?? []), p]);
  const nameRng = stream('client-names');
  const used = new Set<string>();
  return {
    occupations: data.occupations,
    clients: data.clients.map((c) => clientRecord(clientRng, uniqueName(nameRng, c, used), today)),
    companies: data.companies.map((c) => companyRecord(companyRng, c, byCompany.get(c.id) ?? [], today)),
    places: data.places.map((p) => ({
      ...p,
      published: p.status === 'open' && placeRng.chance(RECORD_SHARES.publishedIfOpen),
    })),
  };
}
