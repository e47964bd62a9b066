/**
 * Imports module (issue 5): CSV/XLSX imports of companies and training places (column mapping,
 * dry run listing every invalid row, all-or-nothing commit, progress by polling and server-sent
 * events), the import of Bundesagentur für Arbeit job-search responses (own client, off by
 * default), and the CSV/XLSX exports. The only writer of `import_job`; writes companies and places
 * only through those modules' index.
 */
import type { FastifyPluginAsync } from 'fastify';
import { exportsRoutes } from './exports.routes';
import { type ImportsRoutesOptions, importsRoutes as jobRoutes } from './imports.routes';

/** The module's Fastify plugin: `/api/imports*` and `/api/exports/*`. */
export const importsRoutes: FastifyPluginAsync<ImportsRoutesOptions> = async (app, opts) => {
  await app.register(jobRoutes, opts);
  await app.register(exportsRoutes);
};
export { searchTrainingPlaces } from './ba/ba.client';
