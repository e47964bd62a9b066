import type { Insertable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CompanyStageChangeTable } from '../../platform/db/schema.companies';
import { inScope, isoDate } from './companies.sql';

/** Repository of `company_stage_change` (its only writer): the dated pipeline history. */

/** Inserts history rows (chunks of 1,000, one statement each). */
export async function insertStageChanges(
  db: Executor,
  rows: readonly Insertable<CompanyStageChangeTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('company_stage_change')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/** The history of a company inside `scope`, oldest first, with the names of who changed it. */
export function selectStageChanges(db: Executor, scope: OfficeScope, companyId: string) {
  return db
    .selectFrom('company_stage_change as h')
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .select([
      'h.from_stage',
      'h.to_stage',
      isoDate('h.changed_on').as('changed_on'),
      'h.reason',
      'u.display_name as changed_by_name',
    ])
    .where('h.company_id', '=', companyId)
    .where(inScope(scope, 'h.office_id'))
    .orderBy('h.changed_on')
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
}

/** Date of the latest history row of a company (`YYYY-MM-DD`), or null. */
export async function selectLastChangeOn(db: Executor, companyId: string): Promise<string | null> {
  const r = await db
    .selectFrom('company_stage_change as h')
    .select(isoDate('h.changed_on').as('on'))
    .where('h.company_id', '=', companyId)
    .orderBy('h.changed_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.on ?? null;
}

/** History rows of a company inside `scope` dated after `on` (`YYYY-MM-DD`): id, origin stage, date. */
export function selectChangesAfter(db: Executor, scope: OfficeScope, companyId: string, on: string) {
  return db
    .selectFrom('company_stage_change as h')
    .select(['h.id', 'h.from_stage', isoDate('h.changed_on').as('changed_on')])
    .where('h.company_id', '=', companyId)
    .where(inScope(scope, 'h.office_id'))
    .where('h.changed_on', '>', on)
    .orderBy('h.changed_on', 'desc')
    .execute();
}

/** Sets the date of the history rows `ids` of a company inside `scope` to `on` (`YYYY-MM-DD`). */
export async function redateChanges(
  db: Executor,
  scope: OfficeScope,
  companyId: string,
  ids: readonly string[],
  on: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('company_stage_change as h')
    .set({ changed_on: on })
    .where('h.company_id', '=', companyId)
    .where('h.id', 'in', [...ids])
    .where(inScope(scope, 'h.office_id'))
    .execute();
}

/** Moves the history of `fromId` to `intoId` inside `scope` (merge). */
export async function moveStageChanges(db: Executor, scope: OfficeScope, fromId: string, intoId: string) {
  await db
    .updateTable('company_stage_change as h')
    .set({ company_id: intoId })
    .where('h.company_id', '=', fromId)
    .where(inScope(scope, 'h.office_id'))
    .execute();
}
