import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMe } from '../../../contracts/auth';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import {
  ZChangePassword,
  ZCreatedUser,
  ZCreateUser,
  ZUpdateMe,
  ZUpdateUser,
  ZUserList,
  ZUserQuery,
} from '../../../contracts/users';
import * as auth from './auth.service';
import * as service from './users.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ['users'];
/** Routes a user with a one-time password may still call. */
const pending = { allowPendingPasswordChange: true };

/** Staff user routes under `/api/users`. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/users/me — the signed-in user; 401 when not signed in. */
  app.get(
    '/api/users/me',
    { config: pending, schema: { tags, summary: 'Current user', response: { 200: ZMe, ...problems } } },
    async (req) => ({
      user: await service.getMe(req.ctx),
    }),
  );

  /** PATCH /api/users/me — own UI language. */
  app.patch(
    '/api/users/me',
    {
      config: pending,
      schema: {
        tags,
        summary: 'Update own preferences',
        body: ZUpdateMe,
        response: { 200: ZMe, ...problems },
      },
    },
    async (req) => ({ user: await service.updateMe(req.ctx, req.body) }),
  );

  /** POST /api/users/me/password — change own password (current one required); ends other sessions. */
  app.post(
    '/api/users/me/password',
    {
      // Guessing the current password is rate-limited like sign-in.
      config: { ...pending, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change own password',
        body: ZChangePassword,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await auth.changePassword(req.ctx, req.body);
      return { ok: true as const };
    },
  );

  /** GET /api/users — users the actor may see (admin: all; coordinator: own office subtree). */
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: ZUserQuery,
        response: { 200: ZUserList, ...problems },
      },
    },
    async (req) => service.listUsers(req.ctx, req.query),
  );

  /** POST /api/users — create a user (admin); returns a one-time password when none was given. */
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: ZCreateUser,
        response: { 201: ZCreatedUser, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(req.ctx, req.body)),
  );

  /** GET /api/users/:id — one user (audited read); 404 outside the actor's scope. */
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Get a user', params: ZIdParams, response: { 200: ZMe, ...problems } } },
    async (req) => ({ user: await service.getUser(req.ctx, req.params.id) }),
  );

  /** PATCH /api/users/:id — change name, role, office, language, disabled (admin); 409 on stale version. */
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a user (admin)',
        params: ZIdParams,
        body: ZUpdateUser,
        response: { 200: ZMe, ...problems },
      },
    },
    async (req) => ({ user: await service.updateUser(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/users/:id/reset-password — new one-time password (admin); ends the user's sessions. */
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Reset a password (admin)',
        params: ZIdParams,
        response: {
          200: z.object({ user: ZCreatedUser.shape.user, oneTimePassword: z.string() }),
          ...problems,
        },
      },
    },
    async (req) => service.resetPassword(req.ctx, req.params.id),
  );
};
