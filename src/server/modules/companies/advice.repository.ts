import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CompanyAdviceItemTable } from '../../platform/db/schema.companies';
import { inScope, isoDate } from './companies.sql';

/** Repository of `company_advice_item` (its only writer): the saved items of the advice checklist. */

/** The saved advice items of a company inside `scope`, with the name of who saved each. */
export function selectAdviceItems(db: Executor, scope: OfficeScope, companyId: string) {
  return db
    .selectFrom('company_advice_item as a')
    .leftJoin('app_user as u', 'u.id', 'a.updated_by')
    .select([
      'a.id',
      'a.item',
      'a.state',
      isoDate('a.state_on').$castTo<string | null>().as('state_on'),
      'a.note',
      'u.display_name as updated_by_name',
      'a.version',
    ])
    .where('a.company_id', '=', companyId)
    .where(inScope(scope, 'a.office_id'))
    .execute();
}

/** A saved advice item row. */
export type AdviceRow = Awaited<ReturnType<typeof selectAdviceItems>>[number];

/** Inserts advice items (chunks of 1,000); one whose (company, item) exists already is skipped. @returns rows inserted */
export async function insertAdviceItems(
  db: Executor,
  rows: readonly Insertable<CompanyAdviceItemTable>[],
): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await db
      .insertInto('company_advice_item')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['company_id', 'item']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Updates an advice item of a company whose version is `version`, bumping it. @returns false when stale */
export async function updateAdviceItem(
  db: Executor,
  scope: OfficeScope,
  companyId: string,
  item: string,
  version: number,
  patch: Updateable<CompanyAdviceItemTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('company_advice_item as a')
    .set({ ...patch, version: sql`a.version + 1`, updated_at: sql`now()` })
    .where('a.company_id', '=', companyId)
    .where('a.item', '=', item)
    .where('a.version', '=', version)
    .where(inScope(scope, 'a.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the advice items of a company inside `scope` (after a merge took them over). */
export async function deleteAdviceItems(db: Executor, scope: OfficeScope, companyId: string) {
  await db
    .deleteFrom('company_advice_item as a')
    .where('a.company_id', '=', companyId)
    .where(inScope(scope, 'a.office_id'))
    .execute();
}
