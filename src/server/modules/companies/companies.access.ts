import type { Actor } from '../../platform/auth/context';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import * as repo from './companies.repository';

/** Time zone whose calendar day counts as "today" (the offices are in Germany). */
const OFFICE_TIME_ZONE = 'Europe/Berlin';

/** Today's calendar date in Germany as `YYYY-MM-DD` (`now` for tests). */
export function todayIso(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Office scope of the companies module: the actor's own office only (a company of one service
 * centre is invisible — 404 — to every other office, like cases and clients).
 */
export function companyScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** A company inside `scope` (merged ones included). @throws `not_found` */
export async function requireCompany(db: Executor, scope: OfficeScope, id: string): Promise<repo.CompanyRow> {
  const row = await repo.selectCompany(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Locks a company inside `scope` for the rest of the transaction and refuses writes to a merged one.
 * @throws `not_found`; `conflict` (409, code `merged`, with `mergedIntoId`)
 */
export async function lockWritableCompany(
  trx: Executor,
  scope: OfficeScope,
  id: string,
  field = 'params.id',
): Promise<repo.CompanyRow> {
  if (!(await repo.lockCompany(trx, scope, id))) throw notFound();
  const row = await requireCompany(trx, scope, id);
  assertNotMerged(row, field);
  return row;
}

/** @throws `conflict` (409, code `merged`, `mergedIntoId`) when the company was merged into another */
export function assertNotMerged(row: { merged_into_id: string | null }, field = 'params.id'): void {
  if (row.merged_into_id) {
    throw new AppError('conflict', [{ field, code: 'merged' }], { mergedIntoId: row.merged_into_id });
  }
}

/**
 * Checks that `userId` is an enabled counsellor or coordinator of office `officeId` (responsible
 * counsellor of a company, owner of a follow-up task). @throws `unknown_user` (400) on `field`
 */
export async function requireStaff(db: Executor, officeId: string, userId: string, field: string) {
  const staff = await repo.selectStaff(db, officeId, userId);
  if (!staff) throw new AppError('unknown_user', [{ field, code: 'unknown_user' }]);
  return staff;
}

/**
 * A field error for an impossible date (`impossible_date`, 400); `why` names the rule: `in_future`,
 * `before_previous_change`.
 */
export function impossibleDate(field: string, why: string): AppError {
  return new AppError('impossible_date', [{ field, code: why, messageKey: 'impossible_date' }]);
}
