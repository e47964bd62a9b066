import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';

export { usePlacements } from './api';
export {
  CreatePlacementDialog,
  type CreatePlacementDialogProps,
  type TPlacementDraft,
} from './components/create-dialog';
export { ClientPlacementsSection, PlacePlacementsSection } from './components/placements-section';
export { PlacementStageBadge } from './components/stage-badge';
export { movesCaseToApplying } from './placement-stages';

const PlacementsPage = lazy(() =>
  import('./pages/placements-page').then((m) => ({ default: m.PlacementsPage })),
);
const PlacementPage = lazy(() =>
  import('./pages/placement-page').then((m) => ({ default: m.PlacementPage })),
);

/** Roles that counsel (as the clients module): they see and change their office's placements. */
const COUNSELLING = ['counsellor', 'coordinator'] as const;

/**
 * Placements module (Vermittlung, issue 6): the office's placements (`/placements`, filters in the
 * address) and a placement's page (`/placements/:id`: stage pipeline with "Phase ändern" and rejection
 * reason, dated history, score snapshot). The client page renders {@link ClientPlacementsSection}, the
 * place page {@link PlacePlacementsSection}; the matching module opens {@link CreatePlacementDialog}
 * ("Vermittlung anlegen") from a suggestion.
 */
export const placementsModule: TWebModule = {
  id: 'placements',
  routes: [
    { path: 'placements', Component: PlacementsPage, roles: COUNSELLING },
    { path: 'placements/:id', Component: PlacementPage, roles: COUNSELLING },
  ],
  nav: [
    {
      group: 'counselling',
      path: '/placements',
      labelKey: 'placements.nav.list',
      order: 45,
      roles: COUNSELLING,
    },
  ],
};
