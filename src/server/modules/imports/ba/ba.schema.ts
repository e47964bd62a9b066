import { z } from 'zod';

/**
 * The parts of a Bundesagentur für Arbeit job-search response (`GET /pc/v4/jobs`, schema
 * `JobSearchResponse`) that the import reads. Source: the community OpenAPI description
 * (bundesAPI/jobsuche-api, excerpt in `data/ba-jobsuche/`). Lenient on purpose: unknown fields are
 * kept, optional ones may be missing or null (the service leaves out empty values), `arbeitsort.plz`
 * is an integer in the description (so 01067 arrives as 1067) but a string in practice.
 */
const text = z.string().max(10_000).nullish();

/** Place of work of an offer (`arbeitsort`). */
export const ZBaWorkplace = z.looseObject({
  plz: z.union([z.string().max(20), z.int().min(0).max(99_999)]).nullish(),
  ort: text,
  strasse: text,
  region: text,
  land: text,
  koordinaten: z.looseObject({ lat: z.number().nullish(), lon: z.number().nullish() }).nullish(),
});

/** One offer of the search (`stellenangebote[]`); `refnr` is the BA reference number (e.g. `10000-1184867112-S`). */
export const ZBaOffer = z.looseObject({
  refnr: z.string().trim().min(1).max(100),
  titel: text,
  beruf: text,
  arbeitgeber: text,
  eintrittsdatum: text,
  aktuelleVeroeffentlichungsdatum: text,
  modifikationsTimestamp: text,
  hashId: text,
  kundennummerHash: text,
  externeUrl: text,
  arbeitsort: ZBaWorkplace.nullish(),
});
/** A job-search offer. */
export type TBaOffer = z.infer<typeof ZBaOffer>;

/**
 * One page of a job search. The service leaves out `stellenangebote` when nothing was found;
 * `maxErgebnisse`, `page` and `size` are strings in the description, numbers in some answers.
 */
export const ZBaSearchResponse = z.looseObject({
  stellenangebote: z.array(ZBaOffer).max(10_000).optional(),
  maxErgebnisse: z.union([z.string().max(20), z.int()]).optional(),
  page: z.union([z.string().max(20), z.int()]).optional(),
  size: z.union([z.string().max(20), z.int()]).optional(),
});
/** A job-search page. */
export type TBaSearchResponse = z.infer<typeof ZBaSearchResponse>;

/** Body of `POST /api/imports/ba`: one saved page, or several pages of the same search in order. */
export const ZBaUpload = z.union([ZBaSearchResponse, z.array(ZBaSearchResponse).min(1).max(100)]);
/** Parsed BA upload. */
export type TBaUpload = z.infer<typeof ZBaUpload>;
