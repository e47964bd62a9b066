import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZProblem } from '../../../contracts/common';
import {
  ZBaFetch,
  ZBaImportQuery,
  ZImportCommit,
  ZImportDryRun,
  ZImportFileProblem,
  ZImportJob,
  ZImportJobList,
  ZImportJobQuery,
  ZImportListQuery,
  ZImportUploadQuery,
} from '../../../contracts/imports';
import type { CopyCsv } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { XLSX_MIME } from '../../platform/tabular/index';
import { ZBaUpload } from './ba/ba.schema';
import { commitImport } from './imports.commit';
import { currentRun, watch } from './imports.progress';
import * as imports from './imports.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 413: ZProblem };
const tags = ['imports'];
const jobBody = z.object({ job: ZImportJob });

/** Options of `importsRoutes`. */
export interface ImportsRoutesOptions {
  /** Largest upload in bytes (config `IMPORT_MAX_BYTES`). */
  maxBytes: number;
  /** PGlite's COPY loader for the commit's place rows (`DatabaseHandle.copyCsv`); absent on PostgreSQL. */
  copy?: CopyCsv | undefined;
}

/**
 * The uploaded file as the route receives it. The bytes sit in a private field: the input-hygiene
 * hook walks request bodies key by key, which must not happen to a 20 MB buffer.
 */
export class UploadedFile {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  /** The file's bytes. */
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** The raw-body upload route, in its own scope so its body parsers apply to it alone. */
const uploadRoute: FastifyPluginAsyncZod<ImportsRoutesOptions> = async (app, opts) => {
  const parse = (_req: unknown, body: Buffer, done: (err: Error | null, body?: unknown) => void) =>
    done(null, new UploadedFile(body));
  // CSV and XLSX by their MIME types; anything else (or none) is sniffed from the bytes.
  for (const type of [
    'text/csv',
    'text/plain',
    'application/vnd.ms-excel',
    'application/octet-stream',
    XLSX_MIME,
  ]) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: opts.maxBytes }, parse);
  }
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.maxBytes }, parse);

  /**
   * POST /api/imports?target=&fileName=&delimiter= — upload a CSV or XLSX file as the raw request
   * body (`Content-Type: text/csv` or the xlsx MIME type; at most `IMPORT_MAX_BYTES`); answers the
   * new job with detected headers, encoding, delimiter, row count and suggested mapping.
   */
  app.post(
    '/api/imports',
    {
      bodyLimit: opts.maxBytes,
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file for import',
        description: `Raw body: text/csv or ${XLSX_MIME}. The format is recognised from the bytes.`,
        querystring: ZImportUploadQuery,
        response: { 201: jobBody, ...problems, 400: ZImportFileProblem, 415: ZProblem },
      },
    },
    async (req, reply) => {
      // A JSON body is parsed by Fastify's own parser: it is no table (a BA answer goes to /ba).
      if (req.body !== undefined && req.body !== null && !(req.body instanceof UploadedFile)) {
        throw new AppError('file_not_table');
      }
      const file = req.body instanceof UploadedFile ? req.body.bytes : Buffer.alloc(0);
      return reply.status(201).send({ job: await imports.uploadImport(req.ctx, req.query, file) });
    },
  );
};

