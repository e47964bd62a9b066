import type { z } from 'zod';
import type {
  TCase,
  TCaseStage,
  TCreateCase,
  ZCaseCard,
  ZCaseQuery,
  ZStageChange,
  ZUpdateCase,
} from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { allOffices, type OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { createClient, getClientAccess } from '../clients/index';
import { caseScope, requireCase, requireStaff, today } from './case-access';
import * as repo from './cases.repository';
import { contractOfCase } from './contracts.service';
import { addDays } from './dates';
import { referralsOfCase } from './referrals.service';
import { describeReminder, residenceReminders } from './reminders';
import { sessionsOfCase } from './sessions.service';
import { ensureConsentAt18Tasks, tasksOfCase } from './tasks.service';

/** Case card as returned (`ZCaseCard`). */
export type TCaseCard = z.infer<typeof ZCaseCard>;

type CardRow = Awaited<ReturnType<typeof repo.selectCaseCards>>['rows'][number];

/** Maps a list row to a case card. */
export function toCard(r: CardRow): TCaseCard {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    stage: r.stage as TCaseStage,
    counsellorName: r.counsellor_name,
    age: r.age,
    germanLevel: r.german_level?.trim() ?? null,
    wishedOccupationIds: r.wished_occupation_ids ?? [],
    residenceStatus: r.residence_status,
    lastContactOn: r.last_contact_on,
    openTasks: r.open_tasks,
    version: r.version,
  };
}

/**
 * Assembles the full case (`ZCase`): history, sessions, tasks, referrals, current contract and the
 * residence reminders of today. Not audited (callers audit their own read).
 * @throws `not_found`
 */
export async function loadCase(ctx: RequestContext, scope: OfficeScope, id: string): Promise<TCase> {
  const row = await requireCase(ctx.db, scope, id);
  const [history, sessions, tasks, referrals, contract, client] = await Promise.all([
    repo.selectStageChanges(ctx.db, id),
    sessionsOfCase(ctx, id),
    tasksOfCase(ctx, scope, id),
    referralsOfCase(ctx, id),
    contractOfCase(ctx, scope, id),
    getClientAccess(ctx, row.client_id),
  ]);
  const t = translator(ctx.lang);
  const reminders = residenceReminders({
    facts: client,
    contract: contract && { startsOn: contract.startsOn, terminatedOn: contract.terminatedOn },
    today: today(ctx),
    reminderDays: ctx.config.residenceReminderDays,
  }).map((f) => describeReminder(f, t, ctx.lang));
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    officeId: row.office_id,
    counsellorId: row.counsellor_id,
    counsellorName: row.counsellor_name,
    stage: row.stage as TCaseStage,
    outcome: row.outcome as TCase['outcome'],
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    lastContactOn: row.last_contact_on,
    history: history.map(
      (h): z.infer<typeof ZStageChange> => ({
        fromStage: h.from_stage as TCaseStage | null,
        toStage: h.to_stage as TCaseStage,
        outcome: h.outcome as TCase['outcome'],
        changedOn: h.changed_on,
        changedByName: h.changed_by_name,
        note: h.note,
      }),
    ),
    sessions,
    tasks,
    referrals,
    contract,
    reminders,
    version: row.version,
  };
}

/**
 * Intake: opens a case in `first_contact` for a new client (created through the clients module in
 * the same transaction) or for an existing client of the actor's office, with the first history
 * row dated today. The counsellor defaults to the actor.
 * @throws `forbidden`, `not_found` (`clientId` of another office), `duplicate` (409: the client has
 *   an open case, field `body.clientId`), `unknown_user` (`body.counsellorId`), and the clients
 *   module's validation errors for `body.client.*`
 */
