import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

const OccupationsPage = lazy(() =>
  import('./pages/occupations-page').then((m) => ({ default: m.OccupationsPage })),
);

/**
 * Occupation browser (`/occupations`, public): recognised training occupations by search, A–Z or KldB
 * area. Public page (no sign-in); inside the shell under "Informationen" for signed-in users.
 */
export const occupationsModule: TWebModule = {
  id: 'occupations',
  routes: [],
  publicRoutes: [{ path: 'occupations', Component: OccupationsPage }],
  nav: [{ group: 'information', path: '/occupations', labelKey: 'occupations.nav', order: 20 }],
};
