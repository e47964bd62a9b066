import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';

/** Stores a new session under the hash of its token. */
export async function insertSession(
  db: Executor,
  s: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('session')
    .values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
    .execute();
}

/** The live session with its (enabled) user, or undefined when unknown, expired or disabled. */
export function selectLiveSession(db: Executor, id: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.last_seen_at',
      'u.id as user_id',
      'u.role',
      'u.office_id',
      'u.display_name',
      'u.must_change_password',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Marks a session as seen now. */
export async function touchSession(db: Executor, id: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Ends every session of a user, optionally keeping one (after a password change). */
export async function deleteUserSessions(db: Executor, userId: string, keepId?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

/** Removes expired sessions (run at start). */
export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', sql<Date>`now()`).execute();
}
