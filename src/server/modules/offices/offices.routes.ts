import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import { ZCreateOffice, ZOffice, ZOfficeList, ZUpdateOffice } from '../../../contracts/offices';
import * as service from './offices.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };

/** HTTP routes of the offices tree under `/api/offices`. */
export const officesRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/offices — every office (any signed-in role), for the tree and pickers. */
  app.get(
    '/api/offices',
    { schema: { tags: ['offices'], summary: 'List offices', response: { 200: ZOfficeList, ...problems } } },
    async (req) => ({ items: await service.listOffices(req.ctx) }),
  );

  /** GET /api/offices/:id — one office; 404 when unknown. */
  app.get(
    '/api/offices/:id',
    {
      schema: {
        tags: ['offices'],
        summary: 'Get an office',
        params: ZIdParams,
        response: { 200: z.object({ office: ZOffice }), ...problems },
      },
    },
    async (req) => ({ office: await service.getOffice(req.ctx, req.params.id) }),
  );

  /** POST /api/offices — create an office below a fitting parent (admin). */
  app.post(
    '/api/offices',
    {
      schema: {
        tags: ['offices'],
        summary: 'Create an office (admin)',
        body: ZCreateOffice,
        response: { 201: z.object({ office: ZOffice }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send({ office: await service.createOffice(req.ctx, req.body) }),
  );

  /** PATCH /api/offices/:id — rename / set Land (admin); 409 on a stale `version`. */
  app.patch(
    '/api/offices/:id',
    {
      schema: {
        tags: ['offices'],
        summary: 'Update an office (admin)',
        params: ZIdParams,
        body: ZUpdateOffice,
        response: { 200: z.object({ office: ZOffice }), ...problems },
      },
    },
    async (req) => ({ office: await service.updateOffice(req.ctx, req.params.id, req.body) }),
  );
};
