import { z } from 'zod';

/** Roles of DOMAIN.md ("Roles"): what a signed-in user may see and change. */
export const ZRole = z.enum(['admin', 'coordinator', 'counsellor', 'volunteer', 'viewer']);
/** One of the five roles. */
export type TRole = z.infer<typeof ZRole>;
/** All roles, in order of the DOMAIN.md table. */
export const ROLES = ZRole.options;

/** Kind of KAUSA office (DOMAIN.md `Office.kind`): national coordination → state office → service centre. */
export const ZOfficeKind = z.enum(['coordination', 'state_office', 'service_centre']);
/** Office kind. */
export type TOfficeKind = z.infer<typeof ZOfficeKind>;

/** UUID path parameter `{ id }`, in any letter case (compared in lower case, as PostgreSQL prints it). */
export const ZIdParams = z.object({ id: z.uuid().transform((s) => s.toLowerCase()) });
/** Parsed `{ id }` path parameter. */
export type TIdParams = z.infer<typeof ZIdParams>;

/** ISO 8601 timestamp as sent over HTTP (UTC, e.g. `2026-11-30T10:00:00.000Z`). */
export const ZTimestamp = z.iso.datetime({ offset: true });

/**
 * Optimistic-concurrency token: the `version` a client read. A write with a stale version is
 * answered 409 `conflict` instead of silently overwriting someone else's change.
 */
export const ZVersion = z.int().min(1);

/** Paging query: `limit` 1–200 (default 50), `offset` ≥ 0. */
export const ZPaging = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** One invalid field in a problem response: `field` is a dotted path such as `body.email`. */
export const ZProblemField = z.object({ field: z.string(), code: z.string(), message: z.string() });

/**
 * RFC 9457 problem details (`application/problem+json`). `code` is our stable error code
 * (see `ERROR_CODES`), `detail` the localised message, `errors` the invalid fields (400 only).
 */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(ZProblemField).optional(),
});
/** Problem details body. */
export type TProblem = z.infer<typeof ZProblem>;

/** Empty success body `{ ok: true }`. */
export const ZOk = z.object({ ok: z.literal(true) });

/** Bidirectional embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069): they can make a name display reversed. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * A person's or organisation's name: trimmed, `min`–`max` characters, no control or bidi-override
 * characters (so "evil" cannot be shown as "live" in lists and logs).
 */
export function ZName(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !BIDI_CONTROLS.test(v), { message: 'bidi control characters are not allowed' });
}
