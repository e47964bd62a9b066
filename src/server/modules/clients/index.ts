/**
 * Clients module (issue 4): young people counselled by an office, with guardians, consents,
 * programme snapshots, search and duplicate detection. The only writer of the tables `client`,
 * `guardian`, `consent` and `client_snapshot`; other modules (cases) use it through this file.
 */
export { type ClientAccess, getClientAccess, hasActiveConsent } from './access.service';
export { bulkInsertClients, type ClientSeedConsent, type ClientSeedRow } from './clients.bulk';
export { type ClientsRoutesOptions, clientsRoutes } from './clients.routes';
export { createClient, getClient, updateClient } from './clients.service';
export { type ClientMergeHandler, mergeClientRecords } from './merge.service';
export { takeExitSnapshot } from './snapshots.service';
