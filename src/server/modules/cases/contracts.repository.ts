import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { TrainingContractTable } from '../../platform/db/schema.counselling';
import { inScope, isoDate } from './sql';

/** Repository of `training_contract` (its only writer). */

const COLUMNS = [
  'k.id',
  'k.case_id',
  'k.office_id',
  'k.company_name',
  'k.company_postcode',
  'k.occupation_id',
  'k.chamber',
  'k.preceded_by',
  'k.termination_reason',
  'k.version',
  isoDate('k.starts_on').as('starts_on'),
  isoDate('k.signed_on').$castTo<string | null>().as('signed_on'),
  isoDate('k.terminated_on').$castTo<string | null>().as('terminated_on'),
] as const;

/** Inserts a contract and returns its id. */
export async function insertContract(db: Executor, row: Insertable<TrainingContractTable>): Promise<string> {
  const r = await db.insertInto('training_contract').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * The current contract of a case inside `scope`: the newest one (a case may hold an earlier,
 * terminated contract and a new one), or undefined.
 */
export function selectCurrentContract(db: Executor, scope: OfficeScope, caseId: string) {
  return db
    .selectFrom('training_contract as k')
    .select(COLUMNS)
    .where('k.case_id', '=', caseId)
    .where(inScope(scope, 'k.office_id'))
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id')
    .limit(1)
    .executeTakeFirst();
}

/** A contract row (dates `YYYY-MM-DD`). */
export type ContractRow = NonNullable<Awaited<ReturnType<typeof selectCurrentContract>>>;

/**
 * Current (newest) contracts of many cases inside `scope`, keyed by case id (agenda reminders).
 */
export async function selectCurrentContracts(
  db: Executor,
  scope: OfficeScope,
  caseIds: readonly string[],
): Promise<Map<string, ContractRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_contract as k')
    .select(COLUMNS)
    .where('k.case_id', 'in', [...caseIds])
    .where(inScope(scope, 'k.office_id'))
    .distinctOn('k.case_id')
    .orderBy('k.case_id')
    .orderBy('k.created_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.case_id, r]));
}

/** Updates a contract inside `scope` whose `version` still equals `version`. @returns false when stale */
export async function updateContractVersioned(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  patch: Updateable<TrainingContractTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('training_contract as k')
    .set({ ...patch, version: sql`k.version + 1` })
    .where('k.id', '=', id)
    .where('k.version', '=', version)
    .where(inScope(scope, 'k.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
