import { createHash } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { pickLanguage } from '../i18n';
import type { Actor, RequestContext } from './context';

/** Name of the session cookie (HttpOnly, SameSite=Lax, Secure under https). */
export const SESSION_COOKIE = 'kausa_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in user (health, login, csrf token, docs, web pages). */
    public?: boolean;
    /** Route is exempt from CSRF checks (none of ours is; kept explicit for webhooks later). */
    csrfExempt?: boolean;
    /** Route stays open while the user still has to replace a one-time password. */
    allowPendingPasswordChange?: boolean;
  }
}

/** SHA-256 of a session token: what the `session` table stores instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * What a CSRF token is bound to: the session cookie (empty before sign-in), so a token issued in
 * one session is refused in another (`anonymous` before sign-in). Pass it to `reply.generateCsrf({ userInfo })`.
 */
export function csrfUserInfo(req: FastifyRequest): string {
  // The CSRF library refuses an empty user info: anonymous requests share one placeholder.
  return req.cookies[SESSION_COOKIE] ?? 'anonymous';
}

/** Options of the auth plugin: how a session token hash becomes an actor (supplied by the auth module). */
export interface AuthPluginOptions {
  config: Config;
  db: Kysely<Database>;
  cookieSecret: string;
  resolveSession: (db: Kysely<Database>, tokenHash: string) => Promise<Actor | null>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds `request.ctx` for every request, resolves the session cookie to an actor, answers 401 on
 * non-public routes without one, and enforces CSRF tokens (`x-csrf-token`, double-submit with a
 * signed secret cookie) on every state-changing request.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(fastifyCookie, { secret: opts.cookieSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'kausa_csrf',
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: opts.config.secureCookies,
      signed: true,
    },
    getToken: (req: FastifyRequest) => req.headers['x-csrf-token'] as string | undefined,
    // Binds each token to the session it was issued in: a token from before sign-in (or from
    // another session) is refused afterwards.
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: opts.cookieSecret },
  });

  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await opts.resolveSession(opts.db, hashToken(token)) : null;
    request.ctx = {
      db: opts.db,
      actor,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      lang: pickLanguage(request.headers['accept-language']),
      log: request.log,
      config: opts.config,
    };
    const routeConfig = request.routeOptions.config;
    if (routeConfig?.public || !request.routeOptions.url?.startsWith('/api/')) return;
    if (!actor) throw new AppError('unauthenticated');
    if (actor.mustChangePassword && !routeConfig?.allowPendingPasswordChange) {
      throw new AppError('password_change_required');
    }
  });

  // Callback style: on a bad token the CSRF plugin answers through reply.send(error) and never calls done.
  app.addHook('onRequest', (request, reply, done) => {
    // Unknown routes (no route url) answer 404 rather than a CSRF error.
    if (UNSAFE.has(request.method) && request.routeOptions.url && !request.routeOptions.config?.csrfExempt) {
      app.csrfProtection(request, reply, done);
    } else done();
  });
});
