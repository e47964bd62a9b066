import type { TRole } from '../../../contracts/common';
import { AppError } from '../errors';
import type { Actor, AuthedContext, RequestContext } from './context';

/** What can be done to a resource. */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'export';

/**
 * Resources guarded by role. Source of the table: DOMAIN.md "Roles" — admin manages users, offices
 * and reference data but sees no personal case data; coordinators see their office and the
 * users/audit of the offices below; counsellors work on their own office's records.
 */
export type Resource =
  | 'office'
  | 'user'
  | 'audit'
  | 'office_directory'
  | 'case'
  | 'client'
  | 'company'
  | 'place'
  | 'import';

const POLICY: Record<Resource, Partial<Record<Action, readonly TRole[]>>> = {
  office: {
    read: ['admin', 'coordinator', 'counsellor', 'volunteer', 'viewer'],
    create: ['admin'],
    update: ['admin'],
  },
  user: { read: ['admin', 'coordinator'], create: ['admin'], update: ['admin'] },
  audit: { read: ['admin', 'coordinator'] },
  // The directory is read publicly (office finder); only the admin imports pages and links entries.
  office_directory: { create: ['admin'], update: ['admin'] },
  // Counselling cases (issue 4): personal data, so no admin/volunteer/viewer access; own office only
  // (the office scope is applied by the cases service).
  case: {
    read: ['coordinator', 'counsellor'],
    create: ['coordinator', 'counsellor'],
    update: ['coordinator', 'counsellor'],
  },
  // Client records (issue 4): personal data of the owning office. Admin sees no personal case data,
  // viewers only pseudonymised statistics; volunteers get their assigned people later (mentoring).
  client: {
    read: ['coordinator', 'counsellor'],
    create: ['coordinator', 'counsellor'],
    update: ['coordinator', 'counsellor'],
  },
  // Companies and their contact persons (issue 5): business data of the owning office; contact persons
  // are personal data, so no admin/viewer access. Export = CSV/XLSX download of the office's list.
  company: {
    read: ['coordinator', 'counsellor'],
    create: ['coordinator', 'counsellor'],
    update: ['coordinator', 'counsellor'],
    delete: ['coordinator', 'counsellor'],
    export: ['coordinator', 'counsellor'],
  },
  // Training places (issue 5); published open places are also listed publicly without login.
  place: {
    read: ['coordinator', 'counsellor'],
    create: ['coordinator', 'counsellor'],
    update: ['coordinator', 'counsellor'],
    export: ['coordinator', 'counsellor'],
  },
  // CSV/XLSX/BA imports of companies and places into the own office (issue 5).
  import: {
    read: ['coordinator', 'counsellor'],
    create: ['coordinator', 'counsellor'],
    update: ['coordinator', 'counsellor'],
  },
};

/** True when `role` may perform `action` on `resource`. */
export function can(role: TRole, action: Action, resource: Resource): boolean {
  return POLICY[resource][action]?.includes(role) ?? false;
}

/** Narrows a context to a signed-in one. @throws AppError `unauthenticated` (401) */
export function requireActor(ctx: RequestContext): asserts ctx is AuthedContext {
  if (!ctx.actor) throw new AppError('unauthenticated');
}

/**
 * The one access check every service runs before touching data (house style rule 5).
 * @throws AppError `unauthenticated` (401) without a signed-in actor, `forbidden` (403) when the
 *   role may not perform the action
 * @returns the actor, for convenience
 */
export function requireAccess(ctx: RequestContext, action: Action, resource: Resource): Actor {
  requireActor(ctx);
  if (!can(ctx.actor.role, action, resource)) throw new AppError('forbidden');
  return ctx.actor;
}
