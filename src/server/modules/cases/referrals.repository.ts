import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { ReferralTable } from '../../platform/db/schema.counselling';
import { inScope, isoDate } from './sql';

/** Repository of `referral` (its only writer). */

const COLUMNS = [
  'r.id',
  'r.case_id',
  'r.office_id',
  'r.partner_kind',
  'r.partner_name',
  'r.reason',
  'r.feedback',
  'r.version',
  isoDate('r.referred_on').as('referred_on'),
  isoDate('r.feedback_on').$castTo<string | null>().as('feedback_on'),
] as const;

/** Inserts a referral and returns its id. */
export async function insertReferral(db: Executor, row: Insertable<ReferralTable>): Promise<string> {
  const r = await db.insertInto('referral').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Referrals of a case, newest first (the case was scope-checked by the caller). */
export function selectReferralsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom('referral as r')
    .select(COLUMNS)
    .where('r.case_id', '=', caseId)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** A referral row (dates `YYYY-MM-DD`). */
export type ReferralRow = Awaited<ReturnType<typeof selectReferralsOfCase>>[number];

/** One referral inside `scope`, or undefined. */
export function selectReferral(
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<ReferralRow | undefined> {
  return db
    .selectFrom('referral as r')
    .select(COLUMNS)
    .where('r.id', '=', id)
    .where(inScope(scope, 'r.office_id'))
    .executeTakeFirst();
}

/** Updates a referral inside `scope` whose `version` still equals `version`. @returns false when stale */
export async function updateReferralVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<ReferralTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('referral as r')
    .set({ ...patch, version: sql`r.version + 1` })
    .where('r.id', '=', id)
    .where('r.version', '=', version)
    .where(inScope(scope, 'r.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
