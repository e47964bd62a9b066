import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZCreateMatchRun,
  ZMatchRun,
  ZMatchRunList,
  ZMatchRunListQuery,
  ZMatchRunResultList,
  ZMatchRunResultQuery,
} from '../../../contracts/matching';
import { settleRuns } from './runs.execute';
import { watchRun } from './runs.progress';
import { createRun, getRun, listRunResults, listRuns } from './runs.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const tags = ['matching'];

/** Writes one server-sent event. */
function sse(stream: PassThrough, event: string, data: unknown): void {
  stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Keep-alive comment interval of an event stream, and how long it waits for a queued run at most. */
const HEARTBEAT_MS = 15_000;
const MAX_STREAM_MS = 30 * 60_000;

/**
 * Batch-run routes under `/api/matching/runs` (issue 6): start, list, read (poll), progress events and the
 * stored results. Counsellors and coordinators of the office; another office's run answers 404.
 */
export const runsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Runs execute in the background: closing the app waits for them (they write to the database).
  app.addHook('onClose', async () => settleRuns());

  /**
   * POST /api/matching/runs — store a run (`scope`: `office`, or `region` for coordinators: one part per
   * office of their subtree; `k`, `direction`, `filters`) with the office's current weights and start it;
   * answers 202 with the queued run (403 `forbidden` for a region run of any other role).
   */
  app.post(
    '/api/matching/runs',
    {
      schema: {
        tags,
        summary: 'Start a matching batch run',
        body: ZCreateMatchRun,
        response: { 202: ZMatchRun, ...problems },
      },
    },
    async (req, reply) => reply.status(202).send(await createRun(req.ctx, req.body)),
  );

  /** GET /api/matching/runs?limit=&offset= — the office's runs, newest first. */
  app.get(
    '/api/matching/runs',
    {
      schema: {
        tags,
        summary: 'List matching runs',
        querystring: ZMatchRunListQuery,
        response: { 200: ZMatchRunList, ...problems },
      },
    },
    async (req) => listRuns(req.ctx, req.query),
  );

  /** GET /api/matching/runs/:id — one run with status and progress (poll it while it runs). */
  app.get(
    '/api/matching/runs/:id',
    {
      schema: {
        tags,
        summary: 'Get a matching run',
        params: ZIdParams,
        response: { 200: ZMatchRun, ...problems },
      },
    },
    async (req) => getRun(req.ctx, req.params.id),
  );

  /**
   * GET /api/matching/runs/:id/events — server-sent events: `run` (the run now), `progress`
   * ({ done, total, percent }) per chunk, then `done` (the finished run) and the stream ends; a run that has
   * already ended sends `run` and `done` at once.
   */
  app.get(
    '/api/matching/runs/:id/events',
    {
      schema: {
        tags,
        summary: 'Progress of a matching run (server-sent events)',
        params: ZIdParams,
        response: { 200: z.any().describe('text/event-stream'), ...problems },
      },
    },
    async (req, reply) => {
      const run = await getRun(req.ctx, req.params.id);
      const stream = new PassThrough();
      sse(stream, 'run', run);
      let stop = () => {};
      let ended = false;
      const end = async () => {
        if (ended) return;
        ended = true;
        stop();
        sse(stream, 'done', await getRun(req.ctx, run.id).catch(() => run));
        stream.end();
      };
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const limit = setTimeout(() => void end(), MAX_STREAM_MS);
      const unwatch = watchRun(run.id, (e) => {
        if (e.type === 'progress') sse(stream, 'progress', e.progress);
        else void end();
      });
      stop = () => {
        clearInterval(heartbeat);
        clearTimeout(limit);
        unwatch();
      };
      reply.raw.on('close', stop);
      const over = (r: { status: string }) => r.status === 'done' || r.status === 'failed';
      // Read again after watching: a run that ended in between sends no event any more.
      if (over(run)) void end();
      else
        void getRun(req.ctx, run.id)
          .then((r) => (over(r) ? end() : undefined))
          .catch(() => undefined);
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );

  /**
   * GET /api/matching/runs/:id/results?clientId=&placeId=&direction=&limit=&offset= — the stored ranked lists
   * (one client's places, one place's clients, or all), with the records as they are now; audited.
   */
  app.get(
    '/api/matching/runs/:id/results',
    {
      schema: {
        tags,
        summary: 'Results of a matching run',
        params: ZIdParams,
        querystring: ZMatchRunResultQuery,
        response: { 200: ZMatchRunResultList, ...problems },
      },
    },
    async (req) => listRunResults(req.ctx, req.params.id, req.query),
  );
};
