import type { TClient } from '../../../contracts/clients';
import {
  directionOf,
  type TClientLanguage,
  type TLetterKind,
  type TLetterPreview,
  type TLetterQuery,
  type TSentLetter,
} from '../../../contracts/self-service';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { getClient } from '../clients/index';
import { selectNextAppointment, selectOfficeContact } from './contact.repository';
import { formatAppointment, formatAppointmentAt } from './language';
import { mailerFor } from './letters.mail';
import { pickTranslation, renderLetter } from './letters.render';
import * as sent from './letters.repository';
import { selectLastLanguage } from './links.repository';
import { requireClient, selfServiceScope } from './links.service';
import { renderLetterPdf } from './pdf.letters';
import { asLanguage } from './self-service.view';
import type { Placeholder } from './templates/letter.types';

/** The active counselling consent of a client (the one letters rely on), or null. */
export function counsellingConsentId(client: Pick<TClient, 'consents'>): string | null {
  return client.consents.find((c) => c.purpose === 'counselling' && c.active)?.id ?? null;
}

/**
 * A letter rendered from the record: the client (audited read), the language (asked for, else the
 * one the client last chose in the profile form, else German), the appointment (asked for, else
 * the next planned counselling session), its counsellor (else the acting user) and the office's
 * directory entry.
 */
async function renderFromRecord(
  ctx: RequestContext,
  clientId: string,
  kind: TLetterKind,
  query: TLetterQuery,
): Promise<{ client: TClient; preview: TLetterPreview; replyTo: string | null }> {
  const actor = requireAccess(ctx, 'read', 'client');
  const scope = selfServiceScope(actor);
  const client = await getClient(ctx, clientId);
  const lang: TClientLanguage =
    query.language ?? asLanguage((await selectLastLanguage(ctx.db, scope, clientId)) ?? 'de');
  const next = query.appointmentAt ? undefined : await selectNextAppointment(ctx.db, scope, clientId);
  const office = await selectOfficeContact(ctx.db, client.officeId);
  const { usedLanguage } = pickTranslation(kind, lang);
  // An entered appointment is the office's wall time, printed as given; a session an instant.
  const when = query.appointmentAt
    ? formatAppointmentAt(query.appointmentAt, usedLanguage)
    : next
      ? formatAppointment(next.startsAt, usedLanguage)
      : null;
  const values: Partial<Record<Placeholder, string | null>> = {
    clientName: client.spokenName ?? client.givenNames,
    appointmentDate: when?.date ?? null,
    appointmentTime: when?.time ?? null,
    counsellorName: next?.counsellorName ?? actor.displayName,
    officeName: office.officeName,
    officeAddress: office.address,
    officePhone: office.phone,
    officeEmail: office.email,
  };
  return { client, preview: renderLetter(kind, lang, values), replyTo: office.email };
}

/** Maps a sent-log row to the API shape. */
function toSent(r: sent.SentRow): TSentLetter {
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind as TSentLetter['kind'],
    language: asLanguage(r.language),
    usedLanguage: asLanguage(r.used_language),
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    sentAt: new Date(r.sent_at).toISOString(),
    sentByName: r.sent_by_name,
    consentId: r.consent_id,
    messageId: r.message_id,
  };
}

/** A letter to a client of the actor's office as it would go out (nothing logged). @throws `forbidden`, `not_found` */
export async function previewLetter(
  ctx: RequestContext,
  clientId: string,
  kind: TLetterKind,
  query: TLetterQuery,
): Promise<TLetterPreview> {
  return (await renderFromRecord(ctx, clientId, kind, query)).preview;
}

/**
 * The letter as a printable PDF (A4; right-to-left lines for Arabic and Farsi), logged in the
 * sent-log as `print` with the active counselling consent if any (a printed letter handed over or
 * posted does not need one; the log shows whether it had one). @throws `forbidden`, `not_found`
 */
