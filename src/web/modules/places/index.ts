import { lazy } from 'react';
import type { TWebModule } from '../../lib/web-module';
import { COUNSELLING_ROLES } from '../clients';

export { CompanyPlacesSection, type CompanyPlacesSectionProps } from './components/company-places-section';
export { PlaceFormDialog, type PlaceFormDialogProps } from './components/place-form';

const PlacesPage = lazy(() => import('./pages/places-page').then((m) => ({ default: m.PlacesPage })));
const PlacePage = lazy(() => import('./pages/place-page').then((m) => ({ default: m.PlacePage })));
const PublicPlacesPage = lazy(() =>
  import('./pages/public-places-page').then((m) => ({ default: m.PublicPlacesPage })),
);

/**
 * Places module (issue 5): the office's training places (`/places`, filters in the address), a place's
 * page (`/places/:id`: details, status and publication, requirement profile, candidates, proposals and
 * the company's answers) and the public list of published open places (`/training-places`, no sign-in).
 * The company page renders {@link CompanyPlacesSection} ("Ausbildungsplatz hinzufügen").
 */
export const placesModule: TWebModule = {
  id: 'places',
  routes: [
    { path: 'places', Component: PlacesPage, roles: COUNSELLING_ROLES },
    { path: 'places/:id', Component: PlacePage, roles: COUNSELLING_ROLES },
  ],
  publicRoutes: [{ path: 'training-places', Component: PublicPlacesPage }],
  nav: [
    { group: 'companies', path: '/places', labelKey: 'places.nav.list', order: 30, roles: COUNSELLING_ROLES },
    { group: 'information', path: '/training-places', labelKey: 'places.nav.public', order: 15 },
  ],
};
