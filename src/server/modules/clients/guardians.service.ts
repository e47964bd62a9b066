import type { TCreateGuardian, TGuardian, TUpdateGuardian } from '../../../contracts/clients';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import * as repo from './clients.repository';
import { clientScope, toGuardian } from './clients.view';
import * as guardians from './guardians.repository';

/** The client (inside `scope`, not merged away) a guardian change belongs to. @throws `not_found`, `conflict` */
async function writableClient(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
): Promise<{ officeId: string }> {
  const client = await repo.selectClient(db, scope, clientId);
  if (!client) throw notFound();
  if (client.merged_into_id) {
    throw new AppError('conflict', [{ field: 'params.id', code: 'merged' }], {
      mergedIntoId: client.merged_into_id,
    });
  }
  return { officeId: client.office_id };
}

/**
 * Adds a parent or legal guardian to a client of the actor's office, with their language and whether
 * they take part in counselling. Allowed on a minimal record: the guardian of a minor gives the consent.
 * @throws `forbidden`, `not_found`, `conflict` (the client was merged)
 */
export async function addGuardian(
  ctx: RequestContext,
  clientId: string,
  input: TCreateGuardian,
): Promise<TGuardian> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const { officeId } = await writableClient(trx, scope, clientId);
    const row = await guardians.insertGuardian(trx, {
      client_id: clientId,
      office_id: officeId,
      name: input.name,
      relation: input.relation,
      phone: input.phone ?? null,
      email: input.email ?? null,
      language: input.language ?? null,
      involved_in_counselling: input.involvedInCounselling,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'guardian',
      entityId: row.id,
      officeId,
      details: { clientId },
    });
    return toGuardian(row);
  });
}

/**
 * Changes a guardian, optimistic on `version`; an update without changes is a no-op.
 * @throws `forbidden`, `not_found` (client or guardian), `conflict` (409: stale version or merged client)
 */
export async function updateGuardian(
  ctx: RequestContext,
  clientId: string,
  guardianId: string,
  input: TUpdateGuardian,
): Promise<TGuardian> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const { officeId } = await writableClient(trx, scope, clientId);
    const current = await guardians.selectGuardian(trx, scope, clientId, guardianId);
    if (!current) throw notFound();
    const patch: guardians.GuardianWrite = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.relation !== undefined && { relation: input.relation }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.language !== undefined && { language: input.language }),
      ...(input.involvedInCounselling !== undefined && {
        involved_in_counselling: input.involvedInCounselling,
      }),
    };
    if (Object.keys(patch).length === 0) {
      if (current.version !== input.version) throw conflict();
      return toGuardian(current);
    }
    const row = await guardians.updateGuardian(trx, scope, guardianId, input.version, patch);
    if (!row) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'guardian',
      entityId: guardianId,
      officeId,
      details: { clientId, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return toGuardian(row);
  });
}

/**
 * Removes a guardian from a client. A guardian who gave a consent stays (the consent documents who
 * gave it and is never deleted).
 * @throws `forbidden`, `not_found`, `conflict` (409: field `params.guardianId`, code `gave_consent`; or merged)
 */
export async function removeGuardian(
  ctx: RequestContext,
  clientId: string,
  guardianId: string,
): Promise<void> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const { officeId } = await writableClient(trx, scope, clientId);
    if (!(await guardians.selectGuardian(trx, scope, clientId, guardianId))) throw notFound();
    if (await guardians.guardianGaveConsent(trx, scope, guardianId)) {
      throw new AppError('conflict', [{ field: 'params.guardianId', code: 'gave_consent' }]);
    }
    await guardians.deleteGuardian(trx, scope, guardianId);
    await audit(ctx, trx, {
      action: 'delete',
      entityType: 'guardian',
      entityId: guardianId,
      officeId,
      details: { clientId },
    });
  });
}
