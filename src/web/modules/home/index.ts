import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

const HomePage = lazy(() => import('./pages/home-page').then((m) => ({ default: m.HomePage })));

/** Start page module: `/`, first navigation entry. */
export const homeModule: TWebModule = {
  id: 'home',
  routes: [{ path: '', Component: HomePage }],
  nav: [{ group: 'start', path: '/', labelKey: 'nav.start', order: 0 }],
};
