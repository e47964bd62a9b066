import {
  cleanUploadName,
  PROFILE_TOKEN_PATTERN,
  type TClientLanguage,
  type TProfileAnswers,
  type TProfileDraft,
  type TProfileForm,
  type TProfileUpload,
  ZProfileAnswers,
} from '../../../contracts/self-service';
import { audit } from '../../platform/audit/audit';
import { hashToken } from '../../platform/auth/auth.plugin';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { getOccupation } from '../reference/index';
import { suggestGermanLevel } from './can-do';
import * as links from './links.repository';
import { profileUrl, qrSvg } from './links.service';
import { buildForm, MAX_OCCUPATIONS } from './profile.form';
import * as profile from './profile.repository';
import { publicError } from './profile.texts';
import { checkUploadType, MAX_UPLOADS } from './profile.uploads';
import { asLanguage, linkState, toUpload } from './self-service.view';
import { formText } from './templates/form.index';

/**
 * The link behind a token, usable for writing: unknown → 404 `profile_link_unknown`; submitted →
 * 410 `profile_link_used`; revoked → 410 `profile_link_revoked`; past expiry → 410
 * `profile_link_expired`. Messages are in `lang` (else the link's language; for an unknown token
 * `fallback`, e.g. from `Accept-Language`); no data is shown.
 * Pass a transaction with `lock` to serialise writes on the link.
 */
export async function openLink(
  db: Executor,
  token: string,
  opts: { lang?: TClientLanguage; fallback?: TClientLanguage; lock?: boolean; allowSubmitted?: boolean } = {},
): Promise<links.PublicLinkRow> {
  // A malformed token (wrong characters or length) is simply an unknown link.
  const link = PROFILE_TOKEN_PATTERN.test(token)
    ? await links.selectLinkByTokenHash(db, hashToken(token), opts.lock ?? false)
    : undefined;
  // An unknown token has no language of its own: the one asked for, else the browser's.
  if (!link) throw publicError('profile_link_unknown', opts.lang ?? opts.fallback ?? 'de');
  const lang = opts.lang ?? asLanguage(link.language);
  const state = linkState(link);
  if (state === 'submitted' && !opts.allowSubmitted) throw publicError('profile_link_used', lang);
  if (state === 'revoked') throw publicError('profile_link_revoked', lang);
  if (state === 'expired') throw publicError('profile_link_expired', lang);
  return link;
}

/**
 * The form of an open link in `lang` (default: the link's language), with the client's draft. The
 * read is audited (anonymous, the link's office) since it shows the given name.
 * @throws `profile_link_unknown` (404), `profile_link_used` / `_revoked` / `_expired` (410)
 */
export async function getProfileForm(
  ctx: RequestContext,
  token: string,
  lang: TClientLanguage | undefined,
  fallback?: TClientLanguage,
): Promise<TProfileForm> {
  const link = await openLink(ctx.db, token, { lang, fallback });
  const uploads = await profile.selectUploads(ctx.db, [link.id]);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'profile_link',
    entityId: link.id,
    officeId: link.office_id,
    details: { clientId: link.client_id, public: true },
  });
  return buildForm(link, lang ?? asLanguage(link.language), {
    uploadMaxBytes: ctx.config.profileUploadMaxBytes,
    uploads,
  });
}

/**
 * Saves the draft of an open link (the whole draft each time; idempotent). A save carrying a lower
 * `seq` than the stored one is ignored (`stale: true`). Remembers the chosen language. Not audited
 * per keystroke: the submit is.
 * @throws as `getProfileForm`
 */
export async function saveProfileDraft(
  ctx: RequestContext,
  token: string,
  input: TProfileDraft,
): Promise<{ savedAt: string; seq: number; stale: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const link = await openLink(trx, token, { lang: input.language, lock: true });
    const saved = await links.saveDraft(trx, link.id, {
      draft: input.answers,
      seq: input.seq ?? link.draft_seq,
      language: input.language ?? link.language,
    });
    return { savedAt: saved.savedAt.toISOString(), seq: saved.seq, stale: saved.stale };
  });
}

/**
 * The final answers of a submit, strictly checked (`ZProfileAnswers`): the answers, or the field
 * errors (`body.answers.<path>`, zod's issue code; a blank name is `required`), in the form's
 * order: the name first, then the shape, the occupations and the uploads of this link.
 */
