import { sql } from 'kysely';
import type { TUserQuery } from '../../../contracts/users';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { NewUserRow, UserRowUpdate } from '../../platform/db/schema';

function baseQuery(db: Executor, scope: OfficeScope) {
  let q = db.selectFrom('app_user as u').innerJoin('office as o', 'o.id', 'u.office_id');
  if (!scope.all) {
    q =
      scope.officeIds.length === 0
        ? q.where(sql<boolean>`false`)
        : q.where('u.office_id', 'in', scope.officeIds);
  }
  return q.selectAll('u').select('o.name as office_name');
}

/** A user row joined with its office name. */
export type UserWithOffice = Awaited<ReturnType<typeof selectUserById>> & {};

/** Users inside `scope`, filtered, by display name; with the total for paging. */
export async function selectUsers(db: Executor, scope: OfficeScope, q: TUserQuery) {
  let query = baseQuery(db, scope);
  if (q.officeId) query = query.where('u.office_id', '=', q.officeId);
  if (q.role) query = query.where('u.role', '=', q.role);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]));
  }
  const rows = await query
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** One user inside `scope`, or undefined (also when outside the scope). */
export function selectUserById(db: Executor, scope: OfficeScope, id: string) {
  return baseQuery(db, scope).where('u.id', '=', id).executeTakeFirst();
}

/** A user by login e-mail (case-insensitive), installation-wide: for sign-in only. */
export function selectUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Inserts a user. Throws the database's unique violation on a taken e-mail. */
export async function insertUser(db: Executor, row: NewUserRow): Promise<string> {
  const r = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates a user inside `scope` whose `version` still equals `version`, bumping it.
 * @returns true when a row changed, false when stale or outside scope
 */
export async function updateUserVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: UserRowUpdate,
): Promise<boolean> {
  let q = db
    .updateTable('app_user')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version);
  if (!scope.all) q = q.where('office_id', 'in', scope.officeIds.length ? scope.officeIds : ['']);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sign-in bookkeeping (failure count, lock, last login): not a user edit, so no version bump. */
export async function updateLoginState(
  db: Executor,
  id: string,
  patch: Pick<UserRowUpdate, 'failed_logins' | 'locked_until' | 'last_login_at'>,
): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/** Sets a new password hash (own change or admin reset), bumping the version. */
export async function updatePasswordHash(
  db: Executor,
  id: string,
  hash: string,
  mustChange: boolean,
  also: Pick<UserRowUpdate, 'role' | 'disabled_at'> = {},
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...also,
      password_hash: hash,
      must_change_password: mustChange,
      failed_logins: 0,
      locked_until: null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Number of users (0 on a fresh installation). */
export async function countUsers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Enabled admins other than `exceptId` (the installation must keep at least one). The rows are
 * locked (FOR UPDATE) so two admins demoting each other at once cannot both succeed.
 */
export async function countEnabledAdmins(db: Executor, exceptId: string | null): Promise<number> {
  let q = db.selectFrom('app_user').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.forUpdate().execute()).length;
}

/** Makes a user an enabled admin with a new password hash (start-up recovery when no admin is left). */
export async function restoreAdmin(
  db: Executor,
  id: string,
  hash: string,
  mustChange: boolean,
): Promise<void> {
  await updatePasswordHash(db, id, hash, mustChange, { role: 'admin', disabled_at: null });
}
