import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZClient,
  ZClientConflict,
  ZClientList,
  ZClientQuery,
  ZConsentParams,
  ZConsentResult,
  ZCreateClient,
  ZCreateGuardian,
  ZDuplicateCheck,
  ZDuplicateHit,
  ZDuplicatePairList,
  ZGuardian,
  ZGuardianParams,
  ZMergeClients,
  ZRecordConsent,
  ZUpdateClient,
  ZUpdateGuardian,
  ZWithdrawConsent,
} from '../../../contracts/clients';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import * as clients from './clients.service';
import * as consents from './consents.service';
import * as duplicates from './duplicates.service';
import * as guardians from './guardians.service';
import { type ClientMergeHandler, mergeClients } from './merge.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZClientConflict };
const tags = ['clients'];
const clientBody = z.object({ client: ZClient });

/** Options of `clientsRoutes`: how other modules move their records when two clients are merged. */
export interface ClientsRoutesOptions {
  /** Run inside the merge transaction, e.g. the cases module's `moveCasesToClient` (wired in `app.ts`). */
  mergeHandlers?: readonly ClientMergeHandler[];
}

/**
 * Client routes under `/api/clients` (issue 4): list/search, read (audited), create, update,
 * consents, guardians, duplicates and merge. Counsellors and coordinators of the owning office only;
 * a client of another office answers 404.
 */
export const clientsRoutes: FastifyPluginAsyncZod<ClientsRoutesOptions> = async (app, opts) => {
  const mergeHandlers = opts.mergeHandlers ?? [];

  /** GET /api/clients?q= — the office's clients; `q` searches any name spelling, phone, e-mail, postcode. */
  app.get(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'List or search clients',
        querystring: ZClientQuery,
        response: { 200: ZClientList, ...problems },
      },
    },
    async (req) => clients.listClients(req.ctx, req.query),
  );

  /** POST /api/clients/duplicates/check — possible duplicates of an intake (names, date of birth). */
  app.post(
    '/api/clients/duplicates/check',
    {
      schema: {
        tags,
        summary: 'Check an intake for duplicates',
        body: ZDuplicateCheck,
        response: { 200: z.object({ items: z.array(ZDuplicateHit) }), ...problems },
      },
    },
    async (req) => ({ items: await duplicates.checkDuplicates(req.ctx, req.body) }),
  );

  /** GET /api/clients/duplicates — likely duplicate pairs of the office, best first. */
  app.get(
    '/api/clients/duplicates',
    {
      schema: { tags, summary: 'List likely duplicates', response: { 200: ZDuplicatePairList, ...problems } },
    },
    async (req) => ({ items: await duplicates.listDuplicatePairs(req.ctx) }),
  );

  /** GET /api/clients/:id — one client (audited read). */
  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'Get a client',
        params: ZIdParams,
        response: { 200: clientBody, ...problems },
      },
    },
    async (req) => ({ client: await clients.getClient(req.ctx, req.params.id) }),
  );

  /** POST /api/clients — create a client (optionally with the client's counselling consent). */
  app.post(
    '/api/clients',
    {
      schema: {
        tags,
        summary: 'Create a client',
        body: ZCreateClient,
        response: { 201: clientBody, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send({ client: await clients.createClient(req.ctx, req.body) }),
  );

  /** PATCH /api/clients/:id — change fields; 409 with `changedFields` on a stale `version`. */
  app.patch(
    '/api/clients/:id',
    {
      schema: {
        tags,
        summary: 'Update a client',
        params: ZIdParams,
        body: ZUpdateClient,
        response: { 200: clientBody, ...problems },
      },
    },
    async (req) => ({ client: await clients.updateClient(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/clients/:id/consents — record a consent (guardian's below the consent age). */
  app.post(
    '/api/clients/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent',
        params: ZIdParams,
        body: ZRecordConsent,
        response: { 201: ZConsentResult, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await consents.recordConsent(req.ctx, req.params.id, req.body)),
  );

  /** POST /api/clients/:id/consents/:consentId/withdraw — withdraw a consent (kept, never deleted). */
  app.post(
    '/api/clients/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent',
        params: ZConsentParams,
        body: ZWithdrawConsent,
        response: { 200: ZConsentResult, ...problems },
      },
    },
    async (req) => consents.withdrawConsent(req.ctx, req.params.id, req.params.consentId, req.body),
  );

  /** POST /api/clients/:id/guardians — add a parent or legal guardian. */
  app.post(
    '/api/clients/:id/guardians',
    {
      schema: {
        tags,
        summary: 'Add a guardian',
        params: ZIdParams,
        body: ZCreateGuardian,
        response: { 201: z.object({ guardian: ZGuardian }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ guardian: await guardians.addGuardian(req.ctx, req.params.id, req.body) }),
  );

  /** PATCH /api/clients/:id/guardians/:guardianId — change a guardian (`version`). */
  app.patch(
    '/api/clients/:id/guardians/:guardianId',
    {
      schema: {
        tags,
        summary: 'Update a guardian',
        params: ZGuardianParams,
        body: ZUpdateGuardian,
        response: { 200: z.object({ guardian: ZGuardian }), ...problems },
      },
    },
    async (req) => ({
      guardian: await guardians.updateGuardian(req.ctx, req.params.id, req.params.guardianId, req.body),
    }),
  );

  /** DELETE /api/clients/:id/guardians/:guardianId — remove a guardian (not one who gave a consent). */
  app.delete(
    '/api/clients/:id/guardians/:guardianId',
    {
      schema: {
        tags,
        summary: 'Remove a guardian',
        params: ZGuardianParams,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await guardians.removeGuardian(req.ctx, req.params.id, req.params.guardianId);
      return { ok: true as const };
    },
  );

  /** POST /api/clients/:id/merge — merge `otherId` into this client, keeping all history. */
  app.post(
    '/api/clients/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this client',
        params: ZIdParams,
        body: ZMergeClients,
        response: { 200: clientBody, ...problems },
      },
    },
    async (req) => ({ client: await mergeClients(req.ctx, req.params.id, req.body, mergeHandlers) }),
  );
};
