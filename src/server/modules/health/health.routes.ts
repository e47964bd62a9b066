import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ZHealth } from '../../../contracts/health';
import type { DbDriver } from '../../platform/db/database';

/** Options: the driver name and application version to report. */
export interface HealthOptions {
  driver: DbDriver;
  version: string;
}

/** Health check route. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, opts) => {
  /** GET /api/health — 200 when `select 1` succeeds, 503 `degraded` when the database does not answer. */
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Health check', response: { 200: ZHealth, 503: ZHealth } },
    },
    async (req, reply) => {
      try {
        await sql`select 1`.execute(req.ctx.db);
        return { status: 'ok' as const, database: 'ok' as const, driver: opts.driver, version: opts.version };
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({
          status: 'degraded' as const,
          database: 'error' as const,
          driver: opts.driver,
          version: opts.version,
        });
      }
    },
  );
};
