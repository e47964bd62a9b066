import type { MatchClient, MatchOccupation, MatchPlace } from '../engine';

/** Input and output shapes of the synthetic data generator (generator.ts). */

/** A postcode of the reference data with its centroid (WGS84) and Kreis (5-digit AGS). */
export interface GeneratorPostcode {
  postcode: string;
  lat: number;
  lon: number;
  kreisAgs: string;
}

/** An occupation of data/occupations.json as the generator needs it. */
export interface GeneratorOccupation {
  id: string;
  name: string;
  kldb: string;
  kind: string;
  field: string | null;
  aliases: readonly string[];
  chamber: readonly string[];
  durationMonths: number;
}

/** The reference data the generator draws from (see `loadGeneratorReference`). */
export interface GeneratorReference {
  postcodes: readonly GeneratorPostcode[];
  /** Population by Kreis AGS (Destatis 2018); Kreise without figure get the mean per postcode. */
  kreisPopulation: ReadonlyMap<string, number>;
  occupations: readonly GeneratorOccupation[];
}

/**
 * Where records live. A postcode belongs to the region when it matches any of `kreise`,
 * `postcodePrefixes` or `around` (all postcodes when none of the three is given) and, when `only` is
 * given, is one of `only`.
 */
export interface GeneratorRegion {
  /** Kreis AGS or AGS prefixes: `05111` (Düsseldorf), `059` (Regierungsbezirk Arnsberg), `05` (NRW). */
  kreise?: readonly string[];
  /** Postcode prefixes, e.g. `58`. */
  postcodePrefixes?: readonly string[];
  /** Postcodes whose centroid lies within `radiusKm` (great circle) of the centroid of `postcode`. */
  around?: ReadonlyArray<{ postcode: string; radiusKm: number }>;
  /** Allow-list applied on top, e.g. the postcodes that have a town (not only a large organisation). */
  only?: Iterable<string>;
}

/** What to generate, where (`region`, default all of Germany). */
export interface GeneratorOptions {
  seed?: number;
  clients: number;
  places: number;
  /** Default: places / 2.5, at least 1 when there are places. */
  companies?: number;
  region?: GeneratorRegion;
  /** The day the data set is "as of" (`YYYY-MM-DD`, default 2026-11-30): windows and start dates follow it. */
  today?: string;
}

/** A generated client: the engine's fields plus the record fields a demo installation needs. */
export interface GeneratedClient extends MatchClient {
  postcode: string | null;
  kreisAgs: string | null;
  givenNames: string;
  familyName: string;
  gender: 'female' | 'male';
  dateOfBirth: string;
  countryOfOrigin: string;
}

/** A generated company (fields of the companies table). */
export interface GeneratedCompany {
  id: string;
  name: string;
  legalForm: string | null;
  /** WZ 2008 section letter. */
  sector: string;
  employees: number;
  postcode: string;
  kreisAgs: string;
  lat: number;
  lon: number;
  /** `ZChamber` code. */
  chamber: string;
  mainOccupationId: string;
}

/** A generated place: the engine's fields plus record fields. */
export interface GeneratedPlace extends MatchPlace {
  postcode: string | null;
  kreisAgs: string | null;
  seats: number;
  title: string;
  durationMonths: number;
}

/** A generated data set; `occupations` is the catalogue to hand to the engine. */
export interface GeneratedDataset {
  occupations: MatchOccupation[];
  clients: GeneratedClient[];
  companies: GeneratedCompany[];
  places: GeneratedPlace[];
}
