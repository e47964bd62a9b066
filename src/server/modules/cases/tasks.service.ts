import type { z } from 'zod';
import type { ZCreateTask, ZTask, ZTaskQuery, ZUpdateTask } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import { officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { conflict, notFound } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { caseScope, requireCase, requireCounsellingConsent, requireStaff, today } from './case-access';
import { formatDate } from './reminders';
import * as repo from './tasks.repository';

/** Task as returned (`ZTask`). */
export type TTask = z.infer<typeof ZTask>;

/** Maps a task row with names to `ZTask`. */
export function toTask(r: repo.TaskWithNames): TTask {
  return {
    id: r.id,
    caseId: r.case_id,
    clientName: r.client_name,
    companyId: r.company_id,
    companyName: r.company_name,
    kind: r.kind,
    title: r.title,
    dueOn: r.due_on,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    done: r.done_at !== null,
    overdue: r.overdue,
    version: r.version,
  };
}

/** Tasks by id inside `scope`, in the order of the list (open first, by due date). */
export async function tasksByIds(ctx: RequestContext, db: Executor, scope: OfficeScope, ids: string[]) {
  if (ids.length === 0) return [];
  return (await repo.selectTasks(db, scope, { ids }, today(ctx))).rows.map(toTask);
}

/** All tasks of a case (open first), for the case view. */
export async function tasksOfCase(ctx: RequestContext, scope: OfficeScope, caseId: string): Promise<TTask[]> {
  return (await repo.selectTasks(ctx.db, scope, { caseId }, today(ctx))).rows.map(toTask);
}

/**
 * Adds a task to a case; the owner defaults to the actor.
 * @throws `forbidden`, `not_found` (case of another office), `unknown_user` (owner not of the office)
 */
export async function createTask(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof ZCreateTask>,
): Promise<TTask> {
  const actor = requireAccess(ctx, 'create', 'case');
  const scope = caseScope(actor);
  const kase = await requireCase(ctx.db, scope, caseId);
  await requireCounsellingConsent(ctx.db, kase.client_id);
  if (input.ownerId) await requireStaff(ctx.db, scope, input.ownerId, 'body.ownerId');
  const [id] = await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertTasks(trx, [
      {
        office_id: kase.office_id,
        case_id: kase.id,
        kind: 'manual',
        title: input.title,
        due_on: input.dueOn ?? null,
        owner_id: input.ownerId ?? actor.userId,
      },
    ]);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'task',
      entityId: ids[0] ?? null,
      officeId: kase.office_id,
    });
    return ids;
  });
  const [task] = await tasksByIds(ctx, ctx.db, scope, [id as string]);
  return task as TTask;
}

/**
 * Marks a task done or open, moves its due date, hands it to another owner or renames it, with
 * optimistic concurrency; an empty change is a no-op.
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`), `unknown_user`
 */
export async function updateTask(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof ZUpdateTask>,
): Promise<TTask> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope = caseScope(actor);
  const before = await repo.selectTask(ctx.db, scope, id);
  if (!before) throw notFound();
  if (input.ownerId) await requireStaff(ctx.db, scope, input.ownerId, 'body.ownerId');
  const patch = {
    ...(input.done !== undefined &&
      input.done !== (before.done_at !== null) && { done_at: input.done ? new Date() : null }),
    ...(input.dueOn !== undefined && { due_on: input.dueOn }),
    ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
    ...(input.title !== undefined && { title: input.title }),
  };
  if (Object.keys(patch).length === 0) {
    if (before.version !== input.version) throw conflict();
  } else {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateTaskVersioned(trx, scope, id, input.version, patch))) throw conflict();
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'task',
        entityId: id,
        officeId: before.office_id,
        details: { fields: Object.keys(patch) },
      });
    });
  }
  const [task] = await tasksByIds(ctx, ctx.db, scope, [id]);
  return task as TTask;
}

/**
 * Tasks of the actor's office, case tasks and company follow-ups alike: `mine` only the actor's,
 * `overdue` only open ones due before today, `done` open (default) or done ones, `caseId` one case,
 * `companyId` one company. @throws `forbidden`
 */
