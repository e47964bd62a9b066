import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { regionOf } from './clients.checks';
import { selectClient } from './clients.repository';
import { clientScope, snapshotData } from './clients.view';
import * as snapshots from './snapshots.repository';

/**
 * Fills the gaps of the client's entry snapshot (programme fields at entry): a value still unknown
 * (null) takes the value the record has now; a known value is never overwritten. Takes the snapshot
 * when there is none yet. Source of the rule: ESF+ common indicators are recorded "at entry"; fields
 * learnt in the first contacts belong to the entry situation.
 */
export async function fillEntrySnapshot(db: Executor, scope: OfficeScope, clientId: string): Promise<void> {
  const row = await selectClient(db, scope, clientId);
  if (!row) return;
  const now = snapshotData(row, await regionOf(db, row.postcode?.trim() ?? null));
  const entry = (await snapshots.selectSnapshots(db, scope, clientId)).find((s) => s.kind === 'entry');
  if (!entry) {
    await snapshots.upsertSnapshot(db, { clientId, officeId: row.office_id, kind: 'entry', data: now });
    return;
  }
  const merged: Record<string, unknown> = { ...entry.data };
  let changed = false;
  for (const [k, v] of Object.entries(now)) {
    if ((merged[k] === null || merged[k] === undefined) && v !== null && v !== undefined) {
      merged[k] = v;
      changed = true;
    }
  }
  if (changed) await snapshots.updateSnapshotData(db, scope, clientId, 'entry', merged);
}

/**
 * Takes (or replaces) the exit snapshot of a client's programme fields, for the cases module when a
 * case closes; `extra` (e.g. `{ outcome }`) is stored with it. Run inside the caller's transaction.
 * @throws `forbidden`, `not_found` (outside the actor's office)
 */
export async function takeExitSnapshot(
  ctx: RequestContext,
  clientId: string,
  trx: Executor,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  const row = await selectClient(trx, scope, clientId);
  if (!row) throw notFound();
  const data = { ...snapshotData(row, await regionOf(trx, row.postcode?.trim() ?? null)), ...extra };
  await snapshots.upsertSnapshot(trx, { clientId, officeId: row.office_id, kind: 'exit', data });
}
