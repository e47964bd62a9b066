import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export { RESIDENCE_STATUSES } from './client-labels';
export { displayNames } from './codes';
export { FactList } from './components/client-profile-view';
export { CefrSelect, DateField, EnumSelect, LanguageSelect, useOptionalLabel } from './components/fields';
export { OccupationName, OccupationSinglePicker } from './components/occupation-picker';
export { applyProblem } from './form-problems';

const ClientsPage = lazy(() => import('./pages/clients-page').then((m) => ({ default: m.ClientsPage })));
const ClientPage = lazy(() => import('./pages/client-page').then((m) => ({ default: m.ClientPage })));
const DuplicatesPage = lazy(() =>
  import('./pages/duplicates-page').then((m) => ({ default: m.DuplicatesPage })),
);
const IntakePage = lazy(() => import('./pages/intake-page').then((m) => ({ default: m.IntakePage })));

/** Roles that counsel: they see and change their office's clients and cases. */
export const COUNSELLING_ROLES = ['counsellor', 'coordinator'] as const;

/**
 * Clients module: client search (`/clients`), intake of a new client with consent and duplicate check
 * (`/intake`), a client's page (`/clients/:id`), likely duplicates with merge (`/duplicates`).
 * Navigation group "Beratung".
 */
export const clientsModule: TWebModule = {
  id: 'clients',
  routes: [
    { path: 'clients', Component: ClientsPage, roles: COUNSELLING_ROLES },
    { path: 'duplicates', Component: DuplicatesPage, roles: COUNSELLING_ROLES },
    { path: 'clients/:id', Component: ClientPage, roles: COUNSELLING_ROLES },
    { path: 'intake', Component: IntakePage, roles: COUNSELLING_ROLES },
  ],
  nav: [
    {
      group: 'counselling',
      path: '/intake',
      labelKey: 'clients.nav.intake',
      order: 10,
      roles: COUNSELLING_ROLES,
    },
    {
      group: 'counselling',
      path: '/clients',
      labelKey: 'clients.nav.list',
      order: 20,
      roles: COUNSELLING_ROLES,
    },
    {
      group: 'counselling',
      path: '/duplicates',
      labelKey: 'clients.nav.duplicates',
      order: 60,
      roles: COUNSELLING_ROLES,
    },
  ],
};
