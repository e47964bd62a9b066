import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { inScope, isoDate } from './clients.repository';

/** A consent row with the display name of who recorded it; dates as `YYYY-MM-DD`. */
export interface ConsentRow {
  id: string;
  client_id: string;
  office_id: string;
  purpose: string;
  partner_name: string | null;
  legal_basis: string;
  given_on: string;
  form: string;
  given_by: string;
  guardian_id: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
  withdrawn_on: string | null;
}

function consentQuery(db: Executor, scope: OfficeScope) {
  return db
    .selectFrom('consent as k')
    .leftJoin('app_user as u', 'u.id', 'k.recorded_by')
    .select([
      'k.id',
      'k.client_id',
      'k.office_id',
      'k.purpose',
      'k.partner_name',
      'k.legal_basis',
      isoDate('k.given_on').as('given_on'),
      'k.form',
      'k.given_by',
      'k.guardian_id',
      'u.display_name as recorded_by_name',
      'k.recorded_at',
      isoDate('k.withdrawn_on').as('withdrawn_on'),
    ])
    .where(inScope(scope, 'k.office_id'));
}

/** Consents of a client inside `scope`, oldest first (withdrawn ones included: never deleted). */
export function selectConsents(db: Executor, scope: OfficeScope, clientId: string): Promise<ConsentRow[]> {
  return consentQuery(db, scope)
    .where('k.client_id', '=', clientId)
    .orderBy('k.given_on')
    .orderBy('k.recorded_at')
    .orderBy('k.id')
    .execute();
}

/** One consent of a client inside `scope`, or undefined. */
export function selectConsent(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
  id: string,
): Promise<ConsentRow | undefined> {
  return consentQuery(db, scope)
    .where('k.client_id', '=', clientId)
    .where('k.id', '=', id)
    .executeTakeFirst();
}

/** Inserts a consent and returns its id. */
export async function insertConsent(
  db: Executor,
  row: {
    client_id: string;
    office_id: string;
    purpose: string;
    partner_name: string | null;
    legal_basis: string;
    given_on: string;
    form: string;
    given_by: string;
    guardian_id: string | null;
    recorded_by: string | null;
  },
): Promise<string> {
  const r = await db.insertInto('consent').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Marks a consent inside `scope` withdrawn on `withdrawnOn` (once: an already withdrawn one stays). */
export async function withdrawConsent(
  db: Executor,
  scope: OfficeScope,
  id: string,
  withdrawnOn: string,
  by: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('consent')
    .set({ withdrawn_on: withdrawnOn, withdrawn_recorded_by: by })
    .where('id', '=', id)
    .where('withdrawn_on', 'is', null)
    .where(inScope(scope, 'office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * True when the client has a consent for `purpose` given on or before `on` and not withdrawn (no
 * scope: callers have checked access to the client already).
 */
export async function selectHasActiveConsent(
  db: Executor,
  clientId: string,
  purpose: string,
  on: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('consent')
    .select('id')
    .where('client_id', '=', clientId)
    .where('purpose', '=', purpose)
    .where('withdrawn_on', 'is', null)
    .where('given_on', '<=', on)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Moves all consents of `fromId` to `toId` (merge). */
export async function moveConsents(
  db: Executor,
  scope: OfficeScope,
  fromId: string,
  toId: string,
): Promise<void> {
  await db
    .updateTable('consent')
    .set({ client_id: toId })
    .where('client_id', '=', fromId)
    .where(inScope(scope, 'office_id'))
    .execute();
}
