import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { countOffices, createOffice, listOffices } from '../offices/index';
import * as repo from './users.repository';

/** Name of the root office a fresh installation starts with. */
export const ROOT_OFFICE_NAME = 'KAUSA Koordinierungsstelle';

/**
 * First start: when no user exists, creates the root office (if none) and the admin
 * (`KAUSA_ADMIN_EMAIL`) with `KAUSA_ADMIN_PASSWORD`, or else with a generated one-time password
 * that must be changed at first sign-in.
 * @param ctx a system context (see `systemContext`)
 * @returns the generated one-time password to print once, or null when nothing was generated
 */
export async function ensureAdmin(
  ctx: RequestContext,
  opts: { password?: string | undefined; mustChange?: boolean } = {},
) {
  if ((await repo.countUsers(ctx.db)) > 0) return { created: false, oneTimePassword: null };
  if ((await countOffices(ctx.db)) === 0) {
    await createOffice(ctx, { parentId: null, kind: 'coordination', name: ROOT_OFFICE_NAME, landCode: null });
  }
  const root = (await listOffices(ctx)).find((o) => o.parentId === null);
  if (!root) throw new Error('no root office');
  const oneTimePassword = opts.password ? null : generatePassword();
  const hash = await hashPassword(opts.password ?? (oneTimePassword as string));
  const id = await repo.insertUser(ctx.db, {
    email: ctx.config.adminEmail,
    display_name: 'Administrator',
    role: 'admin',
    office_id: root.id,
    password_hash: hash,
    must_change_password: opts.mustChange ?? oneTimePassword !== null,
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
