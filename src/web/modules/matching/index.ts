import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export {
  ClientSuggestionsSection,
  type ClientSuggestionsSectionProps,
} from './components/client-suggestions-section';
export { PlaceCandidatesSection } from './components/place-candidates-section';

/**
 * Root key of every matching query: suggestions, candidates and explanations are derived from clients,
 * consents, cases, places, companies and placements alike, so the app marks them stale after any change.
 */
export const MATCHING_QUERY_KEY = ['matching'] as const;

const SettingsPage = lazy(() => import('./pages/settings-page').then((m) => ({ default: m.SettingsPage })));
const RunsPage = lazy(() => import('./pages/runs-page').then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import('./pages/run-page').then((m) => ({ default: m.RunPage })));
const SpeedDatingPage = lazy(() =>
  import('./pages/speed-dating-page').then((m) => ({ default: m.SpeedDatingPage })),
);

/** Roles that use matching (server: matching.access.ts); only coordinators change the weights. */
const MATCHING_ROLES = ['counsellor', 'coordinator'] as const;

/**
 * Matching module (issue 6): explained suggestions on the client page ({@link ClientSuggestionsSection},
 * "Vorschläge") and candidates on the place page ({@link PlaceCandidatesSection}, "Passende
 * Bewerber*innen"), both with "Vermittlung anlegen"; the weights of the office (`/matching/settings`,
 * coordinators change, counsellors read); batch runs with progress and results (`/matching/runs`,
 * `/matching/runs/:id`); the speed-dating planner (`/matching/speed-dating`: who meets which company in which
 * round at an event, printable and as CSV).
 */
export const matchingModule: TWebModule = {
  id: 'matching',
  routes: [
    { path: 'matching/settings', Component: SettingsPage, roles: MATCHING_ROLES },
    { path: 'matching/runs', Component: RunsPage, roles: MATCHING_ROLES },
    { path: 'matching/runs/:id', Component: RunPage, roles: MATCHING_ROLES },
    { path: 'matching/speed-dating', Component: SpeedDatingPage, roles: MATCHING_ROLES },
  ],
  nav: [
    {
      group: 'counselling',
      path: '/matching/runs',
      labelKey: 'matching.nav.runs',
      order: 70,
      roles: MATCHING_ROLES,
    },
    {
      group: 'counselling',
      path: '/matching/settings',
      labelKey: 'matching.nav.settings',
      order: 80,
      roles: MATCHING_ROLES,
    },
    {
      group: 'counselling',
      path: '/matching/speed-dating',
      labelKey: 'matching.nav.speedDating',
      order: 85,
      roles: MATCHING_ROLES,
    },
  ],
};