/** Writes one server-sent event. */
function sse(stream: PassThrough, event: string, data: unknown): void {
  stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** How long an event stream waits for a run to start, and how often it sends a keep-alive comment. */
const IDLE_MS = 60_000;
const HEARTBEAT_MS = 15_000;

/**
 * Import routes under `/api/imports` (issue 5): upload, BA responses (saved or fetched live), list,
 * read, progress events, dry run and commit. Coordinators and counsellors of the owning office; a
 * job of another office answers 404.
 */
export const importsRoutes: FastifyPluginAsyncZod<ImportsRoutesOptions> = async (app, opts) => {
  await app.register(uploadRoute, opts);

  /** POST /api/imports/ba?fileName= — import saved BA job-search responses (one page or an array of pages). */
  app.post(
    '/api/imports/ba',
    {
      bodyLimit: opts.maxBytes,
      schema: {
        tags,
        summary: 'Import a saved BA job-search response',
        querystring: ZBaImportQuery,
        body: ZBaUpload,
        response: { 201: jobBody, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ job: await imports.uploadBaResponse(req.ctx, req.body, req.query.fileName ?? null) }),
  );

  /** POST /api/imports/ba/fetch — live job search for training places (503 unless BA_JOBSUCHE_LIVE=true). */
  app.post(
    '/api/imports/ba/fetch',
    {
      schema: {
        tags,
        summary: 'Fetch training places from the BA job search',
        body: ZBaFetch,
        response: { 201: jobBody, ...problems, 502: ZProblem, 503: ZProblem },
      },
    },
    async (req, reply) => reply.status(201).send({ job: await imports.fetchBaPlaces(req.ctx, req.body) }),
  );

  /** GET /api/imports — the office's recent jobs, newest first. */
  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'List import jobs',
        querystring: ZImportListQuery,
        response: { 200: ZImportJobList, ...problems },
      },
    },
    async (req) => imports.listImports(req.ctx, req.query),
  );

  /** GET /api/imports/:id — a job with progress (while running), issues and result; poll it with `issues=false`. */
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Get an import job',
        params: ZIdParams,
        querystring: ZImportJobQuery,
        response: { 200: jobBody, ...problems },
      },
    },
    async (req) => ({ job: await imports.getImport(req.ctx, req.params.id, { issues: req.query.issues }) }),
  );

  /**
   * GET /api/imports/:id/events — server-sent events of the job's next (or running) dry run or
   * commit: `job` (status and progress now), `progress` ({ phase, processed, total }) per chunk of
   * rows, then `done` ({ status, result }) and the stream ends. Without a run for 60 s it ends with `done`.
   */
  app.get(
    '/api/imports/:id/events',
    {
      schema: {
        tags,
        summary: 'Progress of an import job (server-sent events)',
        params: ZIdParams,
        response: { 200: z.any().describe('text/event-stream'), ...problems },
      },
    },
    async (req, reply) => {
      const job = await imports.getImport(req.ctx, req.params.id, { issues: false });
      const stream = new PassThrough();
      sse(stream, 'job', { status: job.status, progress: job.progress });
      let stop = () => {};
      const end = (status: string, result: unknown) => {
        stop();
        sse(stream, 'done', { status, result });
        stream.end();
      };
      const idle = setTimeout(() => {
        if (!currentRun(job.id)) end(job.status, job.result);
      }, IDLE_MS);
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const unwatch = watch(job.id, (e) => {
        if (e.type === 'progress') sse(stream, 'progress', e.progress);
        else end(e.status, e.result);
      });
      stop = () => {
        clearTimeout(idle);
        clearInterval(heartbeat);
        unwatch();
      };
      reply.raw.on('close', stop);
      if (job.status === 'committed') end(job.status, job.result);
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );

  /** POST /api/imports/:id/dry-run — check every row with the mapping; lists every invalid row. */
  app.post(
    '/api/imports/:id/dry-run',
    {
      schema: {
        tags,
        summary: 'Dry run of an import',
        params: ZIdParams,
        body: ZImportDryRun,
        response: { 200: jobBody, ...problems },
      },
    },
    async (req) => ({ job: await imports.dryRunImport(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/imports/:id/commit — write every row in one transaction (refused while rows are invalid). */
  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Commit an import',
        params: ZIdParams,
        body: ZImportCommit,
        response: { 200: jobBody, ...problems, 500: ZProblem },
      },
    },
    async (req) => ({ job: await commitImport(req.ctx, req.params.id, req.body, { copy: opts.copy }) }),
  );
};
