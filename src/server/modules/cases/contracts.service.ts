import type { z } from 'zod';
import type {
  ZCreateContract,
  ZResidenceReminder,
  ZTerminateContract,
  ZTrainingContract,
} from '../../../contracts/cases';
import type { TChamber } from '../../../contracts/reference';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import { AppError, conflict, notFound } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { getClientAccess } from '../clients/index';
import { getOccupation, lookupPostcode } from '../reference/index';
import { caseScope, impossibleDate, requireCase, requireCounsellingConsent, today } from './case-access';
import { lockCase } from './cases.repository';
import * as repo from './contracts.repository';
import { describeReminder, earlyEndNotifyBy, formatDate, residenceReminders } from './reminders';
import { insertTasks } from './tasks.repository';
import { type TTask, tasksByIds } from './tasks.service';

/** Contract as returned (`ZTrainingContract`). */
export type TContract = z.infer<typeof ZTrainingContract>;

/** Task kind generated when a training under an Ausbildungsduldung ends early. */
export const NOTIFY_IMMIGRATION_OFFICE = 'notify_immigration_office';

/** Maps a contract row to `ZTrainingContract`; the occupation name comes from the reference list. */
export async function toContract(ctx: RequestContext, r: repo.ContractRow): Promise<TContract> {
  const occupationName = await getOccupation(ctx.db, r.occupation_id).then(
    (o) => o.name,
    () => null, // the list is reloaded from data/: an occupation may have been dropped since
  );
  return {
    id: r.id,
    companyName: r.company_name,
    companyPostcode: r.company_postcode?.trim() ?? null,
    occupationId: r.occupation_id,
    occupationName,
    startsOn: r.starts_on,
    chamber: r.chamber as TChamber,
    signedOn: r.signed_on,
    precededBy: r.preceded_by as TContract['precededBy'],
    terminatedOn: r.terminated_on,
    terminationReason: r.termination_reason,
    version: r.version,
  };
}

/** The current contract of a case, or null. */
export async function contractOfCase(ctx: RequestContext, scope: OfficeScope, caseId: string) {
  const row = await repo.selectCurrentContract(ctx.db, scope, caseId);
  return row ? toContract(ctx, row) : null;
}

/**
 * Records the signed training contract of a case. The occupation must exist in the reference list
 * (`/api/reference/occupations`); a case holds one running contract at a time (a new one after a
 * termination is fine). Does not move the stage: the counsellor moves the case to `placed`.
 * @throws `forbidden`, `not_found`, `validation` (`body.occupationId`: unknown occupation),
 *   `impossible_date` (`body.signedOn` in the future), `duplicate` (409: a running contract exists)
 */
export async function createContract(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof ZCreateContract>,
): Promise<TContract> {
  const actor = requireAccess(ctx, 'create', 'case');
  const scope = caseScope(actor);
  const kase = await requireCase(ctx.db, scope, caseId);
  await requireCounsellingConsent(ctx.db, kase.client_id);
  await getOccupation(ctx.db, input.occupationId).catch(() => {
    throw new AppError('validation', [
      { field: 'body.occupationId', code: 'unknown_occupation', messageKey: 'unknown_occupation' },
    ]);
  });
  if (input.signedOn && input.signedOn > today(ctx)) throw impossibleDate('body.signedOn', 'in_future');
  if (input.companyPostcode) {
    await lookupPostcode(ctx.db, input.companyPostcode).catch(() => {
      throw new AppError('validation', [
        { field: 'body.companyPostcode', code: 'unknown_postcode', messageKey: 'unknown_postcode' },
      ]);
    });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Two contracts recorded at the same moment must not both pass the "one running" check.
    await lockCase(trx, scope, kase.id);
    const current = await repo.selectCurrentContract(trx, scope, kase.id);
    if (current && current.terminated_on === null) {
      throw new AppError('duplicate', [{ field: 'params.id', code: 'contract_running' }]);
    }
    const newId = await repo.insertContract(trx, {
      case_id: kase.id,
      office_id: kase.office_id,
      company_name: input.companyName,
      company_postcode: input.companyPostcode ?? null,
      occupation_id: input.occupationId,
      starts_on: input.startsOn,
      chamber: input.chamber,
      signed_on: input.signedOn ?? null,
      preceded_by: input.precededBy ?? null,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'training_contract',
      entityId: newId,
      officeId: kase.office_id,
      details: { caseId: kase.id, occupationId: input.occupationId },
    });
    return newId;
  });
  const row = await repo.selectCurrentContract(ctx.db, scope, kase.id);
  if (!row || row.id !== id) throw conflict();
  return toContract(ctx, row);
}

/**
 * Records the early end (Vertragslösung) of the case's running contract. When the client holds an
 * Ausbildungsduldung, the case then shows the § 60c Abs. 5 AufenthG reminder (the company notifies
 * the immigration office promptly, as a rule within two weeks) and a task (kind
 * `notify_immigration_office`, due two weeks after the end, owner the case's counsellor) is added.
 * @throws `forbidden`, `not_found` (no contract), `conflict` (stale `version` or already terminated),
 *   `impossible_date` (`body.terminatedOn` in the future or before signing)
 */
export async function terminateContract(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof ZTerminateContract>,
): Promise<{ contract: TContract; tasks: TTask[]; reminders: z.infer<typeof ZResidenceReminder>[] }> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const kase = await requireCase(ctx.db, scope, caseId);
  const current = await repo.selectCurrentContract(ctx.db, scope, kase.id);
  if (!current) throw notFound();
  if (current.terminated_on !== null) throw conflict();
  if (input.terminatedOn > today(ctx)) throw impossibleDate('body.terminatedOn', 'in_future');
  if (current.signed_on && input.terminatedOn < current.signed_on) {
    throw impossibleDate('body.terminatedOn', 'before_signed');
  }
  const client = await getClientAccess(ctx, kase.client_id);
  // § 60c Abs. 5 AufenthG concerns a training that has begun: a contract ended before its start is no early end.
  const underDuldung =
    client.residenceStatus === 'ausbildungsduldung' && input.terminatedOn >= current.starts_on;
  const t = translator(ctx.lang);
  const taskIds = await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateContractVersioned(trx, scope, current.id, input.version, {
      terminated_on: input.terminatedOn,
      termination_reason: input.reason,
    });
    if (!ok) throw conflict();
    const due = earlyEndNotifyBy(input.terminatedOn);
    const ids = underDuldung
      ? await insertTasks(trx, [
          {
            office_id: kase.office_id,
            case_id: kase.id,
            kind: NOTIFY_IMMIGRATION_OFFICE,
            title: t('caseTasks.notifyImmigrationOffice', { date: formatDate(due, ctx.lang) }),
            due_on: due,
            owner_id: kase.counsellor_id ?? actor.userId,
          },
        ])
      : [];
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'training_contract',
      entityId: current.id,
      officeId: kase.office_id,
      details: { caseId: kase.id, terminatedOn: input.terminatedOn, tasks: ids.length },
    });
    return ids;
  });
  const contract = (await contractOfCase(ctx, scope, kase.id)) as TContract;
  const reminders = residenceReminders({
    facts: client,
    contract: { startsOn: contract.startsOn, terminatedOn: contract.terminatedOn },
    today: today(ctx),
    reminderDays: ctx.config.residenceReminderDays,
  }).map((f) => describeReminder(f, t, ctx.lang));
  return { contract, tasks: await tasksByIds(ctx, ctx.db, scope, taskIds), reminders };
}
