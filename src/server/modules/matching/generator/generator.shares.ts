import type { TCefrLevel, TResidenceStatus } from '../../../../contracts/clients';
import type { TPlaceKind, TPlaceStatus } from '../../../../contracts/companies.enums';
import type { TMatchSchool, TMatchWorkPermit } from '../engine';

/**
 * Shares of the synthetic data set. Sourced where a source is named; everything else is an assumption
 * chosen to look plausible for KAUSA's clients (young migrants and refugees) and is marked as such. The
 * data are synthetic: they make the demo and the benchmark realistic in shape, they are no statistics.
 */

/**
 * Most chosen training occupations, in order. Ranks 1–6, 8, 9, 14 and 18 follow the BIBB "Rangliste 2022
 * der Ausbildungsberufe nach Anzahl der Neuabschlüsse" (published February 2023; figures as reported by
 * Deutsche Handwerks Zeitung: 1 Kaufmann/-frau für Büromanagement 22,950, 2 Kraftfahrzeugmechatroniker/-in
 * 21,591, 3 Verkäufer/-in 21,225, 4 Kaufmann/-frau im Einzelhandel 17,799, 5 Fachinformatiker/-in 17,562,
 * 6 Medizinische/-r Fachangestellte/-r ≈ 17,400, 8 Elektroniker/-in, 9 Anlagenmechaniker/-in SHK,
 * 14 Tischler/-in, 18 Maler/-in und Lackierer/-in). The other positions are our estimate of the order, not
 * BIBB ranks. An entry with several ids (Fachinformatiker/-in's specialisations) shares its rank's weight
 * by the given fractions (assumed).
 */
export const RANKED_OCCUPATIONS: ReadonlyArray<ReadonlyArray<readonly [string, number]>> = [
  [['kaufmann-fuer-bueromanagement', 1]],
  [['kraftfahrzeugmechatroniker', 1]],
  [['verkaeufer', 1]],
  [['kaufmann-im-einzelhandel', 1]],
  [
    ['fachinformatiker-anwendungsentwicklung', 0.4],
    ['fachinformatiker-systemintegration', 0.45],
    ['fachinformatiker-daten-und-prozessanalyse', 0.07],
    ['fachinformatiker-digitale-vernetzung', 0.08],
  ],
  [['medizinischer-fachangestellter', 1]],
  [['industriekaufmann', 1]],
  [['elektroniker-energie-und-gebaeudetechnik', 1]],
  [['anlagenmechaniker-fuer-sanitaer-heizungs-und-klimatechnik', 1]],
  [['zahnmedizinischer-fachangestellter', 1]],
  [['industriemechaniker', 1]],
  [['fachkraft-fuer-lagerlogistik', 1]],
  [['kaufmann-fuer-gross-und-aussenhandelsmanagement', 1]],
  [['tischler', 1]],
  [['steuerfachangestellter', 1]],
  [['mechatroniker', 1]],
  [['friseur', 1]],
  [['maler-und-lackierer', 1]],
  [['koch', 1]],
  [['elektroniker-fuer-betriebstechnik', 1]],
  [['bankkaufmann', 1]],
  [['verwaltungsfachangestellter', 1]],
  [['fachlagerist', 1]],
  [['hotelfachmann', 1]],
  [['metallbauer', 1]],
  [['zerspanungsmechaniker', 1]],
  [['fachverkaeufer-im-lebensmittelhandwerk', 1]],
  [['berufskraftfahrer', 1]],
  [['kaufmann-fuer-spedition-und-logistikdienstleistung', 1]],
  [['rechtsanwaltsfachangestellter', 1]],
  [['tiermedizinischer-fachangestellter', 1]],
  [['gaertner-garten-und-landschaftsbau', 1]],
  [['kaufmann-im-e-commerce', 1]],
  [['maschinen-und-anlagenfuehrer', 1]],
  [['baecker', 1]],
  [['fachmann-fuer-systemgastronomie', 1]],
  [['kaufmann-fuer-it-system-management', 1]],
  [['fachmann-fuer-restaurants-und-veranstaltungsgastronomie', 1]],
];

/**
 * Zipf–Mandelbrot weight of rank r (1-based): (r + ZIPF_Q)^−ZIPF_S. With s = 3.5 and q = 60, rank 6 gets
 * 0.76 of rank 1 (BIBB 2022: 17.4k / 22.95k), the first ten ranks ≈ 32 % of all draws (BIBB: about a third
 * of new contracts fall to ten occupations) and rank 300 ≈ 0.2 % of rank 1 (small occupations have a few
 * dozen new contracts a year). Ranks after the list above go to the remaining occupations in a fixed
 * arbitrary order (FNV-1a hash of the id): their true order is not modelled.
 */
export const ZIPF_S = 3.5;
/** Zipf–Mandelbrot offset, see ZIPF_S. */
export const ZIPF_Q = 60;
/**
 * Places are spread more evenly over occupations than wishes (assumption: BIBB reports many unfilled places
 * in less chosen occupations, e.g. food trades): place weights are the wish weights to this power.
 */
export const PLACE_SKEW_POWER = 0.6;

