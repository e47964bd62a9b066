import { ZCaseStage } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { caseScope } from './case-access';
import * as repo from './cases.repository';

/** What an automatic case move did. Dates `YYYY-MM-DD`. */
export interface CaseAdvance {
  caseId: string;
  from: string;
  to: string;
  /** The day the history row is dated. */
  on: string;
}

/**
 * Moves the client's open case (in the actor's office) forward to `to` on behalf of another module's
 * use case — a placement (issue 6) moves it to `applying` when created and to `placed` on a contract —
 * inside the caller's transaction `trx`. Only forwards: a case already in `to` or a later stage, a
 * closed case, or a client without an open case is left alone (returns null). The history row is
 * dated `on`, but never before the case opened or its last change, so the history stays in order;
 * `changed_by` is the actor. The audit entry (`case` update) carries `automatic: true`, the real
 * `requestedOn` and `details` (e.g. the placement id). `note` goes on the history row: a move to
 * `placed` should carry one (DOMAIN.md: `placed` needs a running training contract or a note), e.g. the
 * placement's "Ausbildungsvertrag laut Vermittlung: …".
 * @throws `forbidden` (roles that may not update cases)
 */
export async function advanceCaseOfClient(
  ctx: RequestContext,
  trx: Executor,
  opts: {
    clientId: string;
    to: 'applying' | 'placed';
    on: string;
    note?: string;
    details?: Record<string, unknown>;
  },
): Promise<CaseAdvance | null> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const open = await repo.selectOpenCaseOfClient(trx, scope, opts.clientId);
  if (!open) return null;
  const kase = await repo.lockCase(trx, scope, open.id);
  if (!kase) return null;
  const order: readonly string[] = ZCaseStage.options;
  if (kase.stage === 'closed' || order.indexOf(kase.stage) >= order.indexOf(opts.to)) return null;
  const last = await repo.selectLastChangeOn(trx, kase.id);
  // The latest of the requested day, the opening and the last change (`YYYY-MM-DD` sorts as text).
  const on = [opts.on, kase.opened_on, last ?? ''].sort().at(-1) ?? opts.on;
  if (!(await repo.updateCaseVersioned(trx, scope, kase.id, kase.version, { stage: opts.to }))) return null;
  await repo.insertStageChange(trx, {
    case_id: kase.id,
    from_stage: kase.stage,
    to_stage: opts.to,
    outcome: null,
    changed_on: on,
    changed_by: actor.system ? null : actor.userId,
    note: opts.note ?? null,
  });
  await audit(ctx, trx, {
    action: 'update',
    entityType: 'case',
    entityId: kase.id,
    officeId: kase.office_id,
    details: {
      fields: ['stage'],
      from: kase.stage,
      to: opts.to,
      changedOn: on,
      requestedOn: opts.on,
      automatic: true,
      ...opts.details,
    },
  });
  return { caseId: kase.id, from: kase.stage, to: opts.to, on };
}
