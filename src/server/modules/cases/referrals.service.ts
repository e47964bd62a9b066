import type { z } from 'zod';
import type { ZCreateReferral, ZReferral, ZUpdateReferral } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { conflict, notFound } from '../../platform/errors';
import { caseScope, impossibleDate, requireCase, requireCounsellingConsent, today } from './case-access';
import * as repo from './referrals.repository';

/** Referral as returned (`ZReferral`). */
export type TReferral = z.infer<typeof ZReferral>;

/** Maps a referral row to `ZReferral`. */
export function toReferral(r: repo.ReferralRow): TReferral {
  return {
    id: r.id,
    partnerKind: r.partner_kind as TReferral['partnerKind'],
    partnerName: r.partner_name,
    referredOn: r.referred_on,
    reason: r.reason,
    feedback: r.feedback,
    feedbackOn: r.feedback_on,
    version: r.version,
  };
}

/** Referrals of a case, newest first. */
export async function referralsOfCase(ctx: RequestContext, caseId: string): Promise<TReferral[]> {
  return (await repo.selectReferralsOfCase(ctx.db, caseId)).map(toReferral);
}

/**
 * Records a referral (Verweisberatung) of the case's client to a partner organisation.
 * @throws `forbidden`, `not_found`, `impossible_date` (`body.referredOn` in the future)
 */
export async function createReferral(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof ZCreateReferral>,
): Promise<TReferral> {
  const actor = requireAccess(ctx, 'create', 'case');
  const scope = caseScope(actor);
  const kase = await requireCase(ctx.db, scope, caseId);
  await requireCounsellingConsent(ctx.db, kase.client_id);
  if (input.referredOn > today(ctx)) throw impossibleDate('body.referredOn', 'in_future');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertReferral(trx, {
      case_id: kase.id,
      office_id: kase.office_id,
      partner_kind: input.partnerKind,
      partner_name: input.partnerName ?? null,
      referred_on: input.referredOn,
      reason: input.reason,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'referral',
      entityId: newId,
      officeId: kase.office_id,
      details: { caseId: kase.id, partnerKind: input.partnerKind },
    });
    return newId;
  });
  return toReferral((await repo.selectReferral(ctx.db, scope, id)) as repo.ReferralRow);
}

/**
 * Records the partner's feedback on a referral (text and date; the date defaults to today when
 * feedback is given), with optimistic concurrency.
 * @throws `forbidden`, `not_found`, `conflict`, `impossible_date` (`body.feedbackOn` in the future or
 *   before the referral)
 */
export async function updateReferral(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof ZUpdateReferral>,
): Promise<TReferral> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const before = await repo.selectReferral(ctx.db, scope, id);
  if (!before) throw notFound();
  let feedbackOn = input.feedbackOn;
  if (feedbackOn === undefined && input.feedback && !before.feedback_on) feedbackOn = today(ctx);
  if (feedbackOn) {
    if (feedbackOn > today(ctx)) throw impossibleDate('body.feedbackOn', 'in_future');
    if (feedbackOn < before.referred_on) throw impossibleDate('body.feedbackOn', 'before_referral');
  }
  const patch = {
    ...(input.feedback !== undefined && { feedback: input.feedback }),
    ...(feedbackOn !== undefined && { feedback_on: feedbackOn }),
  };
  if (Object.keys(patch).length === 0) {
    if (before.version !== input.version) throw conflict();
    return toReferral(before);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateReferralVersioned(trx, scope, id, input.version, patch))) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      officeId: before.office_id,
      details: { fields: Object.keys(patch) },
    });
  });
  return toReferral((await repo.selectReferral(ctx.db, scope, id)) as repo.ReferralRow);
}