export async function printLetter(
  ctx: RequestContext,
  clientId: string,
  kind: TLetterKind,
  query: TLetterQuery,
): Promise<{ fileName: string; bytes: Buffer }> {
  const actor = requireAccess(ctx, 'read', 'client');
  const { client, preview } = await renderFromRecord(ctx, clientId, kind, query);
  const bytes = await renderLetterPdf(preview);
  await ctx.db.transaction().execute(async (trx) => {
    const line = await sent.insertSent(trx, {
      client_id: clientId,
      office_id: client.officeId,
      kind,
      language: preview.language,
      used_language: preview.usedLanguage,
      channel: 'print',
      recipient: null,
      subject: preview.subject,
      sent_by: actor.system ? null : actor.userId,
      consent_id: counsellingConsentId(client),
      message_id: null,
    });
    await audit(ctx, trx, {
      action: 'export',
      entityType: 'letter',
      entityId: line.id,
      officeId: client.officeId,
      details: { clientId, kind, language: preview.usedLanguage, channel: 'print' },
    });
  });
  return { fileName: `${kind}-${preview.usedLanguage}.pdf`, bytes };
}

/**
 * E-mails a letter to the client's address on record and logs it (template, language, recipient,
 * time, sender, consent). The rule: e-mail needs an active counselling consent (contacting the
 * client about their counselling is part of that purpose, DSGVO Art. 6(1)(a)); its id is logged.
 * @throws `forbidden`, `not_found`, `letter_email_missing` (422), `counselling_consent_required`
 *   (422), `letter_values_missing` (422, fields naming the placeholders, e.g. no appointment),
 *   `mail_failed` (502)
 */
export async function sendLetter(
  ctx: RequestContext,
  clientId: string,
  kind: TLetterKind,
  query: TLetterQuery,
): Promise<TSentLetter> {
  const actor = requireAccess(ctx, 'update', 'client');
  await requireClient(ctx, clientId, { write: true });
  const { client, preview, replyTo } = await renderFromRecord(ctx, clientId, kind, query);
  if (!client.email) throw new AppError('letter_email_missing', [{ field: 'params.id', code: 'no_email' }]);
  const consentId = counsellingConsentId(client);
  if (!consentId) {
    throw new AppError('counselling_consent_required', [{ field: 'params.id', code: 'consent_missing' }]);
  }
  if (preview.missingValues.length > 0) {
    throw new AppError(
      'letter_values_missing',
      preview.missingValues.map((v) => ({ field: `values.${v}`, code: 'required' })),
    );
  }
  let messageId: string;
  try {
    const html = `<!doctype html><html lang="${preview.usedLanguage}" dir="${directionOf(preview.usedLanguage)}"><head><meta charset="utf-8"></head><body>${preview.html}</body></html>`;
    ({ messageId } = await mailerFor(ctx.config).send({
      to: client.email,
      subject: preview.subject,
      text: preview.text,
      html,
      replyTo,
      language: preview.usedLanguage,
    }));
  } catch (err) {
    ctx.log.error({ err }, 'letter e-mail failed');
    throw new AppError('mail_failed');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const line = await sent.insertSent(trx, {
      client_id: clientId,
      office_id: client.officeId,
      kind,
      language: preview.language,
      used_language: preview.usedLanguage,
      channel: 'email',
      recipient: client.email,
      subject: preview.subject,
      sent_by: actor.system ? null : actor.userId,
      consent_id: consentId,
      message_id: messageId,
    });
    await audit(ctx, trx, {
      action: 'export',
      entityType: 'letter',
      entityId: line.id,
      officeId: client.officeId,
      details: { clientId, kind, language: preview.usedLanguage, channel: 'email', consentId },
    });
    return toSent(line);
  });
}

/** The sent-log of a client of the actor's office, newest first. @throws `forbidden`, `not_found` */
export async function listSentLetters(ctx: RequestContext, clientId: string): Promise<TSentLetter[]> {
  const actor = requireAccess(ctx, 'read', 'client');
  await requireClient(ctx, clientId, { write: false });
  return (await sent.selectSent(ctx.db, selfServiceScope(actor), clientId)).map(toSent);
}
