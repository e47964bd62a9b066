import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZDirectoryEntry,
  ZDirectoryQuery,
  ZDirectoryResult,
  ZLinkDirectoryEntry,
} from '../../../contracts/office-directory';
import * as service from './office-directory.service';

const tags = ['office-directory'];
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
/** The office finder is public (DOMAIN.md "public: office finder"): no sign-in needed to read. */
const config = { public: true };

/** HTTP routes of the public KAUSA office directory under `/api/office-directory`. */
export const officeDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * GET /api/office-directory?plz=&land=&q= — the office finder (public): responsible offices for a
   * postcode nearest first with `distanceKm`, then the others; or the offices of a Land.
   * 400 `invalid_postcode` / 404 `unknown_postcode` (field `query.plz`).
   */
  app.get(
    '/api/office-directory',
    {
      config,
      schema: {
        tags,
        summary: 'Find KAUSA offices (public)',
        querystring: ZDirectoryQuery,
        response: { 200: ZDirectoryResult, ...problems },
      },
    },
    async (req) => service.findOffices(req.ctx, req.query),
  );

  /** GET /api/office-directory/:id — one directory entry (public); 404 when unknown. */
  app.get(
    '/api/office-directory/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a directory entry (public)',
        params: ZIdParams,
        response: { 200: z.object({ entry: ZDirectoryEntry }), ...problems },
      },
    },
    async (req) => ({ entry: await service.getDirectoryEntry(req.ctx, req.params.id) }),
  );

  /** PATCH /api/office-directory/:id — link the entry to an office of the tree or unlink it (admin); 409 on a stale `version`. */
  app.patch(
    '/api/office-directory/:id',
    {
      schema: {
        tags,
        summary: 'Link a directory entry to an office (admin)',
        params: ZIdParams,
        body: ZLinkDirectoryEntry,
        response: { 200: z.object({ entry: ZDirectoryEntry }), ...problems },
      },
    },
    async (req) => ({ entry: await service.linkDirectoryEntry(req.ctx, req.params.id, req.body) }),
  );
};
