import { z } from 'zod';
import { ZName, ZOfficeKind, ZTimestamp, ZVersion } from './common';

/** German Land as two-digit AGS prefix ("01" Schleswig-Holstein … "16" Thüringen), source: Destatis AGS. */
export const ZLandCode = z.string().regex(/^(0[1-9]|1[0-6])$/);

/**
 * An office of the KAUSA tree (DOMAIN.md `Office`). `parentId` is null only for the national
 * coordination; a state office hangs below coordination, a service centre below a state office.
 */
export const ZOffice = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: ZOfficeKind,
  name: z.string(),
  landCode: ZLandCode.nullable(),
  version: ZVersion,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
/** Office as returned by the API. */
export type TOffice = z.infer<typeof ZOffice>;

/** Body of `POST /api/offices`. */
export const ZCreateOffice = z.object({
  parentId: z.uuid().nullable(),
  kind: ZOfficeKind,
  name: ZName(2, 200),
  landCode: ZLandCode.nullable().default(null),
});
/** Parsed create-office input. */
export type TCreateOffice = z.infer<typeof ZCreateOffice>;

/** Body of `PATCH /api/offices/:id`: changed fields plus the `version` that was read. */
export const ZUpdateOffice = z.object({
  version: ZVersion,
  name: ZName(2, 200).optional(),
  landCode: ZLandCode.nullable().optional(),
});
/** Parsed update-office input. */
export type TUpdateOffice = z.infer<typeof ZUpdateOffice>;

/** Response of `GET /api/offices`. */
export const ZOfficeList = z.object({ items: z.array(ZOffice) });
