import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export { OFFICES_QUERY_KEY, useOffices } from './api';
export { buildOfficeTree, flattenOfficeTree, LAND_CODES, type TOfficeNode } from './office-tree';

const OfficesPage = lazy(() => import('./pages/offices-page').then((m) => ({ default: m.OfficesPage })));

const ROLES = ['admin', 'coordinator'] as const;

/** Offices module: the office tree (`/offices`); admins edit it, coordinators read it. */
export const officesModule: TWebModule = {
  id: 'offices',
  routes: [{ path: 'offices', Component: OfficesPage, roles: ROLES }],
  nav: [{ group: 'administration', path: '/offices', labelKey: 'nav.offices', order: 10, roles: ROLES }],
};