export async function listTasks(
  ctx: RequestContext,
  q: z.infer<typeof ZTaskQuery>,
): Promise<{ items: TTask[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'case');
  const scope = caseScope(actor);
  await ensureConsentAt18Tasks(ctx, scope);
  const { rows, total } = await repo.selectTasks(
    ctx.db,
    scope,
    {
      ownerId: q.mine ? actor.userId : undefined,
      overdue: q.overdue,
      done: q.done ?? false,
      caseId: q.caseId,
      companyId: q.companyId,
      limit: q.limit,
      offset: q.offset,
    },
    today(ctx),
  );
  return { items: rows.map(toTask), total };
}

/**
 * Generates the `consent_at_18` task for every client of `scope` who came of age during
 * counselling and has none yet (issue 4: "at 18 the client's own consent is asked again"). Runs
 * lazily whenever cases, tasks or the agenda are read — so no scheduler is needed and a client is
 * caught on the first read after the birthday — and is idempotent: one task per client, guarded
 * by a per-office advisory lock. Owner: the case's counsellor; due: the day it is generated.
 * @returns the number of tasks created
 */
export async function ensureConsentAt18Tasks(ctx: RequestContext, scope: OfficeScope): Promise<number> {
  const day = today(ctx);
  // Cheap read first: the common case is nothing to do, without taking a lock or a transaction.
  if ((await repo.selectConsentAt18Candidates(ctx.db, scope, day)).length === 0) return 0;
  const t = translator(ctx.lang);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockConsentCheck(trx, scope.officeIds.join(','));
    const candidates = await repo.selectConsentAt18Candidates(trx, scope, day);
    const ids = await repo.insertTasks(
      trx,
      candidates.map((c) => ({
        office_id: c.office_id,
        case_id: c.case_id,
        kind: repo.CONSENT_AT_18,
        title: t('caseTasks.consentAt18', { name: c.client_name, date: formatDate(c.adult_on, ctx.lang) }),
        due_on: day,
        owner_id: c.counsellor_id,
      })),
    );
    for (const [i, id] of ids.entries()) {
      await audit(ctx, trx, {
        action: 'create',
        entityType: 'task',
        entityId: id,
        officeId: candidates[i]?.office_id ?? null,
        details: { kind: repo.CONSENT_AT_18, generated: true },
      });
    }
    return ids.length;
  });
}

/** What `createCompanyTask` needs: the company's office, the company, the task and its owner. */
export interface CompanyTaskInput {
  officeId: string;
  companyId: string;
  title: string;
  /** `YYYY-MM-DD` or null. */
  dueOn: string | null;
  /** An enabled counsellor or coordinator of `officeId` (the caller checks). */
  ownerId: string | null;
}

/**
 * Creates a follow-up task of a company (issue 5: the next step of a logged company contact), kind
 * `next_step`, `case_id` null, inside the caller's transaction `exec`, and audits it. It then shows up
 * in "my tasks" and the agenda with the company's id and name. Does not check access: the companies
 * service has run `requireAccess(ctx, 'update', 'company')` and checked the company and owner.
 * @returns the task id
 */
export async function createCompanyTask(
  ctx: RequestContext,
  exec: Executor,
  input: CompanyTaskInput,
): Promise<string> {
  const [id] = await repo.insertTasks(exec, [
    {
      office_id: input.officeId,
      case_id: null,
      company_id: input.companyId,
      kind: 'next_step',
      title: input.title,
      due_on: input.dueOn,
      owner_id: input.ownerId,
    },
  ]);
  await audit(ctx, exec, {
    action: 'create',
    entityType: 'task',
    entityId: id ?? null,
    officeId: input.officeId,
    details: { companyId: input.companyId },
  });
  return id as string;
}

/**
 * Moves every task of company `fromCompanyId` to `toCompanyId` (both of `officeId`) inside the merge
 * transaction `exec` of the companies module. No access check: the caller merges.
 * @returns the number of tasks moved
 */
export function moveCompanyTasks(
  exec: Executor,
  input: { officeId: string; fromCompanyId: string; toCompanyId: string },
): Promise<number> {
  return repo.moveCompanyTasks(exec, officesScope([input.officeId]), input.fromCompanyId, input.toCompanyId);
}
