import { z } from 'zod';
import { ZRole, ZTimestamp } from './common';

/** What was done (audit log `action`). `read` is logged for reads of personal records. */
export const ZAuditAction = z.enum([
  'create',
  'update',
  'delete',
  'read',
  'export',
  'login',
  'login_failed',
  'logout',
  'password_change',
]);
/** Audit action. */
export type TAuditAction = z.infer<typeof ZAuditAction>;

/** One append-only audit entry: who did what to which record when. */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: ZTimestamp,
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: ZRole.nullable(),
  officeId: z.uuid().nullable(),
  action: ZAuditAction,
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
/** Audit entry. */
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** Query of `GET /api/audit`: filters are ANDed; `from`/`to` are ISO timestamps (inclusive/exclusive). */
export const ZAuditQuery = z.object({
  actorUserId: z.uuid().optional(),
  action: ZAuditAction.optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  officeId: z.uuid().optional(),
  from: ZTimestamp.optional(),
  to: ZTimestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed audit query. */
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** Response of `GET /api/audit`, newest first. */
export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), total: z.int() });
