import type { TCreateUser, TUpdateUser, TUser, TUserQuery } from '../../../contracts/users';
import { audit } from '../../platform/audit/audit';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { requireAccess, requireActor } from '../../platform/auth/policy';
import { allOffices, type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import { getOffice, officeSubtreeIds } from '../offices/index';
import { deleteUserSessions } from './sessions.repository';
import * as repo from './users.repository';

type UserWithOffice = NonNullable<Awaited<ReturnType<typeof repo.selectUserById>>>;

/** Maps a row (with office name) to the API shape; the password hash never leaves here. */
export function toUser(r: UserWithOffice): TUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    officeId: r.office_id,
    officeName: r.office_name,
    locale: r.locale,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Which users an actor may see: admin all; coordinator own office and the offices below. */
async function userScope(db: Executor, actor: Actor): Promise<OfficeScope> {
  if (actor.role === 'admin') return allOffices();
  if (actor.role === 'coordinator') return officesScope(await officeSubtreeIds(db, actor.officeId));
  return officesScope([]);
}

/** Users visible to the actor. @throws `forbidden` (roles other than admin/coordinator) */
export async function listUsers(
  ctx: RequestContext,
  q: TUserQuery,
): Promise<{ items: TUser[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'user');
  const { rows, total } = await repo.selectUsers(ctx.db, await userScope(ctx.db, actor), q);
  return { items: rows.map(toUser), total };
}

/** One user (read is audited: staff accounts are personal data). @throws `forbidden`, `not_found` */
export async function getUser(ctx: RequestContext, id: string): Promise<TUser> {
  const actor = requireAccess(ctx, 'read', 'user');
  const row = await repo.selectUserById(ctx.db, await userScope(ctx.db, actor), id);
  if (!row) throw notFound();
  await audit(ctx, ctx.db, { action: 'read', entityType: 'user', entityId: id, officeId: row.office_id });
  return toUser(row);
}

/** The signed-in user. @throws `unauthenticated` */
export async function getMe(ctx: RequestContext): Promise<TUser> {
  requireActor(ctx);
  const row = await repo.selectUserById(ctx.db, allOffices(), ctx.actor.userId);
  if (!row) throw new AppError('unauthenticated');
  return toUser(row);
}

/** Sets the signed-in user's UI language. @throws `unauthenticated` */
export async function updateMe(ctx: RequestContext, input: { locale: 'de' | 'en' }): Promise<TUser> {
  const me = await getMe(ctx);
  await repo.updateUserVersioned(ctx.db, allOffices(), me.id, me.version, { locale: input.locale });
  return getMe(ctx);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

/**
 * Creates a staff user (admin). Without a password, a one-time password is generated, returned
 * once and must be changed at first sign-in.
 * @throws `forbidden`, `not_found` (office), `duplicate` (e-mail taken, field `body.email`)
 */
export async function createUser(
  ctx: RequestContext,
  input: TCreateUser,
): Promise<{ user: TUser; oneTimePassword: string | null }> {
  requireAccess(ctx, 'create', 'user');
  await getOffice(ctx, input.officeId).catch(() => {
    throw new AppError('unknown_office', [{ field: 'body.officeId', code: 'unknown_office' }]);
  });
  const oneTimePassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? (oneTimePassword as string));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo
      .insertUser(trx, {
        email: input.email,
        display_name: input.displayName,
        role: input.role,
        office_id: input.officeId,
        locale: input.locale,
        password_hash: passwordHash,
        must_change_password: oneTimePassword !== null,
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e))
          throw new AppError('duplicate', [{ field: 'body.email', code: 'duplicate' }]);
        throw e;
      });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'user',
      entityId: newId,
      officeId: input.officeId,
      details: { role: input.role },
    });
    return newId;
  });
  const row = await repo.selectUserById(ctx.db, allOffices(), id);
  return { user: toUser(row as UserWithOffice), oneTimePassword };
}

/**
 * Changes a user's name, role, office, language or disabled state (admin), optimistic on `version`.
 * Disabling ends the user's sessions at once; an empty change is a no-op (no version bump, no audit).
 * @throws `forbidden`, `not_found`, `conflict` (stale version), `cannot_disable_self`,
 *   `cannot_change_own_role`, `last_admin` (409: the last enabled admin cannot be demoted or disabled),
 *   `unknown_office` (400)
 */
export async function updateUser(ctx: RequestContext, id: string, input: TUpdateUser): Promise<TUser> {
  const actor = requireAccess(ctx, 'update', 'user');
  if (input.disabled === true && id === actor.userId) {
    throw new AppError('cannot_disable_self', [{ field: 'body.disabled', code: 'cannot_disable_self' }]);
  }
  if (input.role !== undefined && input.role !== actor.role && id === actor.userId) {
    throw new AppError('cannot_change_own_role', [{ field: 'body.role', code: 'cannot_change_own_role' }]);
  }
  if (input.officeId) {
    await getOffice(ctx, input.officeId).catch(() => {
      throw new AppError('unknown_office', [{ field: 'body.officeId', code: 'unknown_office' }]);
    });
  }
  const scope = allOffices();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.selectUserById(trx, scope, id);
    if (!before) throw notFound();
    const patch = {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.officeId !== undefined && { office_id: input.officeId }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.disabled !== undefined && { disabled_at: input.disabled ? new Date() : null }),
    };
    if (Object.keys(patch).length === 0) {
      if (before.version !== input.version) throw conflict();
      return;
    }
    // The installation must keep one enabled admin: nobody could manage users otherwise.
    const losesAdmin =
      before.role === 'admin' &&
      !before.disabled_at &&
      ((input.role ?? 'admin') !== 'admin' || input.disabled === true);
    if (losesAdmin && (await repo.countEnabledAdmins(trx, id)) === 0) {
      throw new AppError('last_admin', [
        { field: input.disabled ? 'body.disabled' : 'body.role', code: 'last_admin' },
      ]);
    }
    if (!(await repo.updateUserVersioned(trx, scope, id, input.version, patch))) throw conflict();
    if (input.disabled === true) await deleteUserSessions(trx, id);
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      officeId: input.officeId ?? before.office_id,
      details: { fields: Object.keys(patch) },
    });
  });
  return toUser((await repo.selectUserById(ctx.db, scope, id)) as UserWithOffice);
}

/** Sets a new one-time password for a user (admin) and ends their sessions. @throws `forbidden`, `not_found` */
export async function resetPassword(
  ctx: RequestContext,
  id: string,
): Promise<{ user: TUser; oneTimePassword: string }> {
  requireAccess(ctx, 'update', 'user');
  const before = await repo.selectUserById(ctx.db, allOffices(), id);
  if (!before) throw notFound();
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePasswordHash(trx, id, hash, true);
    await deleteUserSessions(trx, id);
    await audit(ctx, trx, {
      action: 'password_change',
      entityType: 'user',
      entityId: id,
      officeId: before.office_id,
      details: { reset: true },
    });
  });
  return {
    user: toUser((await repo.selectUserById(ctx.db, allOffices(), id)) as UserWithOffice),
    oneTimePassword,
  };
}
