import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from '../../../contracts/audit';
import { ZProblem } from '../../../contracts/common';
import { listAuditEntries } from './audit.service';

/** Audit log routes. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/audit — filtered audit entries, newest first (admin: all; coordinator: own office subtree). */
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'List audit log entries',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, 400: ZProblem, 401: ZProblem, 403: ZProblem },
      },
    },
    async (req) => listAuditEntries(req.ctx, req.query),
  );
};
