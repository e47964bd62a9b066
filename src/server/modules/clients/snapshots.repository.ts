import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { inScope } from './clients.repository';

/** A programme snapshot as stored. */
export interface SnapshotRow {
  id: string;
  client_id: string;
  kind: 'entry' | 'exit';
  taken_at: Date;
  data: Record<string, unknown>;
}

/** Snapshots of a client inside `scope`. */
export function selectSnapshots(db: Executor, scope: OfficeScope, clientId: string): Promise<SnapshotRow[]> {
  return db
    .selectFrom('client_snapshot')
    .select(['id', 'client_id', 'kind', 'taken_at', 'data'])
    .where('client_id', '=', clientId)
    .where(inScope(scope, 'office_id'))
    .orderBy('taken_at')
    .execute();
}

/** Writes the `kind` snapshot of a client (one per kind: a later one replaces it). */
export async function upsertSnapshot(
  db: Executor,
  s: { clientId: string; officeId: string; kind: 'entry' | 'exit'; data: Record<string, unknown> },
): Promise<void> {
  const data = JSON.stringify(s.data);
  await db
    .insertInto('client_snapshot')
    .values({ client_id: s.clientId, office_id: s.officeId, kind: s.kind, data })
    .onConflict((oc) => oc.columns(['client_id', 'kind']).doUpdateSet({ data, taken_at: sql`now()` }))
    .execute();
}

/** Replaces the data of the `kind` snapshot of a client, keeping when it was taken. */
export async function updateSnapshotData(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
  kind: 'entry' | 'exit',
  data: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('client_snapshot')
    .set({ data: JSON.stringify(data) })
    .where('client_id', '=', clientId)
    .where('kind', '=', kind)
    .where(inScope(scope, 'office_id'))
    .execute();
}

/** Moves the snapshots of `fromId` to `toId` for the kinds `toId` has none of; the others stay. */
export async function moveSnapshots(
  db: Executor,
  scope: OfficeScope,
  fromId: string,
  toId: string,
): Promise<void> {
  await db
    .updateTable('client_snapshot')
    .set({ client_id: toId })
    .where('client_id', '=', fromId)
    .where(inScope(scope, 'office_id'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('client_snapshot as t')
            .select('t.id')
            .where('t.client_id', '=', toId)
            .whereRef('t.kind', '=', 'client_snapshot.kind'),
        ),
      ),
    )
    .execute();
}
