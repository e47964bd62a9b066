import type { TWebModule } from '../lib/web-module';
import { auditModule } from '../modules/audit';
import { authModule } from '../modules/auth';
import { casesModule } from '../modules/cases';
import { clientsModule } from '../modules/clients';
import { companiesModule } from '../modules/companies';
import { finderModule } from '../modules/finder';
import { homeModule } from '../modules/home';
import { importsModule } from '../modules/imports';
import { matchingModule } from '../modules/matching';
import { occupationsModule } from '../modules/occupations';
import { officesModule } from '../modules/offices';
import { placementsModule } from '../modules/placements';
import { placesModule } from '../modules/places';
import { selfServiceModule } from '../modules/self-service';
import { usersModule } from '../modules/users';

/**
 * Every web module, in navigation order. A new module exports a `TWebModule` (its pages and navigation
 * entries) from its `index.ts` and is added here: that is the only change the app needs.
 */
export const WEB_MODULES: readonly TWebModule[] = [
  homeModule,
  authModule,
  clientsModule,
  casesModule,
  companiesModule,
  placesModule,
  placementsModule,
  matchingModule,
  selfServiceModule,
  importsModule,
  finderModule,
  occupationsModule,
  officesModule,
  usersModule,
  auditModule,
];
