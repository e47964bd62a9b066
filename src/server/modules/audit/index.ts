/** Audit module: the admin/coordinator view of the append-only audit log (writing is in platform/audit). */
export { auditRoutes } from './audit.routes';
export { listAuditEntries } from './audit.service';
