import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

const AuditPage = lazy(() => import('./pages/audit-page').then((m) => ({ default: m.AuditPage })));

const ROLES = ['admin', 'coordinator'] as const;

/** Audit module: the audit log page (`/audit`) for admins and coordinators. */
export const auditModule: TWebModule = {
  id: 'audit',
  routes: [{ path: 'audit', Component: AuditPage, roles: ROLES }],
  nav: [{ group: 'administration', path: '/audit', labelKey: 'nav.audit', order: 30, roles: ROLES }],
};
