import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { selectClient } from './clients.repository';
import { clientScope, fieldsOf, redactSensitive, todayIso } from './clients.view';
import { selectHasActiveConsent } from './consents.repository';

/** What the cases module needs of a client for every case access (sensitive fields per role). */
export interface ClientAccess {
  id: string;
  officeId: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string | null;
  residenceStatus: string | null;
  residenceExpiresOn: string | null;
  workPermit: string | null;
  workPermitExpiresOn: string | null;
  wishedOccupationIds: string[];
  germanLevel: string | null;
  /** Set when the record was merged into another client. */
  mergedIntoId: string | null;
}

/**
 * The client behind a case, when the actor may read it: inside the actor's office, else 404 (never
 * 403: existence is not revealed). Not audited (the caller audits its own read). Pass `db` to read
 * inside an open transaction.
 * @throws `unauthenticated`, `forbidden` (roles without client access), `not_found`
 */
export async function getClientAccess(
  ctx: RequestContext,
  clientId: string,
  db?: Executor,
): Promise<ClientAccess> {
  const actor = requireAccess(ctx, 'read', 'client');
  const row = await selectClient(db ?? ctx.db, clientScope(actor), clientId);
  if (!row) throw notFound();
  const f = redactSensitive(fieldsOf(row), actor.role);
  return {
    id: row.id,
    officeId: row.office_id,
    givenNames: row.given_names,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    residenceStatus: f.residenceStatus as string | null,
    residenceExpiresOn: f.residenceExpiresOn as string | null,
    workPermit: f.workPermit as string | null,
    workPermitExpiresOn: f.workPermitExpiresOn as string | null,
    wishedOccupationIds: row.wished_occupation_ids ?? [],
    germanLevel: row.german_level?.trim() ?? null,
    mergedIntoId: row.merged_into_id,
  };
}

/**
 * True when the client has an active consent for `purpose` today (given, not withdrawn). Matching
 * must call it with `matching`: without that consent a client never appears in matching.
 */
export function hasActiveConsent(
  db: Executor,
  clientId: string,
  purpose: 'counselling' | 'partner_transfer' | 'matching' | 'story_publication',
): Promise<boolean> {
  return selectHasActiveConsent(db, clientId, purpose, todayIso());
}
