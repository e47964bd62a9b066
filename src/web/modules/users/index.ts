import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export { type TUserFilters, usersKeys, useUsers } from './api';

const UsersPage = lazy(() => import('./pages/users-page').then((m) => ({ default: m.UsersPage })));

const ROLES = ['admin', 'coordinator'] as const;

/** Users module: the user administration (`/users`); admins edit, coordinators read. */
export const usersModule: TWebModule = {
  id: 'users',
  routes: [{ path: 'users', Component: UsersPage, roles: ROLES }],
  nav: [{ group: 'administration', path: '/users', labelKey: 'nav.users', order: 20, roles: ROLES }],
};
