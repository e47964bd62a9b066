import type { TAuditAction } from '../../../contracts/audit';
import type { RequestContext } from '../auth/context';
import type { Executor } from '../db/database';
import { insertAuditEntry } from './audit.repository';

/** What a service reports to the audit log; actor, role and address come from the context. */
export interface AuditEvent {
  action: TAuditAction;
  entityType: string;
  entityId: string | null;
  /** Office that owns the record (used to scope who may read the entry). */
  officeId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records who did what to which record (create/update/delete/read of personal records, logins,
 * exports). Pass the transaction of the change so the entry commits or rolls back with it.
 */
export async function audit(ctx: RequestContext, exec: Executor, event: AuditEvent): Promise<void> {
  await insertAuditEntry(exec, {
    actorUserId: ctx.actor && !ctx.actor.system ? ctx.actor.userId : null,
    actorRole: ctx.actor && !ctx.actor.system ? ctx.actor.role : null,
    officeId: event.officeId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    details: ctx.actor?.system ? { ...event.details, system: true } : event.details,
    ip: ctx.ip,
  });
}

export { selectAuditEntries } from './audit.repository';
