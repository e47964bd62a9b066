import type { TClient, TClientFields, TMergeClients } from '../../../contracts/clients';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { CLIENT_FIELDS, type ClientField, hasValue } from './clients.fields';
import * as repo from './clients.repository';
import { loadClient, writeClientPatch } from './clients.service';
import { clientScope, fieldsOf, hasCounsellingConsent, toConsent } from './clients.view';
import { moveConsents, selectConsents } from './consents.repository';
import { moveGuardians } from './guardians.repository';
import { moveSnapshots } from './snapshots.repository';

/**
 * Moves another module's records of a merged client to the client it was merged into, inside the
 * merge transaction (e.g. the cases module's `moveCasesToClient`). Handed to `clientsRoutes` by
 * `app.ts`, so the clients module never imports the modules that depend on it.
 */
export type ClientMergeHandler = (trx: Executor, fromClientId: string, toClientId: string) => Promise<void>;

/** Union of two lists of languages by code (the first list's level wins). */
function unionLanguages(a: TClientFields['languages'] = [], b: TClientFields['languages'] = []) {
  const codes = new Set(a.map((l) => l.code));
  return [...a, ...b.filter((l) => !codes.has(l.code))];
}

/**
 * Merges the client `fromId` into `intoId` inside the caller's transaction, keeping all history: the
 * guardians and consents of `fromId` move over, its programme snapshots too (where `intoId` has none of
 * that kind; the others stay with the merged record), empty fields of `intoId` take the values of
 * `fromId` (lists are joined) when `intoId` then holds a counselling consent, and `fromId` is kept,
 * read-only, with `merged_into_id` set. Both must be clients of the actor's office, neither merged
 * already. Records of other modules (cases) are the caller's to move, in the same transaction.
 * @param version when given, the `version` of `intoId` the user saw
 * @throws `forbidden`, `not_found` (either client), `validation` (400: `body.otherId` is the client
 *   itself), `conflict` (409: stale version, or one of them was merged already)
 */
export async function mergeClientRecords(
  ctx: RequestContext,
  trx: Executor,
  intoId: string,
  fromId: string,
  version?: number,
): Promise<void> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  if (intoId === fromId) throw new AppError('validation', [{ field: 'body.otherId', code: 'same_client' }]);
  // A fixed lock order keeps two crossing merges from deadlocking.
  for (const id of [intoId, fromId].sort()) if (!(await repo.lockClient(trx, scope, id))) throw notFound();
  const into = await repo.selectClient(trx, scope, intoId);
  const from = await repo.selectClient(trx, scope, fromId);
  if (!into || !from) throw notFound();
  for (const c of [into, from]) {
    if (c.merged_into_id) {
      throw new AppError('conflict', [{ field: c === into ? 'params.id' : 'body.otherId', code: 'merged' }], {
        mergedIntoId: c.merged_into_id,
      });
    }
  }
  if (version !== undefined && into.version !== version)
    throw new AppError('conflict', [{ field: 'body.version', code: 'conflict' }]);

  await moveGuardians(trx, scope, fromId, intoId);
  await moveConsents(trx, scope, fromId, intoId);
  await moveSnapshots(trx, scope, fromId, intoId);

  const consented = hasCounsellingConsent(
    (await selectConsents(trx, scope, intoId)).map((c) => toConsent(c)),
  );
  const patch: Partial<TClientFields> = {};
  if (consented) {
    const a = fieldsOf(into);
    const b = fieldsOf(from);
    for (const f of CLIENT_FIELDS as ClientField[]) {
      if (f === 'givenNames' || f === 'familyName') continue;
      if (f === 'languages') {
        const joined = unionLanguages(a.languages as never, b.languages as never);
        if (joined.length !== (a.languages as unknown[]).length) patch.languages = joined;
      } else if (f === 'wishedOccupationIds') {
        const joined = [...new Set([...(a[f] as string[]), ...(b[f] as string[])])].slice(0, 10);
        if (joined.length !== (a[f] as string[]).length) patch.wishedOccupationIds = joined;
      } else if (!hasValue(a[f]) && hasValue(b[f])) {
        (patch as Record<string, unknown>)[f] = b[f];
      }
    }
  }
  await writeClientPatch(ctx, trx, {
    scope,
    current: into,
    patch,
    ...(patch.postcode !== undefined && { place: from.place }),
    version: null,
    auditDetails: { mergedFrom: fromId },
  });
  await repo.markMerged(trx, scope, fromId, intoId);
  await audit(ctx, trx, {
    action: 'update',
    entityType: 'client',
    entityId: fromId,
    officeId: from.office_id,
    details: { fields: [], mergedInto: intoId, version: from.version + 1 },
  });
}

/**
 * `POST /api/clients/:id/merge`: merges `otherId` into `id` in one transaction, then lets the other
 * modules move their records (`handlers`, e.g. cases). Refuses when a case would stay behind on the
 * merged record (a module that owns cases has not registered its handler).
 * @throws see `mergeClientRecords`; `conflict` (409, field `body.otherId`, code `has_cases`)
 */
export async function mergeClients(
  ctx: RequestContext,
  intoId: string,
  input: TMergeClients,
  handlers: readonly ClientMergeHandler[],
): Promise<TClient> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await mergeClientRecords(ctx, trx, intoId, input.otherId, input.version);
    for (const move of handlers) await move(trx, input.otherId, intoId);
    if ((await repo.countCases(trx, scope, input.otherId)) > 0) {
      throw new AppError('conflict', [{ field: 'body.otherId', code: 'has_cases' }]);
    }
    return loadClient(ctx, trx, scope, intoId);
  });
}
