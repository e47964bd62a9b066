import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';
import { COUNSELLING_ROLES } from '../clients';

export { ExportMenu, type ExportMenuProps } from './components/export-menu';

const ImportsPage = lazy(() => import('./pages/imports-page').then((m) => ({ default: m.ImportsPage })));

/**
 * Imports module (issue 5): the import wizard (`/imports`: upload a CSV, Excel or BA job-search file
 * of companies or training places → column mapping → dry run listing every invalid row → commit, with
 * a progress bar fed by server-sent events or polling; the office's recent imports below) and the
 * {@link ExportMenu} (CSV/Excel download) that the company and place lists render.
 */
export const importsModule: TWebModule = {
  id: 'imports',
  routes: [{ path: 'imports', Component: ImportsPage, roles: COUNSELLING_ROLES }],
  nav: [
    { group: 'companies', path: '/imports', labelKey: 'importsUi.nav', order: 90, roles: COUNSELLING_ROLES },
  ],
};