export async function createCase(ctx: RequestContext, input: TCreateCase): Promise<TCase> {
  const actor = requireAccess(ctx, 'create', 'case');
  const scope = caseScope(actor);
  const counsellorId = input.counsellorId ?? actor.userId;
  if (input.counsellorId) await requireStaff(ctx.db, scope, input.counsellorId, 'body.counsellorId');
  const day = today(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    let clientId: string;
    if (input.client) {
      clientId = (await createClient(ctx, input.client, trx).catch(prefixClientFields)).id;
    } else {
      clientId = (await getClientAccess(ctx, input.clientId as string, trx)).id;
      if (await repo.selectOpenCaseOfClient(trx, scope, clientId)) {
        throw new AppError('duplicate', [{ field: 'body.clientId', code: 'case_open' }]);
      }
    }
    const caseId = await repo.insertCase(trx, {
      client_id: clientId,
      office_id: actor.officeId,
      counsellor_id: counsellorId,
      stage: 'first_contact',
      opened_on: day,
    });
    await repo.insertStageChange(trx, {
      case_id: caseId,
      from_stage: null,
      to_stage: 'first_contact',
      changed_on: day,
      changed_by: actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'case',
      entityId: caseId,
      officeId: actor.officeId,
      details: { clientId, newClient: input.client !== undefined },
    });
    return caseId;
  });
  return loadCase(ctx, scope, id);
}

/** The clients module names its fields `body.*`; inside the intake body they sit under `body.client.*`. */
function prefixClientFields(e: unknown): never {
  if (e instanceof AppError && e.fields.length > 0) {
    throw new AppError(
      e.code,
      e.fields.map((f) => ({ ...f, field: f.field.replace(/^body\./, 'body.client.') })),
      e.extra,
    );
  }
  throw e;
}

/**
 * One case with everything on it (the read is audited: personal data). Generates due
 * `consent_at_18` tasks first. @throws `forbidden`, `not_found` (unknown or another office's case)
 */
export async function getCase(ctx: RequestContext, id: string): Promise<TCase> {
  const actor = requireAccess(ctx, 'read', 'case');
  const scope = caseScope(actor);
  await ensureConsentAt18Tasks(ctx, scope);
  const result = await loadCase(ctx, scope, id);
  await audit(ctx, ctx.db, { action: 'read', entityType: 'case', entityId: id, officeId: result.officeId });
  return result;
}

/**
 * Case cards of the actor's office for the list and the board, filtered by stage, counsellor, age
 * (completed years today), German level, wished occupation, residence status and "no contact for N
 * days" (open cases whose last contact — or opening — is more than N days ago).
 * @throws `forbidden`
 */
export async function listCases(
  ctx: RequestContext,
  q: z.infer<typeof ZCaseQuery>,
): Promise<{ items: TCaseCard[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'case');
  const scope = caseScope(actor);
  await ensureConsentAt18Tasks(ctx, scope);
  const day = today(ctx);
  const { rows, total } = await repo.selectCaseCards(
    ctx.db,
    scope,
    { ...q, contactBefore: q.noContactForDays ? addDays(day, -q.noContactForDays) : undefined },
    day,
  );
  return { items: rows.map(toCard), total };
}

/**
 * Hands a case to another counsellor or coordinator of the office (or to nobody), with optimistic
 * concurrency. @throws `forbidden`, `not_found`, `conflict`, `unknown_user` (`body.counsellorId`)
 */
export async function updateCase(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof ZUpdateCase>,
): Promise<TCase> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const before = await requireCase(ctx.db, scope, id);
  if (input.counsellorId) await requireStaff(ctx.db, scope, input.counsellorId, 'body.counsellorId');
  if (input.counsellorId === before.counsellor_id) {
    if (before.version !== input.version) throw conflict();
  } else {
    await ctx.db.transaction().execute(async (trx) => {
      const ok = await repo.updateCaseVersioned(trx, scope, id, input.version, {
        counsellor_id: input.counsellorId,
      });
      if (!ok) throw conflict();
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'case',
        entityId: id,
        officeId: before.office_id,
        details: { fields: ['counsellorId'] },
      });
    });
  }
  return loadCase(ctx, scope, id);
}

/**
 * Moves every case of client `fromClientId` to `toClientId` inside the clients module's merge
 * transaction (its `ClientMergeHandler`, wired in `app.ts`): history, sessions, tasks, referrals
 * and contracts hang on the case and move with it. The clients module has checked access and
 * office of both clients before calling.
 */
export async function moveCasesToClient(
  trx: Executor,
  fromClientId: string,
  toClientId: string,
): Promise<void> {
  // No actor here (the handler signature is the clients module's): both clients were checked to be of
  // the actor's office, and a case always lies in its client's office, so every office is the scope.
  await repo.moveCases(trx, allOffices(), fromClientId, toClientId);
}
