import type { TOfficeKind } from '../../../contracts/common';
import type { TCreateOffice, TOffice, TUpdateOffice } from '../../../contracts/offices';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import type { OfficeRow } from '../../platform/db/schema';
import { AppError, conflict, notFound } from '../../platform/errors';
import * as repo from './offices.repository';

/** Allowed parent kind per office kind (DOMAIN.md: national → state → regional). */
const PARENT_KIND: Record<TOfficeKind, TOfficeKind[] | null> = {
  coordination: null,
  state_office: ['coordination'],
  service_centre: ['state_office', 'coordination'],
};

/** Maps a database row to the API shape `TOffice`. */
export function toOffice(row: OfficeRow): TOffice {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    landCode: row.land_code?.trim() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Lists every office (any signed-in role). @throws `unauthenticated` */
export async function listOffices(ctx: RequestContext): Promise<TOffice[]> {
  requireAccess(ctx, 'read', 'office');
  return (await repo.selectOffices(ctx.db)).map(toOffice);
}

/** One office. @throws `not_found`, `unauthenticated` */
export async function getOffice(ctx: RequestContext, id: string): Promise<TOffice> {
  requireAccess(ctx, 'read', 'office');
  const row = await repo.selectOffice(ctx.db, id);
  if (!row) throw notFound();
  return toOffice(row);
}

async function checkParent(db: Executor, kind: TOfficeKind, parentId: string | null): Promise<void> {
  const allowed = PARENT_KIND[kind];
  if (allowed === null) {
    // One national coordination only: the tree has a single root.
    const rootExists = (await repo.selectOffices(db)).some((o) => o.parent_id === null);
    if (parentId !== null || rootExists)
      throw new AppError('invalid_office_parent', [
        { field: 'body.parentId', code: 'invalid_office_parent' },
      ]);
    return;
  }
  const parent = parentId ? await repo.selectOffice(db, parentId) : undefined;
  if (!parent || !allowed.includes(parent.kind)) {
    throw new AppError('invalid_office_parent', [{ field: 'body.parentId', code: 'invalid_office_parent' }]);
  }
}

/**
 * Creates an office below a fitting parent (admin). Also used by the first-start bootstrap with an
 * admin context. @throws `forbidden`, `invalid_office_parent` (400), `duplicate` (409, same name)
 */
export async function createOffice(ctx: RequestContext, input: TCreateOffice): Promise<TOffice> {
  requireAccess(ctx, 'create', 'office');
  return ctx.db.transaction().execute(async (trx) => {
    await checkParent(trx, input.kind, input.parentId);
    const exists = (await repo.selectOffices(trx)).some(
      (o) => o.name.toLowerCase() === input.name.toLowerCase(),
    );
    if (exists) throw new AppError('duplicate', [{ field: 'body.name', code: 'duplicate' }]);
    const row = await repo.insertOffice(trx, {
      parent_id: input.parentId,
      kind: input.kind,
      name: input.name,
      land_code: input.landCode,
    });
    await audit(ctx, trx, { action: 'create', entityType: 'office', entityId: row.id, officeId: row.id });
    return toOffice(row);
  });
}

/** Renames an office or changes its Land (admin), with optimistic concurrency. @throws `forbidden`, `not_found`, `conflict` */
export async function updateOffice(ctx: RequestContext, id: string, input: TUpdateOffice): Promise<TOffice> {
  requireAccess(ctx, 'update', 'office');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.selectOffice(trx, id))) throw notFound();
    const patch: { name?: string; land_code?: string | null } = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.landCode !== undefined) patch.land_code = input.landCode;
    if (Object.keys(patch).length === 0) {
      const current = await repo.selectOffice(trx, id);
      if (!current || current.version !== input.version) throw conflict();
      return toOffice(current);
    }
    const row = await repo.updateOffice(trx, id, input.version, patch).catch((e: unknown) => {
      if (String(e).includes('office_name_unique'))
        throw new AppError('duplicate', [{ field: 'body.name', code: 'duplicate' }]);
      throw e;
    });
    if (!row) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'office',
      entityId: id,
      officeId: id,
      details: { fields: Object.keys(patch) },
    });
    return toOffice(row);
  });
}

/** Ids of an office and all offices below it (for coordinator scopes). */
export function officeSubtreeIds(db: Executor, officeId: string): Promise<string[]> {
  return repo.selectSubtreeIds(db, officeId);
}

/** Number of offices (bootstrap checks for an empty installation). */
export function countOffices(db: Executor): Promise<number> {
  return repo.countOffices(db);
}
