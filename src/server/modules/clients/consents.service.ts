import type { TClient, TConsent, TRecordConsent, TWithdrawConsent } from '../../../contracts/clients';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { AppError, notFound } from '../../platform/errors';
import { CLEARED_ON_WITHDRAWAL, type ClientField, emptyValue } from './clients.fields';
import * as repo from './clients.repository';
import { loadClient, writeClientPatch } from './clients.service';
import { clientScope, hasCounsellingConsent, toConsent, todayIso } from './clients.view';
import * as consents from './consents.repository';
import { assertClientMayConsent, impossibleDate } from './consents.rules';
import { selectGuardian } from './guardians.repository';

/**
 * Records a consent of a client of the actor's office: purpose (a named partner for
 * `partner_transfer`), legal basis, date, form (paper/digital) and who gave it. Below `CONSENT_MIN_AGE`
 * (default 16) the consent must come from a guardian of this client (`givenBy: 'guardian'` with the
 * guardian's id); the client consents alone only with a known date of birth at or above that age.
 * @returns the consent and the client as it is now (no longer `minimal` after a counselling consent)
 * @throws `forbidden`, `not_found`, `validation` (400: `body.givenOn` in the future or before birth,
 *   `body.partnerName` missing, `body.guardianId` missing or not a guardian of this client),
 *   `guardian_consent_required` (400, field `body.givenBy`), `conflict` (409: the record was merged)
 */
export async function recordConsent(
  ctx: RequestContext,
  clientId: string,
  input: TRecordConsent,
): Promise<{ consent: TConsent; client: TClient }> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockClient(trx, scope, clientId))) throw notFound();
    const client = await repo.selectClient(trx, scope, clientId);
    if (!client) throw notFound();
    if (client.merged_into_id) {
      throw new AppError('conflict', [{ field: 'params.id', code: 'merged' }], {
        mergedIntoId: client.merged_into_id,
      });
    }
    const dateError = impossibleDate(input.givenOn, 'body.givenOn', {
      today: todayIso(),
      notBefore: client.date_of_birth,
    });
    if (dateError) throw new AppError('validation', [dateError]);
    if (input.purpose === 'partner_transfer' && !input.partnerName) {
      throw new AppError('validation', [{ field: 'body.partnerName', code: 'required' }]);
    }
    let guardianId: string | null = null;
    if (input.givenBy === 'guardian') {
      const guardian = input.guardianId
        ? await selectGuardian(trx, scope, clientId, input.guardianId)
        : undefined;
      if (!guardian) throw new AppError('validation', [{ field: 'body.guardianId', code: 'not_found' }]);
      guardianId = guardian.id;
    } else {
      assertClientMayConsent({
        minAge: ctx.config.consentMinAge,
        dateOfBirth: client.date_of_birth,
        givenOn: input.givenOn,
        field: 'body.givenBy',
      });
    }
    const id = await consents.insertConsent(trx, {
      client_id: clientId,
      office_id: client.office_id,
      purpose: input.purpose,
      partner_name: input.purpose === 'partner_transfer' ? (input.partnerName ?? null) : null,
      legal_basis: input.legalBasis,
      given_on: input.givenOn,
      form: input.form,
      given_by: input.givenBy,
      guardian_id: guardianId,
      recorded_by: actor.system ? null : actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'consent',
      entityId: id,
      officeId: client.office_id,
      details: { clientId, purpose: input.purpose, givenBy: input.givenBy },
    });
    const row = await consents.selectConsent(trx, scope, clientId, id);
    return {
      consent: toConsent(row as consents.ConsentRow),
      client: await loadClient(ctx, trx, scope, clientId),
    };
  });
}

/**
 * Withdraws a consent on `withdrawnOn` (DSGVO Art. 7(3)); the consent is kept, never deleted. When the
 * last active counselling consent goes, the same transaction clears every client field but the names
 * (data minimisation, Art. 5(1)(c): without consent only the minimal record remains). Withdrawing an
 * already withdrawn consent changes nothing.
 * @throws `forbidden`, `not_found` (client or consent), `validation` (400: `body.withdrawnOn` in the
 *   future or before the consent was given)
 */
export async function withdrawConsent(
  ctx: RequestContext,
  clientId: string,
  consentId: string,
  input: TWithdrawConsent,
): Promise<{ consent: TConsent; client: TClient }> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = clientScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockClient(trx, scope, clientId))) throw notFound();
    const consent = await consents.selectConsent(trx, scope, clientId, consentId);
    if (!consent) throw notFound();
    if (consent.withdrawn_on === null) {
      const dateError = impossibleDate(input.withdrawnOn, 'body.withdrawnOn', {
        today: todayIso(),
        notBefore: consent.given_on,
      });
      if (dateError) throw new AppError('validation', [dateError]);
      await consents.withdrawConsent(
        trx,
        scope,
        consentId,
        input.withdrawnOn,
        actor.system ? null : actor.userId,
      );
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'consent',
        entityId: consentId,
        officeId: consent.office_id,
        details: { clientId, purpose: consent.purpose, withdrawnOn: input.withdrawnOn },
      });
      const remaining = (await consents.selectConsents(trx, scope, clientId)).map((c) => toConsent(c));
      const current = await repo.selectClient(trx, scope, clientId);
      if (
        consent.purpose === 'counselling' &&
        !hasCounsellingConsent(remaining) &&
        current &&
        !current.merged_into_id
      ) {
        const patch = Object.fromEntries(CLEARED_ON_WITHDRAWAL.map((f: ClientField) => [f, emptyValue(f)]));
        await writeClientPatch(ctx, trx, {
          scope,
          current,
          patch,
          place: null,
          version: null,
          auditDetails: { reason: 'consent_withdrawn', consentId },
        });
      }
    }
    const row = await consents.selectConsent(trx, scope, clientId, consentId);
    return {
      consent: toConsent(row as consents.ConsentRow),
      client: await loadClient(ctx, trx, scope, clientId),
    };
  });
}
