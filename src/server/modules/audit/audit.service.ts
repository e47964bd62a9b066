import type { TAuditEntry, TAuditQuery } from '../../../contracts/audit';
import type { TRole } from '../../../contracts/common';
import { selectAuditEntries } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { allOffices, officesScope } from '../../platform/auth/scope';
import { officeSubtreeIds } from '../offices/index';

/**
 * Lists audit entries, newest first. Admin sees all; a coordinator sees entries of their own office
 * and the offices below it. @throws `forbidden` for other roles
 */
export async function listAuditEntries(
  ctx: RequestContext,
  q: TAuditQuery,
): Promise<{ items: TAuditEntry[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'audit');
  const scope =
    actor.role === 'admin' ? allOffices() : officesScope(await officeSubtreeIds(ctx.db, actor.officeId));
  const { rows, total } = await selectAuditEntries(ctx.db, scope, q);
  return {
    total,
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorRole: r.actor_role as TRole | null,
      officeId: r.office_id,
      action: r.action as TAuditEntry['action'],
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: r.details,
      ip: r.ip,
    })),
  };
}
