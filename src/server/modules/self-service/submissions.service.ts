import type { TClient, TClientFields } from '../../../contracts/clients';

type TLanguage = TClient['languages'][number];

import type {
  TConfirmSubmission,
  TProfileAnswers,
  TProfileSubmission,
  TTakeOverField,
} from '../../../contracts/self-service';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { notFound } from '../../platform/errors';
import { getClient, updateClient } from '../clients/index';
import { requireClient, selfServiceScope } from './links.service';
import * as profile from './profile.repository';
import { availableFromOf, berlinDay, parseAnswers, toSubmission } from './self-service.view';

/** The submitted profiles of a client of the actor's office, newest first (audited read). @throws `forbidden`, `not_found` */
export async function listSubmissions(ctx: RequestContext, clientId: string): Promise<TProfileSubmission[]> {
  const actor = requireAccess(ctx, 'read', 'client');
  const client = await requireClient(ctx, clientId, { write: false });
  const rows = await profile.selectSubmissions(ctx.db, selfServiceScope(actor), clientId);
  const uploads = await profile.selectUploads(
    ctx.db,
    rows.map((r) => r.link_id),
  );
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'profile_submission',
    entityId: null,
    officeId: client.officeId,
    details: { clientId, submissionIds: rows.map((r) => r.id) },
  });
  return rows.map((r) => toSubmission(r, uploads));
}

/**
 * The client fields a take-over writes, from the answers (fields without an answer are skipped):
 * languages and wished occupations are added to the record's (kept levels, at most 10
 * occupations), the German level comes with `germanLevelSource: self_assessment` and the day of
 * the submission, the school country sets "foreign" (≠ DE), the availability sets `availableFrom`
 * (`availableFromOf`: "now" is the day of the submission; no date → not taken over). A school
 * qualification other than the record's clears the record's recognition state (it was about the
 * old certificate; "none" has nothing to recognise). The school years have no field in the record
 * and are never written.
 */
export function takeOverPatch(
  answers: TProfileAnswers,
  opts: {
    fields: readonly TTakeOverField[];
    suggestedGermanLevel: TClient['germanLevel'];
    submittedAt: Date;
    current: Pick<TClient, 'languages' | 'wishedOccupationIds'> &
      Partial<Pick<TClient, 'schoolQualification' | 'schoolRecognition'>>;
  },
): { patch: Partial<TClientFields>; applied: TTakeOverField[] } {
  const patch: Partial<TClientFields> = {};
  const applied: TTakeOverField[] = [];
  const has = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  for (const field of new Set(opts.fields)) {
    switch (field) {
      case 'spokenName':
      case 'phone':
      case 'email':
      case 'workExperience':
      case 'interests':
        if (has(answers[field])) Object.assign(patch, { [field]: answers[field] });
        else continue;
        break;
      case 'languages': {
        if (!has(answers.languages)) continue;
        const merged: TLanguage[] = [...opts.current.languages];
        for (const l of answers.languages ?? []) {
          if (!merged.some((m) => m.code === l.code)) merged.push({ code: l.code, level: null });
        }
        patch.languages = merged.slice(0, 20);
        break;
      }
      case 'germanLevel':
        if (!opts.suggestedGermanLevel) continue;
        patch.germanLevel = opts.suggestedGermanLevel;
        patch.germanLevelSource = 'self_assessment';
        patch.germanLevelDate = berlinDay(opts.submittedAt);
        break;
      case 'school':
        if (!has(answers.schoolQualification) && !has(answers.schoolCountry)) continue;
        if (has(answers.schoolQualification)) {
          patch.schoolQualification = answers.schoolQualification;
          // The recognition belongs to the certificate on record: a changed qualification (above
          // all "none") makes it stale, so it is cleared; the counsellor enters a new one if any.
          if (
            answers.schoolQualification !== opts.current.schoolQualification &&
            opts.current.schoolRecognition
          )
            patch.schoolRecognition = null;
        }
        if (has(answers.schoolCountry)) {
          patch.schoolCountry = answers.schoolCountry;
          patch.schoolForeign = answers.schoolCountry !== 'DE';
        }
        break;
      case 'wishedOccupationIds':
        if (!has(answers.wishedOccupationIds)) continue;
        patch.wishedOccupationIds = [
          ...new Set([...opts.current.wishedOccupationIds, ...(answers.wishedOccupationIds ?? [])]),
        ].slice(0, 10);
        break;
      case 'mobility':
        if (!has(answers.mobilityRadiusKm) && !has(answers.drivingLicence)) continue;
        if (has(answers.mobilityRadiusKm)) patch.mobilityRadiusKm = answers.mobilityRadiusKm;
        if (has(answers.drivingLicence)) patch.drivingLicence = answers.drivingLicence;
        break;
      case 'availability': {
        const from = availableFromOf(answers, berlinDay(opts.submittedAt));
        if (!from) continue;
        patch.availableFrom = from;
        break;
      }
    }
    applied.push(field);
  }
  return { patch, applied };
}

