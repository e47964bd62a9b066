import { z } from 'zod';
import { ZName, ZRole, ZTimestamp, ZVersion } from './common';

/** UI languages a staff member can choose (client-facing pages add ar, fa, uk, tr, de-x-ls). */
export const ZStaffLocale = z.enum(['de', 'en']);

/** E-mail address used as login name; compared case-insensitively. */
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/**
 * New password rule: 12–200 characters, not counting spaces at the ends (NIST SP 800-63B §3.1.1.2:
 * length over composition rules).
 */
export const ZNewPassword = z
  .string()
  .min(12)
  .max(200)
  .refine((v) => v.trim().length >= 12, { message: 'at least 12 characters besides spaces at the ends' });

/** A staff user (DOMAIN.md roles). Never carries the password hash. */
export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  officeId: z.uuid(),
  officeName: z.string(),
  locale: ZStaffLocale,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: ZTimestamp.nullable(),
  version: ZVersion,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
/** User as returned by the API. */
export type TUser = z.infer<typeof ZUser>;

/** Response of `GET /api/users`. */
export const ZUserList = z.object({ items: z.array(ZUser), total: z.int() });

/** Query of `GET /api/users`: optional office, role and free-text filter (name or e-mail). */
export const ZUserQuery = z.object({
  officeId: z.uuid().optional(),
  role: ZRole.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed user query. */
export type TUserQuery = z.infer<typeof ZUserQuery>;

/**
 * Body of `POST /api/users` (admin). Without `password` a one-time password is generated and
 * returned once; the user must change it at first login.
 */
export const ZCreateUser = z.object({
  email: ZEmail,
  displayName: ZName(2, 120),
  role: ZRole,
  officeId: z.uuid(),
  locale: ZStaffLocale.default('de'),
  password: ZNewPassword.optional(),
});
/** Parsed create-user input. */
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** Response of `POST /api/users` and of a password reset: the user and, once, the generated password. */
export const ZCreatedUser = z.object({ user: ZUser, oneTimePassword: z.string().nullable() });

/** Body of `PATCH /api/users/:id` (admin): changed fields plus the `version` read. */
export const ZUpdateUser = z.object({
  version: ZVersion,
  displayName: ZName(2, 120).optional(),
  role: ZRole.optional(),
  officeId: z.uuid().optional(),
  locale: ZStaffLocale.optional(),
  disabled: z.boolean().optional(),
});
/** Parsed update-user input. */
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/** Body of `POST /api/users/me/password`. */
export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZNewPassword,
});
/** Parsed password change. */
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** Body of `PATCH /api/users/me`: own display preferences. */
export const ZUpdateMe = z.object({ locale: ZStaffLocale });
