import type { TRole } from '../../../contracts/common';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { requireActor } from '../../platform/auth/policy';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import { AppError } from '../../platform/errors';

/**
 * Who may do what in matching (DOMAIN.md "Roles"). Suggestions, explanations, runs and the assignment show
 * and pair personal data of clients of one office: counsellors and coordinators of that office only (as the
 * `client` and `place` resources of the platform policy). The weights are a setting, not personal data:
 * counsellors read their office's; coordinators read and change those of their own office and of the
 * offices below it (the Landesstelle steers its service centres, which have no coordinator of their own).
 * A region run (one office run per office of the coordinator's subtree) only coordinators start; they see the
 * parts of the offices below as pseudonymised counts. Admins see no personal case data and do not tune
 * counselling; volunteers and viewers have no access.
 */
export type MatchingAction = 'suggest' | 'config_read' | 'config_write' | 'run' | 'run_region' | 'assign';

/** The role table of matching. */
export const MATCHING_POLICY: Record<MatchingAction, readonly TRole[]> = {
  suggest: ['coordinator', 'counsellor'],
  config_read: ['coordinator', 'counsellor'],
  config_write: ['coordinator'],
  run: ['coordinator', 'counsellor'],
  run_region: ['coordinator'],
  assign: ['coordinator', 'counsellor'],
};

/**
 * The access check of every matching use case, before any read.
 * @throws AppError `unauthenticated` (401), `forbidden` (403) for a role the table does not list
 */
export function requireMatching(ctx: RequestContext, action: MatchingAction): Actor {
  requireActor(ctx);
  if (!MATCHING_POLICY[action].includes(ctx.actor.role)) throw new AppError('forbidden');
  return ctx.actor;
}

/** Offices whose clients and places matching reaches: the actor's own office only (no sharing without referral). */
export function matchingScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** Today in Germany (`YYYY-MM-DD`): consents and availability windows are judged on this day. */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}
