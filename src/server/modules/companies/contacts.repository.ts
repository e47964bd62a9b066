import type { Insertable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { CompanyContactTable } from '../../platform/db/schema.companies';
import { inScope, isoDate } from './companies.sql';

/**
 * Repository of `company_contact` (its only writer): the contact log. Reads join the contact person,
 * the counsellor (`app_user`) and the follow-up task (cases module's `task`, read-only, ADR 0003).
 */

/** Inserts contacts (chunks of 1,000) and returns their ids in order. */
export async function insertContacts(
  db: Executor,
  rows: readonly Insertable<CompanyContactTable>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await db
      .insertInto('company_contact')
      .values(rows.slice(i, i + 1000))
      .returning('id')
      .execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

/**
 * Contacts of a company inside `scope`, newest first (by contact date, then entry time), at most
 * `limit`; with the contact person's and counsellor's names and the follow-up task as it stands now.
 */
export function selectContacts(
  db: Executor,
  scope: OfficeScope,
  companyId: string,
  opts: { ids?: readonly string[]; limit?: number } = {},
) {
  let q = db
    .selectFrom('company_contact as k')
    .leftJoin('company_contact_person as p', 'p.id', 'k.contact_person_id')
    .leftJoin('app_user as u', 'u.id', 'k.counsellor_id')
    .leftJoin('task as t', 't.id', 'k.task_id')
    .leftJoin('app_user as tu', 'tu.id', 't.owner_id')
    .select([
      'k.id',
      isoDate('k.contacted_on').as('contacted_on'),
      'k.channel',
      'k.contact_person_id',
      'p.name as contact_person_name',
      'k.result',
      'k.next_step',
      'k.counsellor_id',
      'u.display_name as counsellor_name',
      't.id as task_id',
      't.title as task_title',
      isoDate('t.due_on').$castTo<string | null>().as('task_due_on'),
      't.owner_id as task_owner_id',
      'tu.display_name as task_owner_name',
      't.done_at as task_done_at',
      't.version as task_version',
    ])
    .where('k.company_id', '=', companyId)
    .where(inScope(scope, 'k.office_id'));
  if (opts.ids)
    q = q.where('k.id', 'in', opts.ids.length ? [...opts.ids] : ['00000000-0000-0000-0000-000000000000']);
  return q
    .orderBy('k.contacted_on', 'desc')
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
}

/** A contact row with names and task. */
export type ContactRow = Awaited<ReturnType<typeof selectContacts>>[number];

/** Number of contacts of a company. */
export async function countContacts(db: Executor, companyId: string): Promise<number> {
  const r = await db
    .selectFrom('company_contact as k')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('k.company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Moves the contacts of `fromId` to `intoId` inside `scope` (merge). */
export async function moveContacts(db: Executor, scope: OfficeScope, fromId: string, intoId: string) {
  await db
    .updateTable('company_contact as k')
    .set({ company_id: intoId })
    .where('k.company_id', '=', fromId)
    .where(inScope(scope, 'k.office_id'))
    .execute();
}
