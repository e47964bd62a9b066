import { z } from 'zod';
import { ZLandCode } from './offices';

/**
 * German postcode (PLZ): always a 5-digit string, leading zeros kept (01067 Dresden).
 * Source: GeoNames postal codes (CC BY 4.0).
 */
export const ZPostcode = z.string().regex(/^\d{5}$/);

/** Path parameter `{ plz }`: any string, so a 4-digit "1067" can be answered with a helpful 400. */
export const ZPostcodeParams = z.object({ plz: z.string().max(20) });

/** A place (Ort) under a postcode; `organisation` marks a large-customer postcode (Großkunden-PLZ). */
export const ZPostcodePlace = z.object({ name: z.string(), organisation: z.boolean() });

/**
 * A postcode with its Land, Kreis (AGS, 5 digits) and centroid (WGS84 degrees, mean of its places).
 */
export const ZPostcodeInfo = z.object({
  postcode: ZPostcode,
  landCode: ZLandCode,
  landName: z.string(),
  kreisAgs: z.string().regex(/^\d{5}$/),
  kreisName: z.string(),
  lat: z.number(),
  lon: z.number(),
  places: z.array(ZPostcodePlace),
});
/** Postcode details. */
export type TPostcodeInfo = z.infer<typeof ZPostcodeInfo>;

/** Query of place-name autocomplete (`/api/reference/places?q=Magdeb`): ≥ 2 characters, or a postcode prefix. */
export const ZPlaceQuery = z.object({
  q: z.string().trim().min(2).max(80),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** One autocomplete hit: a postcode and place. */
export const ZPlaceHit = z.object({
  postcode: ZPostcode,
  place: z.string(),
  kreisName: z.string(),
  landCode: ZLandCode,
  landName: z.string(),
});
/** Place hit. */
export type TPlaceHit = z.infer<typeof ZPlaceHit>;

/** Query of `/api/reference/distance`: two postcodes. */
export const ZDistanceQuery = z.object({ from: z.string().max(20), to: z.string().max(20) });
/** Great-circle distance in km between two postcode centroids. */
export const ZDistance = z.object({ from: ZPostcode, to: ZPostcode, km: z.number() });

/** Competent body (zuständige Stelle) registering training contracts (BBiG §§ 71–75). */
export const ZChamber = z.enum(['IHK', 'HWK', 'LWK', 'FB', 'OED', 'OTHER']);
/** Chamber code: IHK, HWK, LWK (agriculture), FB (liberal professions), OED (public service), OTHER. */
export type TChamber = z.infer<typeof ZChamber>;

/**
 * Kind of occupation entry: regular dual, two-year, theory-reduced (§ 66 BBiG / § 42r HwO) — all three
 * recognised under BBiG/HwO —, `federal_other` = training under its own federal law outside BBiG/HwO
 * ("Ausbildung nach eigenem Bundesgesetz": Pflegefachmann/-frau under the PflBG, Notfallsanitäter/-in
 * under the NotSanG, ATA/OTA under the ATA-OTA-G; a training contract with pay like a dual training, the
 * law named in `legalBasis`), or EQ field (§ 54a SGB III).
 */
export const ZOccupationKind = z.enum(['dual', 'two_year', 'theory_reduced', 'federal_other', 'eq']);
/** Occupation kind. */
export type TOccupationKind = z.infer<typeof ZOccupationKind>;

/** Kinds recognised under BBiG/HwO (what the BIBB list holds; no EQ fields, no training under another law). */
export const BBIG_HWO_KINDS: readonly TOccupationKind[] = ['dual', 'two_year', 'theory_reduced'];

/**
 * Kinds that are a real training occupation a place of kind `apprenticeship` can be offered in: the
 * BBiG/HwO kinds and trainings under their own federal law (`federal_other`); not EQ fields.
 */
export const TRAINING_KINDS: readonly TOccupationKind[] = [...BBIG_HWO_KINDS, 'federal_other'];

/** A recognised training occupation (DOMAIN.md `Occupation`), identified by slug and KldB 2010 code. */
export const ZOccupation = z.object({
  id: z.string(),
  name: z.string(),
  nameFemale: z.string(),
  nameMale: z.string(),
  kldb: z.string().regex(/^\d{5}$/),
  durationMonths: z.int(),
  chamber: z.array(ZChamber),
  kind: ZOccupationKind,
  aliases: z.array(z.string()),
  field: z.string().nullable(),
  /**
   * The federal law the training follows, for kind `federal_other` (abbreviation: "PflBG", "NotSanG",
   * "ATA-OTA-G"); null or absent for BBiG/HwO occupations and EQ fields.
   */
  legalBasis: z.string().nullable().optional(),
  /** Set in search results when the query matched an alias rather than the name. */
  matchedAlias: z.string().nullable().optional(),
});
/** Occupation. */
export type TOccupation = z.infer<typeof ZOccupation>;

/**
 * Query of `/api/reference/occupations`: `q` searches name, aliases and misspellings (trigram
 * similarity); `kldbPrefix` restricts to a KldB area (1–4 digits); `letter` for the A–Z list.
 */
export const ZOccupationQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kldbPrefix: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  letter: z
    .string()
    .regex(/^[A-ZÄÖÜ]$/i)
    .optional(),
  kind: ZOccupationKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed occupation query. */
export type TOccupationQuery = z.infer<typeof ZOccupationQuery>;

/** A page of occupations. */
export const ZOccupationList = z.object({ items: z.array(ZOccupation), total: z.int() });

/** A node of the KldB 2010 classification (levels 1–5: area, main group, group, subgroup, type). */
export const ZKldbNode = z.object({
  code: z.string().regex(/^\d{1,5}$/),
  level: z.int().min(1).max(5),
  title: z.string(),
  shortTitle: z.string(),
  parentCode: z.string().nullable(),
  /** Number of recognised occupations filed under this node. */
  occupationCount: z.int(),
});
/** KldB node. */
export type TKldbNode = z.infer<typeof ZKldbNode>;

/** Query of `/api/reference/kldb`: children of `parent` (omit for the 10 occupational areas). */
export const ZKldbQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
});

/** A German Land with its AGS code and population (Destatis). */
export const ZLand = z.object({ code: ZLandCode, name: z.string(), population: z.int().nullable() });
/** A Kreis / kreisfreie Stadt with AGS (5 digits), Land and population (Destatis, via landkreise-deutschland). */
export const ZKreis = z.object({
  ags: z.string().regex(/^\d{5}$/),
  name: z.string(),
  landCode: ZLandCode,
  population: z.int().nullable(),
  /** Inhabitants per km² (Destatis 2018); null where unknown (Kreise reformed since). */
  populationPerKm2: z.number().nullable().optional(),
});
/** Land. */
export type TLand = z.infer<typeof ZLand>;
/** Kreis. */
export type TKreis = z.infer<typeof ZKreis>;
