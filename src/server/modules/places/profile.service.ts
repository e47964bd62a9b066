import type { TPlaceProfile, TUpdatePlaceProfile } from '../../../contracts/places';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { conflict } from '../../platform/errors';
import { placeScope, requirePlace } from './places.service';
import * as repo from './profile.repository';

/**
 * The requirement profile of a place (passgenaue Besetzung): tasks, must-haves, nice-to-haves,
 * working hours, language needs. A place whose profile was never saved answers an empty profile
 * with `version` 0. @throws `forbidden`, `not_found` (unknown or another office's place)
 */
export async function getPlaceProfile(ctx: RequestContext, placeId: string): Promise<TPlaceProfile> {
  const actor = requireAccess(ctx, 'read', 'place');
  const scope = placeScope(actor);
  await requirePlace(ctx.db, scope, placeId);
  const r = await repo.selectProfile(ctx.db, scope, placeId);
  if (!r) {
    return {
      placeId,
      tasks: null,
      mustHaves: [],
      niceToHaves: [],
      workingHours: null,
      languageNeeds: null,
      updatedByName: null,
      updatedAt: null,
      version: 0,
    };
  }
  return {
    placeId: r.place_id,
    tasks: r.tasks,
    mustHaves: r.must_haves,
    niceToHaves: r.nice_to_haves,
    workingHours: r.working_hours,
    languageNeeds: r.language_needs,
    updatedByName: r.updated_by_name,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

/**
 * Saves the whole requirement profile with optimistic concurrency (`version` 0 for the first save).
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`)
 */
export async function updatePlaceProfile(
  ctx: RequestContext,
  placeId: string,
  input: TUpdatePlaceProfile,
): Promise<TPlaceProfile> {
  const actor = requireAccess(ctx, 'update', 'place');
  const scope = placeScope(actor);
  const place = await requirePlace(ctx.db, scope, placeId);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.saveProfileVersioned(trx, scope, placeId, place.office_id, input.version, {
      tasks: input.tasks,
      must_haves: input.mustHaves,
      nice_to_haves: input.niceToHaves,
      working_hours: input.workingHours,
      language_needs: input.languageNeeds,
      updated_by: actor.system ? null : actor.userId,
    });
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: input.version === 0 ? 'create' : 'update',
      entityType: 'place_requirement_profile',
      entityId: placeId,
      officeId: place.office_id,
    });
  });
  return getPlaceProfile(ctx, placeId);
}
