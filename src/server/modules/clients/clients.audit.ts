import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';

/**
 * Audits a read of several clients at once (list, search, duplicate check or pair list): one entry
 * naming what was asked and which clients were shown, so every read of a person stays traceable.
 */
export async function auditListRead(
  ctx: RequestContext,
  kind: 'list' | 'search' | 'duplicate_check' | 'duplicate_pairs',
  clientIds: readonly string[],
  details: Record<string, unknown> = {},
): Promise<void> {
  if (!ctx.actor) return;
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: null,
    officeId: ctx.actor.officeId,
    details: { kind, clientIds: [...new Set(clientIds)], ...details },
  });
}
