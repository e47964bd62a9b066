import type { TCaseStage } from '../../../../contracts/cases';
import type { TAcquisitionChannel, TCompanyStage } from '../../../../contracts/companies.enums';

/**
 * Shares of the record fields of `generateRecords` (demo installation). All are assumptions chosen to
 * look plausible for a KAUSA service centre — synthetic data, no statistics.
 */

/** Current stage of a client's open case (assumption: most clients are preparing or applying). */
export const CASE_STAGES: ReadonlyArray<readonly [TCaseStage, number]> = [
  ['first_contact', 15],
  ['orientation', 22],
  ['preparation', 25],
  ['applying', 33],
  ['placed', 5],
];

/** Where a recorded German level comes from (assumption). */
export const GERMAN_LEVEL_SOURCES: ReadonlyArray<
  readonly ['certificate' | 'self_assessment' | 'counsellor_estimate', number]
> = [
  ['certificate', 35],
  ['counsellor_estimate', 40],
  ['self_assessment', 25],
];

/** Recognition of a school certificate from abroad (assumption). */
export const SCHOOL_RECOGNITION: ReadonlyArray<
  readonly ['not_applied' | 'applied' | 'recognised' | 'partially_recognised', number]
> = [
  ['not_applied', 40],
  ['applied', 20],
  ['recognised', 30],
  ['partially_recognised', 10],
];

/** Employment status at programme entry (assumption: mostly school leavers and job seekers). */
export const EMPLOYMENT_AT_ENTRY: ReadonlyArray<
  readonly ['unemployed' | 'long_term_unemployed' | 'inactive' | 'employed_or_training', number]
> = [
  ['inactive', 50],
  ['unemployed', 35],
  ['long_term_unemployed', 5],
  ['employed_or_training', 10],
];

/** How a company came to the service centre (assumption). */
export const ACQUISITION_CHANNELS: ReadonlyArray<readonly [TAcquisitionChannel, number]> = [
  ['outreach_visit', 45],
  ['cold_call', 30],
  ['referral', 25],
];

/** Pipeline stage of a company without places (assumption). */
export const COMPANY_STAGES_WITHOUT_PLACES: ReadonlyArray<readonly [TCompanyStage, number]> = [
  ['identified', 25],
  ['contacted', 25],
  ['advised', 25],
  ['ready_to_train', 15],
  ['declined', 5],
  ['inactive', 5],
];

/**
 * Given names and languages of a company owner by the family name in the company's name
 * (`COMPANY_FAMILY_NAMES`); `*` = German names. `migration`: owner with a migration background.
 */
export const OWNER_GIVEN_NAMES: Readonly<
  Record<string, { given: readonly string[]; languages: readonly string[]; migration: boolean }>
> = {
  '*': {
    given: ['Andreas', 'Sabine', 'Thomas', 'Claudia', 'Michael', 'Stefanie', 'Jörg', 'Anja'],
    languages: ['de'],
    migration: false,
  },
  Yilmaz: { given: ['Ahmet', 'Ayşe', 'Hakan', 'Emine'], languages: ['tr', 'de'], migration: true },
  Kaya: { given: ['Murat', 'Fatma', 'Cem', 'Gül'], languages: ['tr', 'de'], migration: true },
  Nowak: { given: ['Piotr', 'Agnieszka', 'Tomasz', 'Ewa'], languages: ['pl', 'de'], migration: true },
  Kowalski: { given: ['Marek', 'Krzysztof', 'Paweł', 'Jan'], languages: ['pl', 'de'], migration: true },
  Haddad: { given: ['Fadi', 'Rania', 'Samir', 'Lina'], languages: ['ar', 'de'], migration: true },
  Petrović: { given: ['Dragan', 'Jelena', 'Milan', 'Vesna'], languages: ['sr', 'de'], migration: true },
};

/** Other record shares and texts (assumptions). */
export const RECORD_SHARES = {
  /** Oldest open case, days before the seeding day. */
  caseMaxAgeDays: 365,
  /** Clients contacted within the last 30 days (the rest 30–120 days ago: the agenda's "no contact"). */
  recentContact: 0.75,
  /** School attended abroad: German citizens, everyone else. */
  schoolForeignIfGerman: 0.4,
  schoolForeign: 0.85,
  /** Note of a `placed` stage change (the contract copy is still missing). */
  placedNote: 'Ausbildungsvertrag unterschrieben, Kopie folgt.',
  /** Oldest company, days before the seeding day. */
  companyMaxAgeDays: 730,
  /** Companies with places that train already (`training`, else `offering`): with an open place, without. */
  trainingIfOpen: 0.2,
  trainingIfNoneOpen: 0.6,
  /** Companies that have never trained before (funders count first-time training companies). */
  neverTrained: 0.5,
  /** Open places on the public place list. */
  publishedIfOpen: 0.7,
  /** Reasons of the side exits `declined` and `inactive`. */
  exitReasons: {
    declined: [
      'Derzeit kein Ausbildungsbedarf; im nächsten Jahr erneut ansprechen.',
      'Inhaber hat keine Zeit für die Ausbildereignung.',
    ],
    inactive: [
      'Betrieb telefonisch und per E-Mail nicht mehr erreichbar.',
      'Betrieb hat den Standort aufgegeben.',
    ],
  },
} as const;
