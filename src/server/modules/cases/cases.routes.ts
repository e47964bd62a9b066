import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAgenda,
  ZAgendaQuery,
  ZCase,
  ZCaseList,
  ZCaseQuery,
  ZCreateCase,
  ZMoveStage,
  ZUpdateCase,
} from '../../../contracts/cases';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import { getAgenda } from './agenda.service';
import * as service from './cases.service';
import { moveCaseStage } from './stages.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ['cases'];

/** HTTP routes of cases (intake, list/board, detail, stage moves) and the home page agenda. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/cases — case cards of the own office, filtered (list and board). */
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'List cases (cards)',
        querystring: ZCaseQuery,
        response: { 200: ZCaseList, ...problems },
      },
    },
    async (req) => service.listCases(req.ctx, req.query),
  );

  /** POST /api/cases — intake: new or existing client, case in `first_contact`. */
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Open a case (intake)',
        body: ZCreateCase,
        response: { 201: z.object({ case: ZCase }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send({ case: await service.createCase(req.ctx, req.body) }),
  );

  /** GET /api/cases/:id — the full case (audited read). */
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Get a case',
        params: ZIdParams,
        response: { 200: z.object({ case: ZCase }), ...problems },
      },
    },
    async (req) => ({ case: await service.getCase(req.ctx, req.params.id) }),
  );

  /** PATCH /api/cases/:id — hand the case to another counsellor; 409 on a stale `version`. */
  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Reassign a case',
        params: ZIdParams,
        body: ZUpdateCase,
        response: { 200: z.object({ case: ZCase }), ...problems },
      },
    },
    async (req) => ({ case: await service.updateCase(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/cases/:id/stage — move the stage on a date; 409 on a stale `version`. */
  app.post(
    '/api/cases/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a case to another stage',
        params: ZIdParams,
        body: ZMoveStage,
        response: { 200: z.object({ case: ZCase }), ...problems },
      },
    },
    async (req) => ({ case: await moveCaseStage(req.ctx, req.params.id, req.body) }),
  );

  /** GET /api/agenda — the counsellor's home page. */
  app.get(
    '/api/agenda',
    {
      schema: {
        tags,
        summary: "The counsellor's home page",
        querystring: ZAgendaQuery,
        response: { 200: ZAgenda, ...problems },
      },
    },
    async (req) => getAgenda(req.ctx, req.query),
  );
};
