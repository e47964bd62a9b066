import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCsrf, ZLogin, ZMe, ZSession } from '../../../contracts/auth';
import { ZOk, ZProblem } from '../../../contracts/common';
import { csrfUserInfo, SESSION_COOKIE } from '../../platform/auth/auth.plugin';
import { AppError } from '../../platform/errors';
import * as auth from './auth.service';
import { getMe } from './users.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 423: ZProblem, 429: ZProblem };

/** Sign-in routes under `/api/auth`. */
export const authRoutes: FastifyPluginAsyncZod<{ loginPerMinute: number }> = async (app, opts) => {
  /** GET /api/auth/csrf — a CSRF token for the `x-csrf-token` header (public; sets the secret cookie). */
  app.get(
    '/api/auth/csrf',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Get a CSRF token', response: { 200: ZCsrf } },
    },
    async (req, reply) => ({ token: reply.generateCsrf({ userInfo: csrfUserInfo(req) }) }),
  );

  /**
   * GET /api/auth/session — who is signed in: `{ user }`, or `{ user: null }` (public, 200 either way): the
   * web app asks it on every page, where a 401 from `/api/users/me` would be an error in the console.
   */
  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Current session', response: { 200: ZSession } },
    },
    async (req) => {
      if (!req.ctx.actor) return { user: null };
      try {
        return { user: await getMe(req.ctx) };
      } catch (err) {
        // The session's user is gone: nobody is signed in.
        if (err instanceof AppError && err.code === 'unauthenticated') return { user: null };
        throw err;
      }
    },
  );

  /**
   * POST /api/auth/login — sign in with e-mail and password; sets the HttpOnly session cookie.
   * Rate limit: LOGIN_RATE_LIMIT_PER_MINUTE (default 10) attempts per minute per address; lockout per account (423) after repeated failures.
   */
  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: opts.loginPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in', body: ZLogin, response: { 200: ZMe, ...problems } },
    },
    async (req, reply) => {
      const { user, token } = await auth.login(req.ctx, req.body);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.ctx.config.secureCookies,
        maxAge: req.ctx.config.sessionTtlHours * 3600,
      });
      return { user };
    },
  );

  /** POST /api/auth/logout — end the current session and clear the cookie. */
  app.post(
    '/api/auth/logout',
    {
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: ZOk, ...problems } },
    },
    async (req, reply) => {
      await auth.logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
};
