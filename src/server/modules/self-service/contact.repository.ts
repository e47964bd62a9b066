import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { scoped } from './links.repository';

/** How an office is reached, for letters and the profile PDF. */
export interface OfficeContact {
  officeName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * The office's name and, from its entry in the KAUSA office directory (read join, ADR 0003: table
 * `office_directory` of the office-directory module, linked by `office_id`), the operator's address,
 * phone and e-mail. Null fields where the office has no directory entry.
 */
export async function selectOfficeContact(db: Executor, officeId: string): Promise<OfficeContact> {
  const r = await db
    .selectFrom('office as o')
    .leftJoin('office_directory as d', 'd.office_id', 'o.id')
    .select(['o.name', 'd.operator_address', 'd.operator_phone', 'd.operator_email'])
    .where('o.id', '=', officeId)
    .orderBy('d.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    officeName: r?.name ?? '',
    address: r?.operator_address ?? null,
    phone: r?.operator_phone ?? null,
    email: r?.operator_email ?? null,
  };
}

/**
 * The client's next planned counselling session from now on and its counsellor (read join on the
 * cases module's `counselling_session`, `case` and `app_user`, ADR 0003), inside `scope`.
 */
export async function selectNextAppointment(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
): Promise<{ startsAt: Date; counsellorName: string | null } | undefined> {
  const r = await db
    .selectFrom('counselling_session as s')
    .innerJoin('case as c', 'c.id', 's.case_id')
    .leftJoin('app_user as u', 'u.id', 's.counsellor_id')
    .select(['s.starts_at', 'u.display_name'])
    .where(scoped(scope, 's.office_id'))
    .where('c.client_id', '=', clientId)
    .where('s.status', '=', 'planned')
    .where('s.starts_at', '>=', sql<Date>`now()`)
    .orderBy('s.starts_at')
    .limit(1)
    .executeTakeFirst();
  return r ? { startsAt: new Date(r.starts_at), counsellorName: r.display_name } : undefined;
}
