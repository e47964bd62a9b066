import type { z } from 'zod';
import type { TCase, ZMoveStage } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { AppError, conflict, notFound } from '../../platform/errors';
import { takeExitSnapshot } from '../clients/index';
import { caseScope, impossibleDate, today } from './case-access';
import * as repo from './cases.repository';
import { loadCase } from './cases.service';
import { selectCurrentContract } from './contracts.repository';

/** Stages that say the client has a training place: they need a recorded contract or a note. */
const PLACED_STAGES = new Set(['placed', 'in_training']);

/**
 * Moves a case to another stage of `first_contact → orientation → preparation → applying → placed
 * → in_training → closed`, on the day it happened. Rules (DOMAIN.md "Stages", issue 4):
 * - any other stage may follow, forwards or backwards (a client may drop back from `applying` to
 *   `preparation`); staying in the same stage is refused;
 * - `closed` needs an `outcome`, other stages take none; leaving `closed` reopens the case (closing
 *   date and outcome cleared, the history keeps both);
 * - `placed` and `in_training` need a running training contract on the case, or else a `note`
 *   (e.g. "contract signed, copy follows"), so the board never shows a placement nobody can trace;
 * - `changedOn` must not be before the case opened, before the previous change, or in the future.
 * Each move writes one history row and an audit entry; closing takes the client's exit snapshot of
 * the programme fields (clients module), in the same transaction.
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`), `invalid_stage_change`
 *   (`body.stage`), `outcome_required` (`body.outcome`), `contract_or_note_required` (`body.note`),
 *   `impossible_date` (`body.changedOn`: `before_case_opened` | `before_previous_change` | `in_future`)
 */
export async function moveCaseStage(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof ZMoveStage>,
): Promise<TCase> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const closing = input.stage === 'closed';
  if (closing && !input.outcome) {
    throw new AppError('outcome_required', [{ field: 'body.outcome', code: 'outcome_required' }]);
  }
  if (!closing && input.outcome) {
    throw new AppError('invalid_stage_change', [{ field: 'body.outcome', code: 'outcome_only_when_closed' }]);
  }
  if (input.changedOn > today(ctx)) throw impossibleDate('body.changedOn', 'in_future');
  await ctx.db.transaction().execute(async (trx) => {
    const kase = await repo.lockCase(trx, scope, id);
    if (!kase) throw notFound();
    if (kase.version !== input.version) throw conflict();
    if (kase.stage === input.stage) {
      throw new AppError('invalid_stage_change', [{ field: 'body.stage', code: 'same_stage' }]);
    }
    if (input.changedOn < kase.opened_on) throw impossibleDate('body.changedOn', 'before_case_opened');
    const last = await repo.selectLastChangeOn(trx, id);
    if (last && input.changedOn < last) throw impossibleDate('body.changedOn', 'before_previous_change');
    if (PLACED_STAGES.has(input.stage) && !input.note) {
      const contract = await selectCurrentContract(trx, scope, id);
      if (!contract || contract.terminated_on !== null) {
        throw new AppError('contract_or_note_required', [
          { field: 'body.note', code: 'contract_or_note_required' },
        ]);
      }
    }
    const ok = await repo.updateCaseVersioned(trx, scope, id, input.version, {
      stage: input.stage,
      outcome: closing ? (input.outcome ?? null) : null,
      closed_on: closing ? input.changedOn : null,
    });
    if (!ok) throw conflict();
    await repo.insertStageChange(trx, {
      case_id: id,
      from_stage: kase.stage,
      to_stage: input.stage,
      outcome: closing ? (input.outcome ?? null) : null,
      changed_on: input.changedOn,
      changed_by: actor.userId,
      note: input.note ?? null,
    });
    if (closing) {
      await takeExitSnapshot(ctx, kase.client_id, trx, { outcome: input.outcome, closedOn: input.changedOn });
    }
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'case',
      entityId: id,
      officeId: kase.office_id,
      details: {
        fields: ['stage'],
        from: kase.stage,
        to: input.stage,
        changedOn: input.changedOn,
        ...(closing && { outcome: input.outcome }),
        ...(kase.stage === 'closed' && { reopened: true }),
      },
    });
  });
  return loadCase(ctx, scope, id);
}
