import type { TAdviceItem, TAdviceItemKey, TUpdateAdviceItem } from '../../../contracts/companies';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { conflict } from '../../platform/errors';
import * as repo from './advice.repository';
import {
  companyScope,
  impossibleDate,
  lockWritableCompany,
  requireCompany,
  todayIso,
} from './companies.access';
import { toAdviceList } from './companies.view';

/**
 * The advice checklist of a company of the actor's office, every item in its fixed order (AEVO
 * trainer aptitude, workplace suitability, chamber registration, training plan, funding: assisted
 * training § 74 SGB III, EQ § 54a SGB III, other); items never saved are `open` with version 0.
 * @throws `forbidden`, `not_found`
 */
export async function getAdvice(ctx: RequestContext, companyId: string): Promise<TAdviceItem[]> {
  const actor = requireAccess(ctx, 'read', 'company');
  const scope = companyScope(actor);
  await requireCompany(ctx.db, scope, companyId);
  return toAdviceList(await repo.selectAdviceItems(ctx.db, scope, companyId));
}

/**
 * Sets the state, date and note of one checklist item, optimistic on `version` (0 = the item was
 * never saved). `stateOn` must not be in the future; when the state changes and no date is given,
 * it is today. Audited.
 * @returns the whole checklist
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`, merged company),
 *   `impossible_date` (`body.stateOn`: `in_future`)
 */
export async function updateAdviceItem(
  ctx: RequestContext,
  companyId: string,
  item: TAdviceItemKey,
  input: TUpdateAdviceItem,
): Promise<TAdviceItem[]> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  const day = todayIso();
  if (input.stateOn && input.stateOn > day) throw impossibleDate('body.stateOn', 'in_future');
  return ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, companyId);
    const current = toAdviceList(await repo.selectAdviceItems(trx, scope, companyId)).find(
      (i) => i.item === item,
    ) as TAdviceItem;
    if (current.version !== input.version) throw conflict();
    const stateOn =
      input.stateOn !== undefined ? input.stateOn : input.state !== current.state ? day : current.stateOn;
    const values = {
      state: input.state,
      state_on: stateOn,
      note: input.note !== undefined ? input.note : current.note,
      updated_by: actor.userId,
    };
    const ok =
      input.version === 0
        ? (await repo.insertAdviceItems(trx, [
            { ...values, company_id: companyId, office_id: company.office_id, item },
          ])) === 1
        : await repo.updateAdviceItem(trx, scope, companyId, item, input.version, values);
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'company_advice_item',
      entityId: companyId,
      officeId: company.office_id,
      details: { item, from: current.state, to: input.state, stateOn },
    });
    return toAdviceList(await repo.selectAdviceItems(trx, scope, companyId));
  });
}
