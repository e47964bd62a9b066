import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../../../contracts/common';
import { ZCompanyExportQuery, ZPlaceExportQuery } from '../../../contracts/imports';
import { type ExportFile, exportCompanies, exportPlaces } from './exports.service';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem };
const tags = ['exports'];
/** The file (a Buffer sent as is; `z.any` because the body is not JSON). */
const file = z.any().describe('CSV (UTF-8 with BOM, ";") or XLSX file');

/** `Content-Disposition: attachment` with an ASCII file name (ours are). */
function attachment(f: ExportFile): string {
  return `attachment; filename="${f.fileName}"`;
}

/**
 * Export routes (issue 5): `GET /api/exports/companies` and `GET /api/exports/places` with the list
 * filters and `format=csv|xlsx`, sent as a download. Coordinators and counsellors; audited by the
 * owning modules.
 */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /api/exports/companies?format=csv|xlsx&<company list filters> */
  app.get(
    '/api/exports/companies',
    {
      schema: {
        tags,
        summary: 'Export companies as CSV or XLSX',
        querystring: ZCompanyExportQuery,
        response: { 200: file, ...problems },
      },
    },
    async (req, reply) => {
      const f = await exportCompanies(req.ctx, req.query);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', attachment(f))
        .send(f.body);
    },
  );

  /** GET /api/exports/places?format=csv|xlsx&<place list filters> */
  app.get(
    '/api/exports/places',
    {
      schema: {
        tags,
        summary: 'Export training places as CSV or XLSX',
        querystring: ZPlaceExportQuery,
        response: { 200: file, ...problems },
      },
    },
    async (req, reply) => {
      const f = await exportPlaces(req.ctx, req.query);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', attachment(f))
        .send(f.body);
    },
  );
};