/**
 * Takes chosen answers of a submission into the client record through the clients module's
 * `updateClient` (its rules apply: version check, consent, validation) and marks the submission
 * confirmed with the fields taken over (audited), in one transaction: if marking fails, the record
 * is unchanged. The submission row is locked, so two confirmations run one after the other.
 * Confirming again with more fields is allowed.
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`, with `changedFields`),
 *   `consent_required` / `validation` (400, from the clients module, e.g. `until_before_from` when
 *   the new start lies after the record's `availableUntil`)
 */
export async function confirmSubmission(
  ctx: RequestContext,
  clientId: string,
  submissionId: string,
  input: TConfirmSubmission,
): Promise<{ client: TClient; submission: TProfileSubmission }> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = selfServiceScope(actor);
  await requireClient(ctx, clientId, { write: true });
  if (!(await profile.selectSubmission(ctx.db, scope, clientId, submissionId))) throw notFound();
  // The record as read now (audited read): languages and occupations are added to it. A change in
  // between makes the version stale, so the update below answers 409 instead of losing it.
  const current = await getClient(ctx, clientId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await profile.selectSubmission(trx, scope, clientId, submissionId, true);
    if (!row) throw notFound();
    const { patch, applied } = takeOverPatch(parseAnswers(row.answers), {
      fields: input.fields,
      suggestedGermanLevel: row.suggested_german_level as TClient['germanLevel'],
      submittedAt: new Date(row.submitted_at),
      current,
    });
    // The clients module owns the record: its update checks the version (409) and the consent
    // rules, inside this transaction.
    const client = await updateClient(ctx, clientId, { ...patch, version: input.version }, trx);
    await profile.markConfirmed(trx, scope, submissionId, {
      fields: applied,
      userId: actor.system ? null : actor.userId,
    });
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'profile_submission',
      entityId: submissionId,
      officeId: row.office_id,
      details: { clientId, confirmedFields: applied, clientVersion: client.version },
    });
    const after = await profile.selectSubmission(trx, scope, clientId, submissionId);
    if (!after) throw notFound();
    return { client, submission: toSubmission(after, await profile.selectUploads(trx, [after.link_id])) };
  });
}

/**
 * The bytes of an uploaded file of a submission (audited read).
 * @throws `forbidden`, `not_found`
 */
export async function getSubmissionUpload(
  ctx: RequestContext,
  opts: { clientId: string; submissionId: string; uploadId: string },
): Promise<{ mimeType: string; fileName: string; content: Buffer }> {
  const actor = requireAccess(ctx, 'read', 'client');
  const client = await requireClient(ctx, opts.clientId, { write: false });
  const row = await profile.selectUploadContent(ctx.db, selfServiceScope(actor), opts);
  if (!row) throw notFound();
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'profile_upload',
    entityId: row.id,
    officeId: client.officeId,
    details: { clientId: opts.clientId, submissionId: opts.submissionId },
  });
  return { mimeType: row.mime_type, fileName: row.file_name, content: Buffer.from(row.content) };
}
