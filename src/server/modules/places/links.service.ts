import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { insertCandidate } from './candidates.repository';
import { lockPlace, selectPlace, updatePlaceVersioned } from './places.repository';
import { placeScope } from './places.service';

/**
 * Changes of places made on behalf of another module's use case (placements, issue 6), inside the
 * caller's transaction. Both check the actor's rights on places and stay inside the actor's office.
 */

/** Moves a place between `open` and `filled` by its seats and `taken` (shared by the two functions below). */
async function switchBySeats(
  ctx: RequestContext,
  trx: Executor,
  opts: { placeId: string; taken: number; details?: Record<string, unknown> },
  from: 'open' | 'filled',
): Promise<boolean> {
  const actor = requireAccess(ctx, 'update', 'place');
  const scope = placeScope(actor);
  const locked = await lockPlace(trx, scope, opts.placeId);
  if (locked?.status !== from) return false;
  const place = await selectPlace(trx, scope, opts.placeId);
  const full = place ? opts.taken >= place.seats : false;
  if (!place || (from === 'open' ? !full : full)) return false;
  const to = from === 'open' ? 'filled' : 'open';
  if (!(await updatePlaceVersioned(trx, scope, place.id, locked.version, { status: to }))) return false;
  await audit(ctx, trx, {
    action: 'update',
    entityType: 'training_place',
    entityId: place.id,
    officeId: place.office_id,
    details: { fields: ['status'], from, to, automatic: true, ...opts.details },
  });
  return true;
}

/**
 * Marks an open place of the actor's office `filled` when `taken` (e.g. the number of signed
 * contracts on it) reaches its seats. Locks the place; leaves a place that is not open, or has seats
 * left, alone. Audited as a `training_place` update with `automatic: true` and `details`.
 * @returns true when the place became filled
 * @throws `forbidden` (roles that may not update places)
 */
export function fillPlaceWhenTaken(
  ctx: RequestContext,
  trx: Executor,
  opts: { placeId: string; taken: number; details?: Record<string, unknown> },
): Promise<boolean> {
  return switchBySeats(ctx, trx, opts, 'open');
}

/**
 * Reopens a `filled` place of the actor's office when `taken` (the signed contracts still on it) leaves
 * a seat free again, e.g. after a contract was recorded by mistake or broken off (placements). Locks the
 * place; leaves a place that is not filled, or still full, alone. Audited as a `training_place` update
 * with `automatic: true` and `details`.
 * @returns true when the place became open again
 * @throws `forbidden` (roles that may not update places)
 */
export function reopenPlaceWhenFree(
  ctx: RequestContext,
  trx: Executor,
  opts: { placeId: string; taken: number; details?: Record<string, unknown> },
): Promise<boolean> {
  return switchBySeats(ctx, trx, opts, 'filled');
}

/**
 * Records a client as a pre-selected candidate of a place of the actor's office, unless already one
 * (a placement made from a suggestion shows on the place's candidate list with its source). The
 * assessment stays empty for the counsellor to fill in; `score` is the matching score 0..1, stored
 * as 0–100 like the candidate form. The caller has checked the client's matching consent.
 * @returns the new candidate's id, or null when the client already was a candidate
 * @throws `forbidden` (roles that may not update places or clients)
 */
export async function ensurePlaceCandidate(
  ctx: RequestContext,
  trx: Executor,
  opts: {
    placeId: string;
    officeId: string;
    clientId: string;
    source: 'manual' | 'matching';
    score: number | null;
  },
): Promise<string | null> {
  const actor = requireAccess(ctx, 'update', 'place');
  requireAccess(ctx, 'update', 'client');
  if (!placeScope(actor).officeIds.includes(opts.officeId)) return null;
  const score = opts.score === null ? null : Math.round(opts.score * 1000) / 10;
  const id = await insertCandidate(trx, {
    place_id: opts.placeId,
    office_id: opts.officeId,
    client_id: opts.clientId,
    source: opts.source,
    score,
    assessment: null,
    added_by: actor.system ? null : actor.userId,
  });
  if (!id) return null;
  await audit(ctx, trx, {
    action: 'create',
    entityType: 'place_candidate',
    entityId: id,
    officeId: opts.officeId,
    details: { placeId: opts.placeId, clientId: opts.clientId, source: opts.source, automatic: true },
  });
  return id;
}