async function checkAnswers(
  db: Executor,
  input: TProfileDraft,
  uploadIds: ReadonlySet<string>,
): Promise<{ answers: TProfileAnswers; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const a = input.answers;
  if (!a.spokenName?.trim()) errors.push({ field: 'body.answers.spokenName', code: 'required' });
  const strict = ZProfileAnswers.safeParse(a);
  for (const issue of strict.success ? [] : strict.error.issues) {
    const field = ['body', 'answers', ...issue.path.map(String)].join('.');
    if (!errors.some((e) => e.field === field || field.startsWith(`${e.field}.`))) {
      errors.push({ field, code: issue.code });
    }
  }
  const occupations = a.wishedOccupationIds ?? [];
  if (occupations.length > MAX_OCCUPATIONS) {
    errors.push({ field: 'body.answers.wishedOccupationIds', code: 'too_big' });
  }
  for (const [i, id] of occupations.entries()) {
    if (errors.some((e) => e.field === `body.answers.wishedOccupationIds.${i}`)) continue;
    try {
      await getOccupation(db, id);
    } catch {
      errors.push({ field: `body.answers.wishedOccupationIds.${i}`, code: 'unknown_occupation' });
    }
  }
  for (const [i, id] of (a.uploadIds ?? []).entries()) {
    if (!uploadIds.has(id) && !errors.some((e) => e.field === `body.answers.uploadIds.${i}`)) {
      errors.push({ field: `body.answers.uploadIds.${i}`, code: 'not_found' });
    }
  }
  return { answers: strict.data ?? {}, errors };
}

/**
 * Submits the answers of a link: one record per link. A repeated submit (double tap, retry after a
 * lost reply) returns the same receipt and changes nothing. Checks the answers strictly
 * (`ZProfileAnswers`: the name is given, e-mail address, numbers in range …), that the occupations
 * exist and the upload ids are this link's; uploads not referenced are deleted; the German level is
 * suggested from the ticked can-do statements. Audited (anonymous).
 * @throws `validation` (400, fields; detail and field messages in the client's language),
 *   `profile_link_unknown` (404), `_revoked` / `_expired` (410)
 */
export async function submitProfile(
  ctx: RequestContext,
  token: string,
  input: TProfileDraft,
): Promise<{ state: 'submitted'; submittedAt: string; language: TClientLanguage; message: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const link = await openLink(trx, token, { lang: input.language, lock: true, allowSubmitted: true });
    const lang = input.language ?? asLanguage(link.language);
    const receipt = (at: Date, language: TClientLanguage) => ({
      state: 'submitted' as const,
      submittedAt: new Date(at).toISOString(),
      language,
      message: formText(language, 'thanks'),
    });
    if (link.submitted_at) {
      const existing = await profile.selectSubmissionOfLink(trx, link.id);
      const language = asLanguage(existing?.language ?? link.language);
      return receipt(existing?.submitted_at ?? link.submitted_at, language);
    }
    const uploads = await profile.selectUploads(trx, [link.id]);
    const { answers, errors } = await checkAnswers(trx, input, new Set(uploads.map((u) => u.id)));
    if (errors.length > 0) throw publicError('validation', lang, {}, errors);
    await profile.deleteUploadsExcept(trx, link.id, answers.uploadIds ?? []);
    const submission = await profile.insertSubmissionOnce(trx, {
      link_id: link.id,
      client_id: link.client_id,
      office_id: link.office_id,
      language: lang,
      answers,
      suggested_german_level: suggestGermanLevel(answers.germanCanDo ?? []),
    });
    await links.markSubmitted(trx, link.id, lang);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'profile_submission',
      entityId: submission.id,
      officeId: link.office_id,
      details: { clientId: link.client_id, linkId: link.id, language: lang, public: true },
    });
    return receipt(submission.submitted_at, lang);
  });
}

/**
 * Stores an uploaded photo or document of an open link after checking its type from the bytes.
 * @throws `upload_type_not_allowed` / `upload_photo_not_image` (415), `too_many_uploads` (409),
 *   and the link errors of `openLink`
 */
export async function storeUpload(
  ctx: RequestContext,
  token: string,
  opts: { kind: 'photo' | 'document'; fileName: string; bytes: Buffer; lang: TClientLanguage | undefined },
): Promise<TProfileUpload> {
  return ctx.db.transaction().execute(async (trx) => {
    const link = await openLink(trx, token, { lang: opts.lang, lock: true });
    const lang = opts.lang ?? asLanguage(link.language);
    const mime = await checkUploadType(opts.bytes, opts.kind, lang);
    const existing = await profile.selectUploads(trx, [link.id]);
    if (existing.length >= MAX_UPLOADS) {
      throw publicError('too_many_uploads', lang, { max: String(MAX_UPLOADS) });
    }
    const row = await profile.insertUpload(trx, {
      link_id: link.id,
      office_id: link.office_id,
      kind: opts.kind,
      // Stored as text (shown escaped): no path separators or control characters, at most 200
      // characters with the extension kept.
      file_name: cleanUploadName(opts.fileName),
      mime_type: mime,
      size_bytes: opts.bytes.length,
      content: opts.bytes,
    });
    return toUpload(row);
  });
}

/** Deletes an upload of an open link. @throws `not_found` (404) and the link errors of `openLink` */
export async function deleteUpload(
  ctx: RequestContext,
  token: string,
  uploadId: string,
  lang: TClientLanguage | undefined,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const link = await openLink(trx, token, { lang, lock: true });
    if (!(await profile.deleteUpload(trx, link.id, uploadId))) throw new AppError('not_found');
  });
}

/** The QR code (SVG) of an open link's URL. @throws the link errors of `openLink` */
export async function linkQrSvg(ctx: RequestContext, token: string): Promise<string> {
  await openLink(ctx.db, token);
  return qrSvg(profileUrl(ctx.config.publicUrl, token));
}
