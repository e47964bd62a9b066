import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { inScope } from './places.sql';

/** Repository of `place_requirement_profile` (the only writer); reads `app_user` names read-only. */

/** The requirement profile of a place inside `scope`, or undefined when never saved. */
export function selectProfile(db: Executor, scope: OfficeScope, placeId: string) {
  return db
    .selectFrom('place_requirement_profile as r')
    .leftJoin('app_user as u', 'u.id', 'r.updated_by')
    .where('r.place_id', '=', placeId)
    .where(inScope(scope, 'r.office_id'))
    .select([
      'r.place_id',
      'r.tasks',
      'r.must_haves',
      'r.nice_to_haves',
      'r.working_hours',
      'r.language_needs',
      'r.updated_at',
      'r.version',
      'u.display_name as updated_by_name',
    ])
    .executeTakeFirst();
}

/** The columns of a profile write. */
export interface ProfileWrite {
  tasks: string | null;
  must_haves: string[];
  nice_to_haves: string[];
  working_hours: string | null;
  language_needs: string | null;
  updated_by: string | null;
}

/**
 * Saves the profile when its stored version equals `version` (0 = not saved yet: inserts),
 * bumping the version. @returns false when stale (someone saved in between)
 */
export async function saveProfileVersioned(
  db: Executor,
  scope: OfficeScope,
  placeId: string,
  officeId: string,
  version: number,
  row: ProfileWrite,
): Promise<boolean> {
  if (version === 0) {
    const r = await db
      .insertInto('place_requirement_profile')
      .values({ place_id: placeId, office_id: officeId, ...row })
      .onConflict((oc) => oc.column('place_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('place_requirement_profile as r')
    .set({ ...row, version: sql`r.version + 1`, updated_at: sql`now()` })
    .where('r.place_id', '=', placeId)
    .where('r.version', '=', version)
    .where(inScope(scope, 'r.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
