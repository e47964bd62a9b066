import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CompanyContactPersonTable } from '../../platform/db/schema.companies';
import { inScope } from './companies.sql';

/** Repository of `company_contact_person` (its only writer): the people at a company. */

/** The contact persons of a company inside `scope`: primary first, then by name. */
export function selectPersons(db: Executor, scope: OfficeScope, companyId: string) {
  return db
    .selectFrom('company_contact_person as p')
    .selectAll('p')
    .where('p.company_id', '=', companyId)
    .where(inScope(scope, 'p.office_id'))
    .orderBy('p.is_primary', 'desc')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** A contact person row. */
export type PersonRow = Awaited<ReturnType<typeof selectPersons>>[number];

/** One contact person of a company inside `scope`, or undefined. */
export function selectPerson(db: Executor, scope: OfficeScope, companyId: string, id: string) {
  return db
    .selectFrom('company_contact_person as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where('p.company_id', '=', companyId)
    .where(inScope(scope, 'p.office_id'))
    .executeTakeFirst();
}

/** Inserts contact persons (chunks of 1,000) and returns their ids in order. */
export async function insertPersons(
  db: Executor,
  rows: readonly Insertable<CompanyContactPersonTable>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await db
      .insertInto('company_contact_person')
      .values(rows.slice(i, i + 1000))
      .returning('id')
      .execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

/** Updates a contact person whose version is `version`, bumping it. @returns false when stale */
export async function updatePersonVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<CompanyContactPersonTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('company_contact_person as p')
    .set({ ...patch, version: sql`p.version + 1` })
    .where('p.id', '=', id)
    .where('p.version', '=', version)
    .where(inScope(scope, 'p.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Clears the primary flag of a company's persons other than `exceptId` (bumping their versions). */
export async function clearPrimary(
  db: Executor,
  scope: OfficeScope,
  companyId: string,
  exceptId: string | null,
) {
  let q = db
    .updateTable('company_contact_person as p')
    .set({ is_primary: false, version: sql`p.version + 1` })
    .where('p.company_id', '=', companyId)
    .where('p.is_primary', '=', true)
    .where(inScope(scope, 'p.office_id'));
  if (exceptId) q = q.where('p.id', '<>', exceptId);
  await q.execute();
}

/** Deletes a contact person whose version is `version`. @returns false when stale or absent */
export async function deletePerson(db: Executor, scope: OfficeScope, id: string, version: number) {
  const r = await db
    .deleteFrom('company_contact_person as p')
    .where('p.id', '=', id)
    .where('p.version', '=', version)
    .where(inScope(scope, 'p.office_id'))
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Moves the persons of `fromId` to `intoId` inside `scope` (merge); they lose the primary flag when `intoId` has one. */
export async function movePersons(db: Executor, scope: OfficeScope, fromId: string, intoId: string) {
  const hasPrimary = await db
    .selectFrom('company_contact_person as p')
    .select('p.id')
    .where('p.company_id', '=', intoId)
    .where('p.is_primary', '=', true)
    .executeTakeFirst();
  await db
    .updateTable('company_contact_person as p')
    .set({
      company_id: intoId,
      version: sql`p.version + 1`,
      ...(hasPrimary && { is_primary: false }),
    })
    .where('p.company_id', '=', fromId)
    .where(inScope(scope, 'p.office_id'))
    .execute();
}
