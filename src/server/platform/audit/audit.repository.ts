import { sql } from 'kysely';
import type { TAuditAction, TAuditQuery } from '../../../contracts/audit';
import type { TRole } from '../../../contracts/common';
import type { OfficeScope } from '../auth/scope';
import type { Executor } from '../db/database';

/** An audit entry to append. `details` must not hold secrets (passwords, tokens). */
export interface NewAuditEntry {
  actorUserId: string | null;
  actorRole: TRole | null;
  officeId: string | null;
  action: TAuditAction;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  ip: string | null;
}

/** Appends one entry to `audit_log` (the only writer of that table; the table rejects updates). */
export async function insertAuditEntry(db: Executor, e: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: e.actorUserId,
      actor_role: e.actorRole,
      office_id: e.officeId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      details: JSON.stringify(e.details ?? {}),
      ip: e.ip,
    })
    .execute();
}

/**
 * Lists audit entries, newest first, restricted to `scope` (entries whose office is in scope; an
 * all-offices scope also sees entries without office, e.g. failed logins of unknown e-mails).
 */
export async function selectAuditEntries(db: Executor, scope: OfficeScope, q: TAuditQuery) {
  let query = db.selectFrom('audit_log as a').leftJoin('app_user as u', 'u.id', 'a.actor_user_id');
  if (!scope.all) {
    query =
      scope.officeIds.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where('a.office_id', 'in', scope.officeIds);
  }
  if (q.actorUserId) query = query.where('a.actor_user_id', '=', q.actorUserId);
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.entityType) query = query.where('a.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.officeId) query = query.where('a.office_id', '=', q.officeId);
  if (q.from) query = query.where('a.at', '>=', new Date(q.from));
  if (q.to) query = query.where('a.at', '<', new Date(q.to));
  const [rows, count] = await Promise.all([
    query
      .select([
        'a.id',
        'a.at',
        'a.actor_user_id',
        'a.actor_role',
        'a.office_id',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.details',
        'a.ip',
        'u.display_name as actor_name',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
