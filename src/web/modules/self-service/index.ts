import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export { ClientSelfServiceSection } from './staff/client-self-service';

const ProfilePage = lazy(() => import('./pages/profile-page').then((m) => ({ default: m.ProfilePage })));
const TranslationsPage = lazy(() =>
  import('./pages/translations-page').then((m) => ({ default: m.TranslationsPage })),
);

/** Roles that counsel (as the clients module): they send profile links and letters. */
const COUNSELLING = ['counsellor', 'coordinator'] as const;

/**
 * Self-service module (issue 7). The client's application profile in plain language at
 * `/profile/:token` (no sign-in, its own frame with the seven-language picker; the address the server
 * puts into links and QR codes); on the client page {@link ClientSelfServiceSection} (links, submitted
 * profiles with take-over, PDF, letters and sent-log); `/translations` lists what editors still owe.
 */
export const selfServiceModule: TWebModule = {
  id: 'self-service',
  routes: [{ path: 'translations', Component: TranslationsPage, roles: COUNSELLING }],
  standaloneRoutes: [{ path: 'profile/:token', Component: ProfilePage }],
  nav: [
    {
      group: 'counselling',
      path: '/translations',
      labelKey: 'selfService.translations.nav',
      order: 90,
      roles: COUNSELLING,
    },
  ],
};
