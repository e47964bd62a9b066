import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import {
  ZCreatePlacement,
  ZDeletePlacementQuery,
  ZMovePlacementStage,
  ZPlacement,
  ZPlacementList,
  ZPlacementMoveResult,
  ZPlacementProblem,
  ZPlacementQuery,
} from '../../../contracts/placements';
import * as service from './placements.service';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZPlacementProblem,
  422: ZProblem,
};
const tags = ['placements'];

/** HTTP routes of placements (Vermittlung): create from a suggestion, list, read, move stage, delete. */
export const placementRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * POST /api/placements — a client and an open place of the own office become a `proposed` placement
   * (moves the client's open case to `applying`); source `matching` gets its score from the matching
   * engine (a sent score is ignored); 409 `placement_exists` with `existingId`, 422
   * `matching_consent_required` / `place_not_open` / `match_excluded`.
   */
  app.post(
    '/api/placements',
    {
      schema: {
        tags,
        summary: 'Create a placement (from a suggestion or by hand)',
        body: ZCreatePlacement,
        response: { 201: z.object({ placement: ZPlacement }), ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ placement: await service.createPlacement(req.ctx, req.body) }),
  );

  /** GET /api/placements — placements of the own office, filtered by client, place, company, stage (audited read). */
  app.get(
    '/api/placements',
    {
      schema: {
        tags,
        summary: 'List placements',
        querystring: ZPlacementQuery,
        response: { 200: ZPlacementList, ...problems },
      },
    },
    async (req) => service.listPlacements(req.ctx, req.query),
  );

  /** GET /api/placements/:id — one placement with its dated history (audited read). */
  app.get(
    '/api/placements/:id',
    {
      schema: {
        tags,
        summary: 'Get a placement',
        params: ZIdParams,
        response: { 200: z.object({ placement: ZPlacement }), ...problems },
      },
    },
    async (req) => ({ placement: await service.getPlacement(req.ctx, req.params.id) }),
  );

  /**
   * POST /api/placements/:id/stage — move to another stage on the day it happened; `contract` moves the
   * case to `placed`, the company to `training` and fills the place when its seats are taken; a contract
   * may be left once (`withdrawn`/`rejected`), which reopens the place but not the case or company
   * (`notices` say so); 409 on a stale `version`.
   */
  app.post(
    '/api/placements/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a placement to another stage',
        params: ZIdParams,
        body: ZMovePlacementStage,
        response: { 200: ZPlacementMoveResult, ...problems },
      },
    },
    async (req) => service.movePlacementStage(req.ctx, req.params.id, req.body),
  );

  /** DELETE /api/placements/:id?version= — remove a placement recorded by mistake (only while `proposed`). */
  app.delete(
    '/api/placements/:id',
    {
      schema: {
        tags,
        summary: 'Delete a mistaken placement (only while proposed)',
        params: ZIdParams,
        querystring: ZDeletePlacementQuery,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await service.deletePlacement(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
};
