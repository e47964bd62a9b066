import { z } from 'zod';
import { ZOfficeKind, ZVersion } from './common';
import { ZLandCode } from './offices';

/** How to reach an office's operator (Träger): as written on the source page. */
export const ZOperator = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

/** A practice example or success story linked from an office page. */
export const ZLinkedStory = z.object({ title: z.string(), url: z.string().nullable() });

/**
 * An entry of the public KAUSA office directory, imported from the programme's office pages
 * (`npm run import:offices`). Fields the page does not state are null/empty and listed in
 * `missingFields` — never invented. `officeId` links it to an office of this installation's tree.
 */
export const ZDirectoryEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZOfficeKind,
  location: z.string().nullable(),
  postcode: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  grantNumber: z.string().nullable(),
  fundingPeriod: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  landCodes: z.array(ZLandCode),
  operator: ZOperator,
  contactPerson: z.string().nullable(),
  description: z.string().nullable(),
  focusTopics: z.array(z.string()),
  funders: z.array(z.string()),
  stories: z.array(ZLinkedStory),
  missingFields: z.array(z.string()),
  sourceFile: z.string(),
  officeId: z.uuid().nullable(),
  version: ZVersion,
});
/** Directory entry. */
export type TDirectoryEntry = z.infer<typeof ZDirectoryEntry>;

/**
 * Query of `GET /api/office-directory`: `plz` (5 digits) → responsible offices nearest first with
 * `distanceKm`; `land` (AGS 2 digits) → offices for that Land; `q` → name/place search.
 */
export const ZDirectoryQuery = z.object({
  plz: z.string().max(20).optional(),
  land: ZLandCode.optional(),
  q: z.string().trim().max(100).optional(),
});
/** Parsed directory query. */
export type TDirectoryQuery = z.infer<typeof ZDirectoryQuery>;

/** A directory hit: the entry, its distance from the asked postcode (km, great-circle) and whether it is responsible. */
export const ZDirectoryHit = ZDirectoryEntry.extend({
  distanceKm: z.number().nullable(),
  responsible: z.boolean(),
});

/** Response of `GET /api/office-directory`: hits and the resolved origin (postcode place) if any. */
export const ZDirectoryResult = z.object({
  origin: z
    .object({ postcode: z.string(), place: z.string(), landCode: ZLandCode, landName: z.string() })
    .nullable(),
  items: z.array(ZDirectoryHit),
});
/** Directory result. */
export type TDirectoryResult = z.infer<typeof ZDirectoryResult>;

/** Body of `PATCH /api/office-directory/:id` (admin): link to an office of the tree, or unlink with null. */
export const ZLinkDirectoryEntry = z.object({ version: ZVersion, officeId: z.uuid().nullable() });
