import { z } from 'zod';
import { ZUser } from './users';

/** Body of `POST /api/auth/login`. */
export const ZLogin = z.object({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(200),
});
/** Parsed login input. */
export type TLogin = z.infer<typeof ZLogin>;

/** Response of `POST /api/auth/login` and `GET /api/users/me`: the signed-in user. */
export const ZMe = z.object({ user: ZUser });
/** Signed-in user. */
export type TMe = z.infer<typeof ZMe>;

/** Response of `GET /api/auth/session`: the signed-in user, or null when nobody is signed in (never a 401). */
export const ZSession = z.object({ user: ZUser.nullable() });
/** Session state. */
export type TSession = z.infer<typeof ZSession>;

/** Response of `GET /api/auth/csrf`: token to send as `x-csrf-token` on every state-changing request. */
export const ZCsrf = z.object({ token: z.string() });

/** Name of the request header carrying the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';
