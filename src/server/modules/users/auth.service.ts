import type { Kysely } from 'kysely';
import type { TLogin } from '../../../contracts/auth';
import type { TChangePassword, TUser } from '../../../contracts/users';
import { audit } from '../../platform/audit/audit';
import { hashToken } from '../../platform/auth/auth.plugin';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { generateToken, getDummyHash, hashPassword, verifyPassword } from '../../platform/auth/password';
import { requireActor } from '../../platform/auth/policy';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import * as sessions from './sessions.repository';
import * as repo from './users.repository';
import { getMe } from './users.service';

const TOUCH_AFTER_MS = 5 * 60_000;

/**
 * Signs a user in: verifies the argon2id hash, counts failures and locks the account for
 * `LOGIN_LOCK_MINUTES` after `LOGIN_MAX_FAILURES` failures in a row (OWASP Authentication Cheat
 * Sheet), then opens a session. Every attempt is audited.
 * @returns the user and the session token for the cookie (the database keeps only its hash)
 * @throws `invalid_credentials` (401), `account_locked` (423), `account_disabled` (401)
 */
export async function login(ctx: RequestContext, input: TLogin): Promise<{ user: TUser; token: string }> {
  const row = await repo.selectUserByEmail(ctx.db, input.email);
  const failed = (reason: string, officeId: string | null, userId: string | null) =>
    audit(ctx, ctx.db, {
      action: 'login_failed',
      entityType: 'user',
      entityId: userId,
      officeId,
      details: { reason, email: input.email },
    });
  if (!row) {
    await verifyPassword(await getDummyHash(), input.password);
    await failed('unknown_email', null, null);
    throw new AppError('invalid_credentials');
  }
  if (row.locked_until && new Date(row.locked_until) > new Date()) {
    await failed('locked', row.office_id, row.id);
    throw new AppError('account_locked');
  }
  if (!(await verifyPassword(row.password_hash, input.password))) {
    const failures = row.failed_logins + 1;
    const lock = failures >= ctx.config.loginMaxFailures;
    await repo.updateLoginState(ctx.db, row.id, {
      failed_logins: lock ? 0 : failures,
      locked_until: lock ? new Date(Date.now() + ctx.config.loginLockMinutes * 60_000) : null,
    });
    await failed(lock ? 'wrong_password_locked' : 'wrong_password', row.office_id, row.id);
    throw new AppError(lock ? 'account_locked' : 'invalid_credentials');
  }
  if (row.disabled_at) {
    await failed('disabled', row.office_id, row.id);
    throw new AppError('account_disabled');
  }
  const token = generateToken();
  const sessionId = hashToken(token);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateLoginState(trx, row.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: new Date(),
    });
    await sessions.insertSession(trx, {
      id: sessionId,
      userId: row.id,
      expiresAt: new Date(Date.now() + ctx.config.sessionTtlHours * 3_600_000),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    const actorCtx = {
      ...ctx,
      actor: {
        userId: row.id,
        role: row.role,
        officeId: row.office_id,
        displayName: row.display_name,
        sessionId,
      },
    };
    await audit(actorCtx, trx, {
      action: 'login',
      entityType: 'user',
      entityId: row.id,
      officeId: row.office_id,
    });
  });
  const user = await getMe({
    ...ctx,
    actor: {
      userId: row.id,
      role: row.role,
      officeId: row.office_id,
      displayName: row.display_name,
      sessionId,
    },
  });
  return { user, token };
}

/** Ends the current session (audited). @throws `unauthenticated` */
export async function logout(ctx: RequestContext): Promise<void> {
  requireActor(ctx);
  await sessions.deleteSession(ctx.db, ctx.actor.sessionId);
  await audit(ctx, ctx.db, {
    action: 'logout',
    entityType: 'user',
    entityId: ctx.actor.userId,
    officeId: ctx.actor.officeId,
  });
}

/**
 * Resolves a session (by token hash) to its actor; refreshes `last_seen_at` at most every 5 minutes.
 * @returns null for unknown/expired sessions and disabled users
 */
export async function resolveSession(db: Kysely<Database>, sessionId: string): Promise<Actor | null> {
  const s = await sessions.selectLiveSession(db, sessionId);
  if (!s) return null;
  if (Date.now() - new Date(s.last_seen_at).getTime() > TOUCH_AFTER_MS) await sessions.touchSession(db, s.id);
  return {
    userId: s.user_id,
    role: s.role,
    officeId: s.office_id,
    displayName: s.display_name,
    sessionId: s.id,
    mustChangePassword: s.must_change_password,
  };
}

/**
 * Changes the signed-in user's password after checking the current one; ends their other sessions.
 * The new password must differ from the current one (a one-time password cannot be kept).
 * @throws `wrong_password` (400, field `body.currentPassword`), `password_unchanged` (400), `unauthenticated`
 */
export async function changePassword(ctx: RequestContext, input: TChangePassword): Promise<void> {
  requireActor(ctx);
  const me = await getMe(ctx);
  const row = await repo.selectUserByEmail(ctx.db, me.email);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError('wrong_password', [{ field: 'body.currentPassword', code: 'wrong_password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('password_unchanged', [{ field: 'body.newPassword', code: 'password_unchanged' }]);
  }
  const hash = await hashPassword(input.newPassword);
  const actor = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePasswordHash(trx, actor.userId, hash, false);
    await sessions.deleteUserSessions(trx, actor.userId, actor.sessionId);
    await audit(ctx, trx, {
      action: 'password_change',
      entityType: 'user',
      entityId: actor.userId,
      officeId: actor.officeId,
    });
  });
}

/** Deletes expired sessions (housekeeping at start). */
export function purgeExpiredSessions(db: Kysely<Database>): Promise<void> {
  return sessions.deleteExpiredSessions(db);
}
