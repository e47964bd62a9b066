import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { inScope } from './clients.repository';

/** A guardian row. */
export interface GuardianRow {
  id: string;
  client_id: string;
  office_id: string;
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
  language: string | null;
  involved_in_counselling: boolean;
  version: number;
  created_at: Date;
}

/** Guardian columns to write. */
export interface GuardianWrite {
  name?: string;
  relation?: string;
  phone?: string | null;
  email?: string | null;
  language?: string | null;
  involved_in_counselling?: boolean;
}

/** Guardians of a client inside `scope`, oldest first. */
export function selectGuardians(db: Executor, scope: OfficeScope, clientId: string): Promise<GuardianRow[]> {
  return db
    .selectFrom('guardian')
    .selectAll()
    .where('client_id', '=', clientId)
    .where(inScope(scope, 'office_id'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One guardian of a client inside `scope`, or undefined. */
export function selectGuardian(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
  id: string,
): Promise<GuardianRow | undefined> {
  return db
    .selectFrom('guardian')
    .selectAll()
    .where('id', '=', id)
    .where('client_id', '=', clientId)
    .where(inScope(scope, 'office_id'))
    .executeTakeFirst();
}

/** Inserts a guardian and returns it. */
export function insertGuardian(
  db: Executor,
  row: GuardianWrite & { client_id: string; office_id: string; name: string; relation: string },
): Promise<GuardianRow> {
  return db.insertInto('guardian').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a guardian inside `scope` whose `version` still equals `version`; undefined when stale or gone. */
export function updateGuardian(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: GuardianWrite,
): Promise<GuardianRow | undefined> {
  return db
    .updateTable('guardian')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where(inScope(scope, 'office_id'))
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a guardian inside `scope`. */
export async function deleteGuardian(db: Executor, scope: OfficeScope, id: string): Promise<void> {
  await db.deleteFrom('guardian').where('id', '=', id).where(inScope(scope, 'office_id')).execute();
}

/** Moves all guardians of `fromId` to `toId` (merge). */
export async function moveGuardians(
  db: Executor,
  scope: OfficeScope,
  fromId: string,
  toId: string,
): Promise<void> {
  await db
    .updateTable('guardian')
    .set({ client_id: toId })
    .where('client_id', '=', fromId)
    .where(inScope(scope, 'office_id'))
    .execute();
}

/** True when a consent names this guardian as the one who gave it. */
export async function guardianGaveConsent(
  db: Executor,
  scope: OfficeScope,
  guardianId: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('consent')
    .select('id')
    .where('guardian_id', '=', guardianId)
    .where(inScope(scope, 'office_id'))
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
