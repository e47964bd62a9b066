import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk, ZProblem } from '../../../contracts/common';
import {
  ZCompanyBoard,
  ZCompanyBoardQuery,
  ZCompanyConflict,
  ZCompanyDetail,
  ZCompanyDuplicate,
  ZCompanyDuplicateQuery,
  ZCompanyList,
  ZCompanyQuery,
  ZCreateCompany,
  ZMergeCompanies,
  ZMoveCompanyStage,
  ZUpdateCompany,
  ZVersionQuery,
} from '../../../contracts/companies';
import * as companies from './companies.service';
import { companyWorkRoutes } from './companies.work.routes';
import { type CompanyMergeHandler, mergeCompanies } from './merge.service';
import { moveCompanyStage } from './stages.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZCompanyConflict };
const tags = ['companies'];
const companyBody = z.object({ company: ZCompanyDetail });

/** Options of `companiesRoutes`: how other modules move their records when two companies are merged. */
export interface CompaniesRoutesOptions {
  /** Run inside the merge transaction, e.g. the places module's `moveCompanyPlaces` (wired in `app.ts`). */
  mergeHandlers?: readonly CompanyMergeHandler[];
}

/**
 * Company routes under `/api/companies` (issue 5): list/search, kanban board, duplicate check,
 * create, read (audited), update, delete, stage moves and merge; plus contact persons, contact log
 * and advice checklist (`companyWorkRoutes`). Counsellors and coordinators of the owning office
 * only; a company of another office answers 404.
 */
export const companiesRoutes: FastifyPluginAsyncZod<CompaniesRoutesOptions> = async (app, opts) => {
  const mergeHandlers = opts.mergeHandlers ?? [];

  /** GET /api/companies — the office's companies: filters, `q` search, paging. */
  app.get(
    '/api/companies',
    {
      schema: {
        tags,
        summary: 'List or search companies',
        querystring: ZCompanyQuery,
        response: { 200: ZCompanyList, ...problems },
      },
    },
    async (req) => companies.listCompanies(req.ctx, req.query),
  );

  /** GET /api/companies/board — companies grouped by stage with counts (kanban). */
  app.get(
    '/api/companies/board',
    {
      schema: {
        tags,
        summary: 'Acquisition pipeline board',
        querystring: ZCompanyBoardQuery,
        response: { 200: ZCompanyBoard, ...problems },
      },
    },
    async (req) => companies.getCompanyBoard(req.ctx, req.query),
  );

  /** GET /api/companies/duplicates?name=&postcode= — companies with the same name key (and postcode). */
  app.get(
    '/api/companies/duplicates',
    {
      schema: {
        tags,
        summary: 'Find likely duplicates of a company name',
        querystring: ZCompanyDuplicateQuery,
        response: { 200: z.object({ items: z.array(ZCompanyDuplicate) }), ...problems },
      },
    },
    async (req) => ({ items: await companies.findCompanyDuplicates(req.ctx, req.query) }),
  );

  /** POST /api/companies — create; 409 `company_duplicate` unless `allowDuplicate`. */
  app.post(
    '/api/companies',
    {
      schema: {
        tags,
        summary: 'Create a company',
        body: ZCreateCompany,
        response: { 201: companyBody, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ company: await companies.createCompany(req.ctx, req.body) }),
  );

  /** GET /api/companies/:id — one company with contact persons, history, contacts, advice (audited). */
  app.get(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: 'Get a company',
        params: ZIdParams,
        response: { 200: companyBody, ...problems },
      },
    },
    async (req) => ({ company: await companies.getCompany(req.ctx, req.params.id) }),
  );

  /** PATCH /api/companies/:id — change fields; 409 on a stale `version` or a new duplicate. */
  app.patch(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: 'Update a company',
        params: ZIdParams,
        body: ZUpdateCompany,
        response: { 200: companyBody, ...problems },
      },
    },
    async (req) => ({ company: await companies.updateCompany(req.ctx, req.params.id, req.body) }),
  );

  /** DELETE /api/companies/:id?version= — delete; 409 while it has places or merged duplicates. */
  app.delete(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a company',
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk, ...problems },
      },
    },
    async (req) => {
      await companies.deleteCompany(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );

  /** POST /api/companies/:id/stage — move in the pipeline on a date; dated history row. */
  app.post(
    '/api/companies/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a company to another stage',
        params: ZIdParams,
        body: ZMoveCompanyStage,
        response: { 200: companyBody, ...problems },
      },
    },
    async (req) => ({ company: await moveCompanyStage(req.ctx, req.params.id, req.body) }),
  );

  /** POST /api/companies/:id/merge — merge `otherId` into this company, keeping all history. */
  app.post(
    '/api/companies/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this company',
        params: ZIdParams,
        body: ZMergeCompanies,
        response: { 200: companyBody, ...problems },
      },
    },
    async (req) => ({ company: await mergeCompanies(req.ctx, req.params.id, req.body, mergeHandlers) }),
  );

  await app.register(companyWorkRoutes);
};
