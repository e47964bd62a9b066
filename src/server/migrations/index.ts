import type { Migration } from 'kysely';
import * as foundation from './2026-11-30-0001-foundation';
import * as reference from './2026-11-30-0002-reference';
import * as officeDirectory from './2026-11-30-0003-office-directory';
import * as counselling from './2026-11-30-0004-counselling';
import * as kreisDensity from './2026-11-30-0005-kreis-density';
import * as companiesPlaces from './2026-11-30-0006-companies-places';
import * as matching from './2026-11-30-0007-matching';
import * as placements from './2026-11-30-0008-placements';
import * as selfService from './2026-11-30-0009-self-service';
import * as occupationLegalBasis from './2026-11-30-0010-occupation-legal-basis';
import * as matchRunRegion from './2026-11-30-0011-match-run-region';

/**
 * All migrations in order, keyed by name. Forward-only: a landed migration is never edited; add a
 * new file and list it here (a static list works the same under tsx, vitest and a bundler).
 */
export const migrations: Record<string, Migration> = {
  '2026-11-30-0001-foundation': foundation,
  '2026-11-30-0002-reference': reference,
  '2026-11-30-0003-office-directory': officeDirectory,
  '2026-11-30-0004-counselling': counselling,
  '2026-11-30-0005-kreis-density': kreisDensity,
  '2026-11-30-0006-companies-places': companiesPlaces,
  '2026-11-30-0007-matching': matching,
  '2026-11-30-0008-placements': placements,
  '2026-11-30-0009-self-service': selfService,
  '2026-11-30-0010-occupation-legal-basis': occupationLegalBasis,
  '2026-11-30-0011-match-run-region': matchRunRegion,
};
