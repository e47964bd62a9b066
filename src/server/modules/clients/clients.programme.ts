import type { TProgrammeFields } from '../../../contracts/clients';

/**
 * EU-27 member states (ISO 3166-1 alpha-2; Greece as `GR`), without Germany, which counts as
 * `german`. Source: europa.eu "EU countries" (state after the UK left on 2020-01-31).
 */
export const EU_MEMBER_CODES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/**
 * Below this population density (inhabitants per km² of the Kreis) a residence counts as rural.
 * Source: the OECD regional typology and the BBSR "Siedlungsstrukturelle Kreistypen" both draw the
 * line at 150 inhabitants per km²; applied here to the Kreis alone (a simplification of BBSR, which
 * also weighs the share of people in large towns).
 */
export const RURAL_DENSITY_PER_KM2 = 150;

/** Whole years between `dateOfBirth` and `on` (both `YYYY-MM-DD`; a birthday counts on its day). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age group at programme entry (ESF+ common indicators: below 18, 18–29, 30 and older); null without a birth date. */
export function ageGroup(dateOfBirth: string | null, entryOn: string): TProgrammeFields['ageGroupAtEntry'] {
  if (!dateOfBirth) return null;
  const age = ageOn(dateOfBirth, entryOn);
  return age < 18 ? 'under_18' : age < 30 ? '18_29' : '30_plus';
}

/**
 * ISCED 2011 level of a school qualification. Source: ISCED 2011 mapping for Germany (UNESCO UIS /
 * Eurostat ISCED mappings, KMK/Destatis "Bildung in Deutschland"): no qualification → 1 (primary
 * completed), Erster (Hauptschul-) and Mittlerer Schulabschluss (Realschule) → 2 (lower secondary),
 * Fachhochschulreife and Abitur → 3 (upper secondary). A foreign certificate counts only when it was
 * recognised (fully); otherwise the level is unknown (null), as is a missing qualification.
 */
export function iscedLevel(q: {
  schoolQualification: string | null;
  schoolForeign: boolean | null;
  schoolRecognition: string | null;
}): number | null {
  if (!q.schoolQualification) return null;
  if (q.schoolForeign && q.schoolRecognition !== 'recognised') return null;
  switch (q.schoolQualification) {
    case 'none':
      return 1;
    case 'esa':
    case 'msa':
      return 2;
    case 'fachhochschulreife':
    case 'abitur':
      return 3;
    default:
      return null;
  }
}

/** Citizenship group for funders: `DE` → german, an EU-27 member → eu, any other country → third_country. */
export function citizenshipGroup(citizenship: string | null): TProgrammeFields['citizenshipGroup'] {
  if (!citizenship) return null;
  const c = citizenship.trim().toUpperCase();
  if (c === 'DE') return 'german';
  return EU_MEMBER_CODES.has(c) ? 'eu' : 'third_country';
}

/** Rural residence: the Kreis has fewer than `RURAL_DENSITY_PER_KM2` inhabitants per km²; null when unknown. */
export function ruralResidence(kreisDensityPerKm2: number | null | undefined): boolean | null {
  if (kreisDensityPerKm2 === null || kreisDensityPerKm2 === undefined) return null;
  return kreisDensityPerKm2 < RURAL_DENSITY_PER_KM2;
}

/** What `programmeFields` needs of a client (plain data; dates `YYYY-MM-DD`). */
export interface ProgrammeInput {
  dateOfBirth: string | null;
  /** Day of programme entry (the client's creation). */
  entryOn: string;
  schoolQualification: string | null;
  schoolForeign: boolean | null;
  schoolRecognition: string | null;
  citizenship: string | null;
  /** Population density of the client's Kreis (inhabitants per km²), null when unknown. */
  kreisDensityPerKm2: number | null;
}

/** The funder programme fields (ZProgrammeFields) derived from the record; pure, no I/O. */
export function programmeFields(i: ProgrammeInput): TProgrammeFields {
  return {
    ageGroupAtEntry: ageGroup(i.dateOfBirth, i.entryOn),
    iscedLevel: iscedLevel(i),
    citizenshipGroup: citizenshipGroup(i.citizenship),
    ruralResidence: ruralResidence(i.kreisDensityPerKm2),
  };
}
