import type { TCompanyDetail, TMoveCompanyStage } from '../../../contracts/companies';
import type { TCompanyStage } from '../../../contracts/companies.enums';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict } from '../../platform/errors';
import { companyScope, impossibleDate, lockWritableCompany, todayIso } from './companies.access';
import { loadCompanyDetail } from './companies.detail';
import * as repo from './companies.repository';
import {
  insertStageChanges,
  redateChanges,
  selectChangesAfter,
  selectLastChangeOn,
} from './stages.repository';

/** Side exits of the pipeline: leaving it needs a reason (why the company said no, why it went quiet). */
const SIDE_EXITS: ReadonlySet<TCompanyStage> = new Set(['declined', 'inactive']);

/**
 * Writes one stage change of a locked company inside `trx`: the new stage (bumping the version, only
 * while it equals `version` unless null), one history row dated `on` and an audit entry.
 * @returns false when the version was stale (nothing written)
 */
export async function writeStageChange(
  ctx: RequestContext,
  trx: Executor,
  opts: {
    scope: OfficeScope;
    company: { id: string; office_id: string; stage: string };
    to: TCompanyStage;
    on: string;
    reason: string | null;
    version: number | null;
    automatic?: boolean;
  },
): Promise<boolean> {
  const { company } = opts;
  const ok = await repo.updateCompany(trx, opts.scope, company.id, opts.version, {
    stage: opts.to,
    stage_changed_on: opts.on,
  });
  if (!ok) return false;
  const actorId = ctx.actor && !ctx.actor.system ? ctx.actor.userId : null;
  await insertStageChanges(trx, [
    {
      company_id: company.id,
      office_id: company.office_id,
      from_stage: company.stage,
      to_stage: opts.to,
      changed_on: opts.on,
      reason: opts.reason,
      changed_by: actorId,
    },
  ]);
  await audit(ctx, trx, {
    action: 'update',
    entityType: 'company',
    entityId: company.id,
    officeId: company.office_id,
    details: {
      fields: ['stage'],
      from: company.stage,
      to: opts.to,
      changedOn: opts.on,
      ...(opts.automatic && { automatic: true }),
    },
  });
  return true;
}

/**
 * Moves a company of the actor's office to another stage of the acquisition pipeline
 * (`identified → contacted → advised → ready_to_train → offering → training`, side exits
 * `declined`/`inactive`), on the day it happened. Any other stage may follow, forwards or back (a
 * declined company may be approached again); staying in the same stage is refused. `on` must not be
 * in the future nor before the previous change; `declined` and `inactive` need a `reason`. One
 * history row and an audit entry per move.
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`, or a merged company),
 *   `invalid_stage_change` (`body.to`, code `same_stage`), `reason_required` (`body.reason`),
 *   `impossible_date` (`body.on`: `in_future` | `before_previous_change`)
 */
export async function moveCompanyStage(
  ctx: RequestContext,
  id: string,
  input: TMoveCompanyStage,
): Promise<TCompanyDetail> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  const reason = input.reason?.trim() || null;
  if (SIDE_EXITS.has(input.to) && !reason) {
    throw new AppError('reason_required', [{ field: 'body.reason', code: 'reason_required' }]);
  }
  if (input.on > todayIso()) throw impossibleDate('body.on', 'in_future');
  return ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, id);
    if (company.version !== input.version) throw conflict();
    if (company.stage === input.to) {
      throw new AppError('invalid_stage_change', [{ field: 'body.to', code: 'same_stage' }]);
    }
    const last = await selectLastChangeOn(trx, id);
    if (last && input.on < last) throw impossibleDate('body.on', 'before_previous_change');
    const ok = await writeStageChange(ctx, trx, {
      scope,
      company,
      to: input.to,
      on: input.on,
      reason,
      version: input.version,
    });
    if (!ok) throw conflict();
    return loadCompanyDetail(trx, scope, id);
  });
}

/**
 * Logging a contact of an `identified` company moves it to `contacted` (issue 5), inside the
 * contact's transaction, dated the contact's day. A contact older than the company's record (a
 * company recorded today after yesterday's call) moves the entry row back to the contact's day:
 * the entry row only says when the record was made, and the contact proves the company was known
 * by then. When a real stage change lies after the contact (e.g. moved back to `identified` since),
 * the move is dated that change's day instead, so the history stays in order. No-op for any other
 * stage.
 * @returns true when the company moved
 */
export async function advanceOnContact(
  ctx: RequestContext,
  trx: Executor,
  opts: {
    scope: OfficeScope;
    company: { id: string; office_id: string; stage: string };
    contactedOn: string;
  },
): Promise<boolean> {
  if (opts.company.stage !== 'identified') return false;
  const later = await selectChangesAfter(trx, opts.scope, opts.company.id, opts.contactedOn);
  let on = opts.contactedOn;
  if (later.every((h) => h.from_stage === null)) {
    await redateChanges(
      trx,
      opts.scope,
      opts.company.id,
      later.map((h) => h.id),
      on,
    );
  } else {
    on = later[0]?.changed_on ?? on;
  }
  return writeStageChange(ctx, trx, {
    scope: opts.scope,
    company: opts.company,
    to: 'contacted',
    on,
    reason: null,
    version: null,
    automatic: true,
  });
}
