import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TCaseStage } from '../../../contracts/cases';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { today } from './case-access';
import { selectStaff } from './cases.repository';

/**
 * Bulk insert of open cases with their dated stage history (demo seed, issue 6): hundreds of cases in
 * three statements instead of `createCase` plus one `moveCaseStage` per step. The rules of the single
 * path hold: dates not in the future and in order, `placed` / `in_training` only with a note (no
 * contract is recorded here), one open case per client, counsellors enabled staff of the office.
 * Closed cases are not supported: closing takes the client's exit snapshot, which belongs to the
 * single path. No access check and one audit entry for the batch: the caller (the demo seed, a system
 * context) vouches for the office.
 */

/** One case: first history entry = the day it opened; last = its current stage. Dates `YYYY-MM-DD`. */
export interface CaseSeedRow {
  clientId: string;
  counsellorId: string | null;
  history: ReadonlyArray<{ stage: TCaseStage; on: string; note?: string | null }>;
  /** Day of the last contact (on or after opening), or null. */
  lastContactOn: string | null;
}

const PLACED_STAGES = new Set<TCaseStage>(['placed', 'in_training']);

/** Rows per INSERT statement (7 parameters per case row). */
const CHUNK = 1000;

/** Every problem of the rows that needs no database, named `rows.N.<field>`. */
function checkHistories(rows: readonly CaseSeedRow[], day: string): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string, code: string) => errors.push({ field, code });
  for (const [i, r] of rows.entries()) {
    const at = `rows.${i}`;
    if (r.history.length === 0) bad(`${at}.history`, 'history_empty');
    for (const [j, h] of r.history.entries()) {
      const prev = r.history[j - 1];
      if (h.stage === 'closed') bad(`${at}.history.${j}.stage`, 'closed_not_supported');
      if (prev && prev.stage === h.stage) bad(`${at}.history.${j}.stage`, 'same_stage');
      if (PLACED_STAGES.has(h.stage) && !h.note) bad(`${at}.history.${j}.note`, 'contract_or_note_required');
      if (h.on > day) bad(`${at}.history.${j}.on`, 'in_future');
      if (prev && h.on < prev.on) bad(`${at}.history.${j}.on`, 'before_previous_change');
    }
    const opened = r.history[0]?.on;
    if (r.lastContactOn && ((opened && r.lastContactOn < opened) || r.lastContactOn > day)) {
      bad(`${at}.lastContactOn`, 'impossible_date');
    }
  }
  return errors;
}

/**
 * Inserts open cases of office `officeId` with their stage histories inside `exec` (the caller's
 * transaction): one read to check the clients (of the office, not merged, without an open case, no
 * client twice), one per distinct counsellor, then one INSERT of the cases and one of the history
 * rows (`changed_by` = `changedBy`), and one audit entry (`create`, entity `case`, no id, details
 * `{ bulk: true, count }`).
 * @returns the new case ids, in row order
 * @throws AppError `validation` (400) listing the problems as `rows.N.<field>` (codes `history_empty`,
 *   `closed_not_supported`, `same_stage`, `contract_or_note_required`, `in_future`,
 *   `before_previous_change`, `impossible_date`, `not_found` for a client outside the office,
 *   `case_open`, `duplicate`, `unknown_user`); nothing is written then
 */
export async function bulkInsertCases(
  ctx: RequestContext,
  exec: Executor,
  input: { officeId: string; changedBy: string | null; rows: readonly CaseSeedRow[] },
): Promise<string[]> {
  const { officeId, rows } = input;
  if (rows.length === 0) return [];
  const errors = checkHistories(rows, today(ctx));
  const clientIds = [...new Set(rows.map((r) => r.clientId))];
  const clients = await exec
    .selectFrom('client as cl')
    .select([
      'cl.id',
      sql<boolean>`exists (select 1 from "case" k where k.client_id = cl.id and k.stage <> 'closed')`.as(
        'has_open_case',
      ),
    ])
    .where(sql<boolean>`cl.id = any(${clientIds}::uuid[])`)
    .where('cl.office_id', '=', officeId)
    .where('cl.merged_into_id', 'is', null)
    .execute();
  const known = new Map(clients.map((c) => [c.id, c.has_open_case]));
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const open = known.get(r.clientId);
    const code =
      open === undefined ? 'not_found' : open ? 'case_open' : seen.has(r.clientId) ? 'duplicate' : null;
    if (code) errors.push({ field: `rows.${i}.clientId`, code });
    seen.add(r.clientId);
  }
  const scope = officesScope([officeId]);
  for (const id of new Set(rows.flatMap((r) => (r.counsellorId ? [r.counsellorId] : [])))) {
    if (!(await selectStaff(exec, scope, id))) {
      const i = rows.findIndex((r) => r.counsellorId === id);
      errors.push({ field: `rows.${i}.counsellorId`, code: 'unknown_user' });
    }
  }
  if (errors.length > 0) throw new AppError('validation', errors.slice(0, 100));
  const ids = rows.map(() => randomUUID());
  const cases = rows.map((r, i) => ({
    id: ids[i] as string,
    client_id: r.clientId,
    office_id: officeId,
    counsellor_id: r.counsellorId,
    stage: (r.history[r.history.length - 1] as { stage: TCaseStage }).stage,
    opened_on: (r.history[0] as { on: string }).on,
    last_contact_on: r.lastContactOn,
  }));
  for (let i = 0; i < cases.length; i += CHUNK) {
    await exec
      .insertInto('case')
      .values(cases.slice(i, i + CHUNK))
      .execute();
  }
  const changes = rows.flatMap((r, i) =>
    r.history.map((h, j) => ({
      case_id: ids[i] as string,
      from_stage: j === 0 ? null : (r.history[j - 1]?.stage ?? null),
      to_stage: h.stage,
      changed_on: h.on,
      changed_by: input.changedBy,
      note: h.note ?? null,
    })),
  );
  for (let i = 0; i < changes.length; i += CHUNK) {
    await exec
      .insertInto('case_stage_change')
      .values(changes.slice(i, i + CHUNK))
      .execute();
  }
  await audit(ctx, exec, {
    action: 'create',
    entityType: 'case',
    entityId: null,
    officeId,
    details: { bulk: true, count: rows.length },
  });
  return ids;
}
