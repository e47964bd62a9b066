import { z } from 'zod';
import { ZDate } from './clients';
import { ZTimestamp } from './common';
import { ZClientLanguage, ZTextDirection } from './self-service.languages';

/*
 * Letters and messages of client self-service (issue 7): templates with their review state, the
 * rendered letter, sending and the sent-log. Re-exported by `self-service.ts`.
 */

/** Letter templates: invitation to an appointment, reminder of it, checklist of documents to bring. */
export const ZLetterKind = z.enum(['invitation', 'reminder', 'document_checklist']);
/** Letter kind. */
export type TLetterKind = z.infer<typeof ZLetterKind>;
/** Review state of one translation of a template (stored with the template in `data/letters/`). */
export const ZReviewState = z.enum(['draft', 'reviewed']);
/** Review of one translation: state, who reviewed it and when (null while draft). */
export const ZTranslationReview = z.object({
  state: ZReviewState,
  reviewer: z.string().nullable(),
  reviewedOn: ZDate.nullable(),
});
/** Path `{ id, kind }`. */
export const ZLetterParams = z.object({ id: z.uuid(), kind: ZLetterKind });

/**
 * An appointment date-time: the office's wall time as entered (`2026-12-05T10:30`, no offset; the
 * office time zone Europe/Berlin is meant and it is printed exactly as given), or an ISO date-time
 * with offset (shown in Europe/Berlin).
 */
export const ZAppointmentAt = z.iso.datetime({ offset: true, local: true });

/**
 * Query of preview and PDF: language (default: the language the client last chose in the profile
 * form, else German) and, for invitation/reminder, the appointment ({@link ZAppointmentAt}; default: the
 * next planned counselling session of the client's case).
 */
export const ZLetterQuery = z.object({
  language: ZClientLanguage.optional(),
  appointmentAt: ZAppointmentAt.optional(),
});
/** Parsed letter query. */
export type TLetterQuery = z.infer<typeof ZLetterQuery>;

/**
 * A rendered letter. `usedLanguage` differs from `language` when the translation is missing (German
 * fallback, `fallback: true`); `review` is the used translation's review state (show a hint while
 * `draft`). `text` is plain text; `html` is the same text escaped and wrapped in `<p>` (safe to
 * insert), in `dir`. `missingValues` names placeholders without a value (e.g. no appointment).
 */
export const ZLetterPreview = z.object({
  kind: ZLetterKind,
  language: ZClientLanguage,
  usedLanguage: ZClientLanguage,
  fallback: z.boolean(),
  dir: ZTextDirection,
  review: ZTranslationReview,
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  missingValues: z.array(z.string()),
});
/** Letter preview. */
export type TLetterPreview = z.infer<typeof ZLetterPreview>;

/** Body of `POST …/send`: e-mail the letter to the client's address on record. */
export const ZSendLetter = z.strictObject({
  language: ZClientLanguage.optional(),
  appointmentAt: ZAppointmentAt.optional(),
});
/** Parsed send body. */
export type TSendLetter = z.infer<typeof ZSendLetter>;

/** Channel of a sent letter: printed (PDF downloaded) or e-mailed. */
export const ZLetterChannel = z.enum(['print', 'email']);
/**
 * One line of the sent-log: what went to whom, when, by whom, under which consent. `recipient` is
 * the e-mail address (null for print); `consentId` the active counselling consent it relied on.
 */
export const ZSentLetter = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: ZLetterKind,
  language: ZClientLanguage,
  usedLanguage: ZClientLanguage,
  channel: ZLetterChannel,
  recipient: z.string().nullable(),
  subject: z.string(),
  sentAt: ZTimestamp,
  sentByName: z.string().nullable(),
  consentId: z.uuid().nullable(),
  messageId: z.string().nullable(),
});
/** Sent-log line. */
export type TSentLetter = z.infer<typeof ZSentLetter>;
/** `{ entry }`. */
export const ZSentLetterBody = z.object({ entry: ZSentLetter });
/** The sent-log of one client, newest first. */
export const ZSentLetterList = z.object({ items: z.array(ZSentLetter) });

/** A template with the review state of each language it has (missing languages are absent). */
export const ZLetterTemplate = z.object({
  kind: ZLetterKind,
  placeholders: z.array(z.string()),
  translations: z.array(
    z.object({ language: ZClientLanguage, subject: z.string(), review: ZTranslationReview }),
  ),
});
/** Letter template. */
export type TLetterTemplate = z.infer<typeof ZLetterTemplate>;
/** All templates. */
export const ZLetterTemplateList = z.object({ items: z.array(ZLetterTemplate) });
/**
 * A translation editors still owe: `missing` (German is used instead) or `draft` (used, but not
 * reviewed yet). Also lists form texts missing in a language (`kind: 'profile_form'`).
 */
export const ZMissingTranslation = z.object({
  kind: z.union([ZLetterKind, z.literal('profile_form')]),
  language: ZClientLanguage,
  reason: z.enum(['missing', 'draft']),
  keys: z.array(z.string()).optional(),
});
/** A translation editors owe. */
export type TMissingTranslation = z.infer<typeof ZMissingTranslation>;
/** Translations editors still owe. */
export const ZMissingTranslationList = z.object({ items: z.array(ZMissingTranslation) });
