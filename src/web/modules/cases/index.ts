import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';
import { COUNSELLING_ROLES } from '../clients';

export { AgendaOverview } from './components/agenda-overview';
export { TaskList } from './components/task-list';

const CasePage = lazy(() => import('./pages/case-page').then((m) => ({ default: m.CasePage })));
const CasesPage = lazy(() => import('./pages/cases-page').then((m) => ({ default: m.CasesPage })));
const BoardPage = lazy(() => import('./pages/board-page').then((m) => ({ default: m.BoardPage })));
const TasksPage = lazy(() => import('./pages/tasks-page').then((m) => ({ default: m.TasksPage })));

/**
 * Cases module: case board (`/board`), case list with filters (`/cases`), a case's page (`/cases/:id`:
 * stage, history, sessions, tasks, referrals, contract, residence reminders) and "my tasks" (`/tasks`).
 * The agenda for the home page is exported as {@link AgendaOverview}.
 */
export const casesModule: TWebModule = {
  id: 'cases',
  routes: [
    { path: 'board', Component: BoardPage, roles: COUNSELLING_ROLES },
    { path: 'cases', Component: CasesPage, roles: COUNSELLING_ROLES },
    { path: 'cases/:id', Component: CasePage, roles: COUNSELLING_ROLES },
    { path: 'tasks', Component: TasksPage, roles: COUNSELLING_ROLES },
  ],
  nav: [
    {
      group: 'counselling',
      path: '/board',
      labelKey: 'cases.nav.board',
      order: 30,
      roles: COUNSELLING_ROLES,
    },
    { group: 'counselling', path: '/cases', labelKey: 'cases.nav.list', order: 40, roles: COUNSELLING_ROLES },
    {
      group: 'counselling',
      path: '/tasks',
      labelKey: 'cases.nav.tasks',
      order: 50,
      roles: COUNSELLING_ROLES,
    },
  ],
};
