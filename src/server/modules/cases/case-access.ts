import type { Actor, RequestContext } from '../../platform/auth/context';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { hasActiveConsent } from '../clients/index';
import * as repo from './cases.repository';
import { todayIso } from './dates';

/**
 * Office scope of the cases module: the actor's own office only (issue 4: a case of one service
 * centre is invisible — 404 — to every other office, including the coordinators above it).
 */
export function caseScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** A case inside `scope`, with names. @throws `not_found` (unknown or another office's case) */
export async function requireCase(db: Executor, scope: OfficeScope, id: string): Promise<repo.CaseWithNames> {
  const row = await repo.selectCase(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Checks that `userId` is an enabled counsellor or coordinator of the scope's office (owner of a
 * case or task). @throws `unknown_user` (400) on `field`
 */
export async function requireStaff(db: Executor, scope: OfficeScope, userId: string, field: string) {
  const staff = await repo.selectStaff(db, scope, userId);
  if (!staff) throw new AppError('unknown_user', [{ field, code: 'unknown_user' }]);
  return staff;
}

/** Today in Germany (`YYYY-MM-DD`): the reference day for date checks and overdue flags. */
export function today(_ctx: RequestContext): string {
  return todayIso();
}

/**
 * A field error for an impossible date (`impossible_date`, 400). `why` names the rule:
 * `in_future`, `before_case_opened`, `before_previous_change`, `before_referral`, `before_signed`.
 */
export function impossibleDate(field: string, why: string): AppError {
  return new AppError('impossible_date', [{ field, code: why, messageKey: 'impossible_date' }]);
}

/**
 * New counselling data (sessions, tasks, referrals, contracts) need the client's active counselling
 * consent: without it a client holds only the minimal record (DSGVO Art. 6(1)(a), Art. 7(3)).
 * @throws `consent_required` (400)
 */
export async function requireCounsellingConsent(db: Executor, clientId: string): Promise<void> {
  if (!(await hasActiveConsent(db, clientId, 'counselling'))) {
    throw new AppError('consent_required', [{ field: 'params.id', code: 'consent_required' }]);
  }
}
