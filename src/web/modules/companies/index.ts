import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';
import { COUNSELLING_ROLES } from '../clients';

export { CompanyStageBadge } from './components/stage-badge';

const CompaniesPage = lazy(() =>
  import('./pages/companies-page').then((m) => ({ default: m.CompaniesPage })),
);
const CompanyNewPage = lazy(() =>
  import('./pages/company-new-page').then((m) => ({ default: m.CompanyNewPage })),
);
const CompanyBoardPage = lazy(() =>
  import('./pages/board-page').then((m) => ({ default: m.CompanyBoardPage })),
);
const CompanyPage = lazy(() => import('./pages/company-page').then((m) => ({ default: m.CompanyPage })));

/**
 * Companies module (issue 5), navigation group "Betriebe": the company list with search and filters
 * (`/companies`), a new company with duplicate warning (`/companies/new`), the acquisition board
 * (`/companies/board`, drag and drop or "Verschieben nach …") and a company's page (`/companies/:id`:
 * stage and history, details, contact persons, contact log, advice checklist, tasks, training places,
 * merge of a duplicate). Exports {@link CompanyStageBadge} for other modules.
 */
export const companiesModule: TWebModule = {
  id: 'companies',
  routes: [
    { path: 'companies', Component: CompaniesPage, roles: COUNSELLING_ROLES },
    { path: 'companies/new', Component: CompanyNewPage, roles: COUNSELLING_ROLES },
    { path: 'companies/board', Component: CompanyBoardPage, roles: COUNSELLING_ROLES },
    { path: 'companies/:id', Component: CompanyPage, roles: COUNSELLING_ROLES },
  ],
  nav: [
    {
      group: 'companies',
      path: '/companies/new',
      labelKey: 'companies.nav.new',
      order: 5,
      roles: COUNSELLING_ROLES,
    },
    {
      group: 'companies',
      path: '/companies',
      labelKey: 'companies.nav.list',
      order: 10,
      roles: COUNSELLING_ROLES,
    },
    {
      group: 'companies',
      path: '/companies/board',
      labelKey: 'companies.nav.board',
      order: 20,
      roles: COUNSELLING_ROLES,
    },
  ],
};
