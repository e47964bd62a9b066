import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { countOffices, createOffice, listOffices } from '../offices/index';
import * as repo from './users.repository';

/** Name of the root office a fresh installation starts with. */
export const ROOT_OFFICE_NAME = 'KAUSA Koordinierungsstelle';

/**
 * First start and recovery: when no enabled admin exists, creates the root office (if none) and the
 * admin `KAUSA_ADMIN_EMAIL` — or, if that account exists, makes it an enabled admin again — with
 * `KAUSA_ADMIN_PASSWORD`, or else with a generated one-time password that must be changed at the
 * first sign-in. Does nothing while an enabled admin exists.
 * @param ctx a system context (see `systemContext`)
 * @returns whether an admin was created or restored, and the one-time password to print once (or null)
 */
export async function ensureAdmin(
  ctx: RequestContext,
  opts: { password?: string | undefined; mustChange?: boolean } = {},
): Promise<{ created: boolean; oneTimePassword: string | null }> {
  if ((await repo.countEnabledAdmins(ctx.db, null)) > 0) return { created: false, oneTimePassword: null };
  if ((await countOffices(ctx.db)) === 0) {
    await createOffice(ctx, { parentId: null, kind: 'coordination', name: ROOT_OFFICE_NAME, landCode: null });
  }
  const root = (await listOffices(ctx)).find((o) => o.parentId === null);
  if (!root) throw new Error('no root office');
  const oneTimePassword = opts.password ? null : generatePassword();
  const hash = await hashPassword(opts.password ?? (oneTimePassword as string));
  const mustChange = opts.mustChange ?? oneTimePassword !== null;
  const existing = await repo.selectUserByEmail(ctx.db, ctx.config.adminEmail);
  if (existing) {
    await repo.restoreAdmin(ctx.db, existing.id, hash, mustChange);
    await audit(ctx, ctx.db, {
      action: 'update',
      entityType: 'user',
      entityId: existing.id,
      officeId: existing.office_id,
      details: { restoredAdmin: true },
    });
    return { created: true, oneTimePassword };
  }
  const id = await repo.insertUser(ctx.db, {
    email: ctx.config.adminEmail,
    display_name: 'Administrator',
    role: 'admin',
    office_id: root.id,
    password_hash: hash,
    must_change_password: mustChange,
  });
  await audit(ctx, ctx.db, {
    action: 'create',
    entityType: 'user',
    entityId: id,
    officeId: root.id,
    details: { bootstrap: true },
  });
  return { created: true, oneTimePassword };
}

/**
 * Recovery from the command line (`npm run admin:recover`): gives the account `email` (default
 * `KAUSA_ADMIN_EMAIL`) the admin role, enables it and sets `password` or a new one-time password.
 * @throws Error when no account has that e-mail
 */
export async function recoverAdmin(
  ctx: RequestContext,
  email: string,
  password?: string,
): Promise<string | null> {
  const user = await repo.selectUserByEmail(ctx.db, email);
  if (!user) throw new Error(`no account with the e-mail ${email}`);
  const oneTimePassword = password ? null : generatePassword();
  await repo.restoreAdmin(
    ctx.db,
    user.id,
    await hashPassword(password ?? (oneTimePassword as string)),
    !password,
  );
  await audit(ctx, ctx.db, {
    action: 'update',
    entityType: 'user',
    entityId: user.id,
    officeId: user.office_id,
    details: { restoredAdmin: true },
  });
  return oneTimePassword;
}
