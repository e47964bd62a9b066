import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import {
  ZCandidateList,
  ZCandidateParams,
  ZCreateCandidate,
  ZCreateProposal,
  ZPlaceCandidate,
  ZPlaceProblem,
  ZPlaceProposal,
  ZRecordAnswer,
  ZUpdateCandidate,
} from '../../../contracts/places';
import * as service from './candidates.service';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  422: ZPlaceProblem,
};
const tags = ['places'];
const candidateBody = z.object({ candidate: ZPlaceCandidate });

/**
 * HTTP routes of candidates and proposals of a place ("passgenaue Besetzung") under
 * `/api/places/:id/candidates` and `/api/places/:id/proposals`. Personal data of clients: every read
 * and change is audited; another office's place or candidate answers 404.
 */
export const candidateRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/places/:id/candidates — candidates with client names and the proposals (audited read). */
  app.get(
    '/api/places/:id/candidates',
    {
      schema: {
        tags,
        summary: 'List the candidates and proposals of a place',
        params: ZIdParams,
        response: { 200: ZCandidateList, ...problems },
      },
    },
    async (req) => service.listCandidates(req.ctx, req.params.id),
  );

  /** POST /api/places/:id/candidates — add a client (needs an active matching consent: else 422). */
  app.post(
    '/api/places/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Add a candidate to a place',
        params: ZIdParams,
        body: ZCreateCandidate,
        response: { 201: candidateBody, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ candidate: await service.addCandidate(req.ctx, req.params.id, req.body) }),
  );

  /** PATCH /api/places/:id/candidates/:candidateId — change the assessment; 409 on a stale `version`. */
  app.patch(
    '/api/places/:id/candidates/:candidateId',
    {
      schema: {
        tags,
        summary: 'Update the assessment of a candidate',
        params: ZCandidateParams,
        body: ZUpdateCandidate,
        response: { 200: candidateBody, ...problems },
      },
    },
    async (req) => ({
      candidate: await service.updateCandidate(req.ctx, req.params.id, req.params.candidateId, req.body),
    }),
  );

  /** DELETE /api/places/:id/candidates/:candidateId — remove a candidate. */
  app.delete(
    '/api/places/:id/candidates/:candidateId',
    {
      schema: {
        tags,
        summary: 'Remove a candidate from a place',
        params: ZCandidateParams,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await service.removeCandidate(req.ctx, req.params.id, req.params.candidateId);
      return { ok: true as const };
    },
  );

  /** PUT /api/places/:id/candidates/:candidateId/answer — the company's answer to a proposed candidate. */
  app.put(
    '/api/places/:id/candidates/:candidateId/answer',
    {
      schema: {
        tags,
        summary: "Record the company's answer to a proposed candidate",
        params: ZCandidateParams,
        body: ZRecordAnswer,
        response: { 200: candidateBody, ...problems },
      },
    },
    async (req) => ({
      candidate: await service.recordAnswer(req.ctx, req.params.id, req.params.candidateId, req.body),
    }),
  );

  /** POST /api/places/:id/proposals — record a proposal to the company and mark its candidates proposed. */
  app.post(
    '/api/places/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Send a proposal of candidates to the company',
        params: ZIdParams,
        body: ZCreateProposal,
        response: { 201: z.object({ proposal: ZPlaceProposal }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ proposal: await service.createProposal(req.ctx, req.params.id, req.body) }),
  );
};