/** Clients' German level (assumption; KAUSA clients are mostly at A2–B2). Null = not recorded. */
export const GERMAN_LEVELS: ReadonlyArray<readonly [TCefrLevel | null, number]> = [
  ['A1', 10],
  ['A2', 20],
  ['B1', 32],
  ['B2', 23],
  ['C1', 8],
  ['C2', 2],
  [null, 5],
];

/** Clients' school qualification (assumption). */
export const SCHOOL_QUALIFICATIONS: ReadonlyArray<readonly [TMatchSchool | null, number]> = [
  ['none', 15],
  ['esa', 30],
  ['msa', 30],
  ['fachhochschulreife', 7],
  ['abitur', 10],
  [null, 8],
];

/** Clients' residence status (assumption, refugee-heavy). */
export const RESIDENCE_STATUSES: ReadonlyArray<readonly [TResidenceStatus | null, number]> = [
  ['aufenthaltserlaubnis', 40],
  ['aufenthaltsgestattung', 14],
  ['duldung', 8],
  ['ausbildungsduldung', 2],
  ['niederlassungserlaubnis', 8],
  ['eu_citizen', 12],
  ['german_citizen', 10],
  ['other', 2],
  [null, 4],
];

/** Work permit where the status needs one (Gestattung, Duldung, Ausbildungsduldung); assumption. */
export const WORK_PERMIT_IF_NEEDED: ReadonlyArray<readonly [TMatchWorkPermit | null, number]> = [
  ['yes', 55],
  ['applied', 20],
  ['no', 15],
  [null, 10],
];

/** Mobility radius in km (null = not recorded; the engine's default applies); assumption. */
export const MOBILITY_RADII: ReadonlyArray<readonly [number | null, number]> = [
  [null, 15],
  [10, 10],
  [15, 10],
  [20, 20],
  [25, 10],
  [30, 20],
  [40, 8],
  [50, 7],
];

/** Number of wished occupations (assumption). */
export const WISH_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [0, 12],
  [1, 45],
  [2, 30],
  [3, 13],
];

/** Kinds of place a client wants (assumption; empty = no preference recorded). */
export const WANTED_KINDS: ReadonlyArray<readonly [TPlaceKind[], number]> = [
  [['apprenticeship'], 50],
  [['apprenticeship', 'entry_qualification'], 15],
  [['internship'], 8],
  [['internship', 'taster_day'], 5],
  [[], 22],
];

/** Other client shares (assumptions). */
export const CLIENT_SHARES = {
  /** Clients with an active matching consent. */
  matchingConsent: 0.92,
  /** Clients without a recorded postcode. */
  noPostcode: 0.03,
  /** Clients with one or two interests (occupational fields). */
  interests: 0.35,
  /** Clients with an availability window start. */
  availableFrom: 0.8,
  /** Of those, clients with a window end. */
  availableUntil: 0.5,
  /** Clients with a driving licence. */
  drivingLicence: 0.15,
  /** Work permit `not_needed` recorded where the status needs none (else null). */
  permitNotNeededRecorded: 0.6,
} as const;

/** Kinds of offered places (assumption: mostly apprenticeships). */
export const PLACE_KINDS: ReadonlyArray<readonly [TPlaceKind, number]> = [
  ['apprenticeship', 72],
  ['entry_qualification', 10],
  ['internship', 13],
  ['taster_day', 5],
];

/** Place status (assumption). */
export const PLACE_STATUSES: ReadonlyArray<readonly [TPlaceStatus, number]> = [
  ['open', 85],
  ['filled', 10],
  ['withdrawn', 5],
];

/** Minimum German level asked by a place (assumption). */
export const PLACE_GERMAN_LEVELS: ReadonlyArray<readonly [TCefrLevel | null, number]> = [
  [null, 35],
  ['A2', 10],
  ['B1', 35],
  ['B2', 17],
  ['C1', 3],
];

/** School requirement of a place in most fields (assumption). */
export const PLACE_SCHOOL: ReadonlyArray<readonly [TMatchSchool | null, number]> = [
  [null, 30],
  ['esa', 35],
  ['msa', 28],
  ['fachhochschulreife', 3],
  ['abitur', 4],
];

/** School requirement in office, IT, finance, law and public-service occupations (assumption). */
export const PLACE_SCHOOL_OFFICE: ReadonlyArray<readonly [TMatchSchool | null, number]> = [
  [null, 15],
  ['esa', 10],
  ['msa', 50],
  ['fachhochschulreife', 10],
  ['abitur', 15],
];

/** Fields whose places use PLACE_SCHOOL_OFFICE. */
export const OFFICE_FIELDS: ReadonlySet<string> = new Set([
  'IT',
  'Büro und Wirtschaft',
  'Finanzen und Versicherungen',
  'Recht und Steuern',
  'Öffentlicher Dienst',
]);

/** Other place shares (assumptions). */
export const PLACE_SHARES = {
  languageSupport: 0.3,
  drivingLicenceRequired: 0.08,
  /** Places at the company's postcode (else another postcode of the same Kreis: a branch). */
  atCompanyPostcode: 0.9,
  /** Places in the company's main occupation (else any occupation by place popularity). */
  mainOccupation: 0.75,
} as const;

/** Company size classes (employees), share and range (assumption, SME-heavy like German training firms). */
export const COMPANY_SIZES: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[1, 9], 40],
  [[10, 49], 35],
  [[50, 249], 18],
  [[250, 5000], 7],
];
