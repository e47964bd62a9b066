import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

const FinderPage = lazy(() => import('./pages/finder-page').then((m) => ({ default: m.FinderPage })));

/**
 * Office finder (`/finder`, public): postcode, place or Land → the responsible KAUSA offices with a map.
 * Public page (no sign-in); inside the shell under "Informationen" for signed-in users.
 */
export const finderModule: TWebModule = {
  id: 'finder',
  routes: [],
  publicRoutes: [{ path: 'finder', Component: FinderPage }],
  nav: [{ group: 'information', path: '/finder', labelKey: 'finder.nav', order: 10 }],
};
