import type { z } from 'zod';
import type { ZCreateSession, ZSession, ZUpdateSession } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import { AppError, conflict, notFound } from '../../platform/errors';
import {
  caseScope,
  impossibleDate,
  requireCase,
  requireCounsellingConsent,
  requireStaff,
} from './case-access';
import { touchLastContact } from './cases.repository';
import { todayIso } from './dates';
import * as repo from './sessions.repository';
import { insertTasks } from './tasks.repository';
import { type TTask, tasksByIds } from './tasks.service';

/** Session as returned (`ZSession`). */
export type TSession = z.infer<typeof ZSession>;

/** Maps a session row to `ZSession`. */
export function toSession(r: repo.SessionRow): TSession {
  return {
    id: r.id,
    caseId: r.case_id,
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    status: r.status as TSession['status'],
    channel: r.channel as TSession['channel'],
    participants: r.participants as TSession['participants'],
    language: r.language,
    topics: r.topics as TSession['topics'],
    notes: r.notes,
    counsellorId: r.counsellor_id,
    version: r.version,
  };
}

/** Sessions of a case, newest first. */
export async function sessionsOfCase(ctx: RequestContext, caseId: string): Promise<TSession[]> {
  return (await repo.selectSessionsOfCase(ctx.db, caseId)).map(toSession);
}

/**
 * Records a held counselling session or plans an appointment on a case. Each next step becomes a
 * task (kind `next_step`, owner defaulting to the actor). A held session sets the case's last
 * contact to its day (German time).
 * @throws `forbidden`, `not_found`, `impossible_date` (a held session in the future, field
 *   `body.startsAt`), `unknown_user` (an owner not of the office)
 */
export async function createSession(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof ZCreateSession>,
): Promise<{ session: TSession; tasks: TTask[] }> {
  const actor = requireAccess(ctx, 'create', 'case');
  const scope = caseScope(actor);
  const kase = await requireCase(ctx.db, scope, caseId);
  await requireCounsellingConsent(ctx.db, kase.client_id);
  const startsAt = new Date(input.startsAt);
  if (input.status === 'held' && startsAt.getTime() > Date.now()) {
    throw impossibleDate('body.startsAt', 'in_future');
  }
  for (const [i, step] of input.nextSteps.entries()) {
    if (step.ownerId) await requireStaff(ctx.db, scope, step.ownerId, `body.nextSteps.${i}.ownerId`);
  }
  const { row, taskIds } = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertSession(trx, {
      case_id: kase.id,
      office_id: kase.office_id,
      starts_at: startsAt,
      duration_minutes: input.durationMinutes ?? null,
      status: input.status,
      channel: input.channel,
      participants: JSON.stringify(input.participants),
      language: input.language ?? null,
      topics: input.topics,
      notes: input.notes ?? null,
      counsellor_id: actor.userId,
    });
    const taskIds = await insertTasks(
      trx,
      input.nextSteps.map((s) => ({
        office_id: kase.office_id,
        case_id: kase.id,
        session_id: row.id,
        kind: 'next_step',
        title: s.title,
        due_on: s.dueOn ?? null,
        owner_id: s.ownerId ?? actor.userId,
      })),
    );
    if (input.status === 'held') await touchLastContact(trx, scope, kase.id, todayIso(startsAt));
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'counselling_session',
      entityId: row.id,
      officeId: kase.office_id,
      details: { caseId: kase.id, status: input.status, tasks: taskIds.length },
    });
    return { row, taskIds };
  });
  return { session: toSession(row), tasks: await tasksByIds(ctx, ctx.db, scope, taskIds) };
}

const FINAL_HELD = 'held_is_final';

/**
 * Marks a planned appointment held or cancelled (or moves / re-plans it) and edits its notes,
 * topics and duration, with optimistic concurrency. A held session stays held (its record is
 * history); it cannot be held in the future. Marking it held sets the case's last contact.
 * @throws `forbidden`, `not_found`, `conflict`, `bad_request` (`body.status`: held is final),
 *   `impossible_date` (`body.startsAt`: held in the future)
 */
export async function updateSession(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof ZUpdateSession>,
): Promise<TSession> {
  const actor = requireAccess(ctx, 'update', 'case');
  const scope: OfficeScope = caseScope(actor);
  const before = await repo.selectSession(ctx.db, scope, id);
  if (!before) throw notFound();
  const status = input.status ?? before.status;
  if (before.status === 'held' && status !== 'held') {
    throw new AppError('bad_request', [{ field: 'body.status', code: FINAL_HELD }]);
  }
  const startsAt = input.startsAt ? new Date(input.startsAt) : new Date(before.starts_at);
  if (status === 'held' && startsAt.getTime() > Date.now()) {
    throw impossibleDate(input.startsAt ? 'body.startsAt' : 'body.status', 'in_future');
  }
  const patch = {
    ...(input.status !== undefined && input.status !== before.status && { status: input.status }),
    ...(input.startsAt !== undefined && { starts_at: startsAt }),
    ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
    ...(input.topics !== undefined && { topics: input.topics }),
    ...(input.notes !== undefined && { notes: input.notes }),
  };
  if (Object.keys(patch).length === 0) {
    if (before.version !== input.version) throw conflict();
    return toSession(before);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateSessionVersioned(trx, scope, id, input.version, patch);
    if (!row) throw conflict();
    if (row.status === 'held') await touchLastContact(trx, scope, row.case_id, todayIso(startsAt));
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'counselling_session',
      entityId: id,
      officeId: row.office_id,
      details: { fields: Object.keys(patch), status: row.status },
    });
    return toSession(row);
  });
}
