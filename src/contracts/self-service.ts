import { z } from 'zod';
import { ZCefrLevel, ZClient, ZCountry, ZDate, ZSchoolQualification } from './clients';
import { ZName, ZProblem, ZTimestamp, ZVersion } from './common';
import { ZClientLanguage, ZTextDirection } from './self-service.languages';

/*
 * Client self-service (issue 7): the application profile in plain language (Bewerbungsprofil in
 * Leichter Sprache) filled by the client through a private link, the counsellor's confirmation of
 * its answers, the one-page German PDF for companies, and letters (invitation, reminder, document
 * checklist) printed or e-mailed with a sent-log.
 *
 * Routes (all JSON unless said otherwise; every POST/PUT/DELETE needs the `x-csrf-token` header from
 * `GET /api/auth/csrf`, also on the public routes, where the anonymous token works):
 *
 * Counsellor / coordinator of the client's office (another office's client answers 404):
 *   POST   /api/clients/:id/profile-links                      ZCreateProfileLink → 201 ZCreatedProfileLink
 *   GET    /api/clients/:id/profile-links                      → ZProfileLinkList
 *   POST   /api/clients/:id/profile-links/:linkId/revoke       → ZProfileLinkBody
 *   GET    /api/clients/:id/profile-submissions                → ZProfileSubmissionList
 *   POST   /api/clients/:id/profile-submissions/:submissionId/confirm   ZConfirmSubmission → ZConfirmResult
 *   GET    /api/clients/:id/profile-submissions/:submissionId/uploads/:uploadId   → the file (image/PDF)
 *   GET    /api/clients/:id/application-profile.pdf            ?includeContact= → application/pdf
 *          (needs an active `matching` consent of the client: handing the profile to a company passes
 *          data on; without one 422 `matching_consent_required`, field `params.id`)
 *   GET    /api/clients/:id/letters/:kind/preview              ZLetterQuery → ZLetterPreview
 *   GET    /api/clients/:id/letters/:kind/pdf                  ZLetterQuery → application/pdf (logged as `print`)
 *   POST   /api/clients/:id/letters/:kind/send                 ZSendLetter → 201 ZSentLetterBody
 *   GET    /api/clients/:id/letters/sent                       → ZSentLetterList
 *   GET    /api/letters/templates                              → ZLetterTemplateList
 *   GET    /api/letters/templates/missing                      → ZMissingTranslationList
 *
 * Public (no sign-in; the token is the only key; rate-limited per address):
 *   GET    /api/public/profile/:token                          ?lang= → ZProfileForm | 404/410 ZPublicProblem
 *   PUT    /api/public/profile/:token/draft                    ZProfileDraft (loose: as typed) → ZDraftSaved
 *   POST   /api/public/profile/:token/uploads                  ?kind=&fileName= raw body → 201 ZProfileUploadBody
 *   DELETE /api/public/profile/:token/uploads/:uploadId        → ZOk
 *   POST   /api/public/profile/:token/submit                   ZProfileDraft (checked as ZProfileSubmit) → ZSubmitReceipt
 *   GET    /api/public/profile/:token/qr.svg                   → image/svg+xml (QR code of the link's URL)
 */

// Client languages (codes, direction, Intl locale): in `self-service.languages.ts`, re-exported here.
export * from './self-service.languages';

// ---------------------------------------------------------------------------------------------
// Profile links (counsellor side)

/** State of a profile link: usable, answered, past its expiry, or revoked by the counsellor. */
export const ZProfileLinkState = z.enum(['open', 'submitted', 'expired', 'revoked']);
/** Profile link state. */
export type TProfileLinkState = z.infer<typeof ZProfileLinkState>;

/** Body of `POST /api/clients/:id/profile-links`: the form language and days until expiry (1–60, default 14). */
export const ZCreateProfileLink = z.strictObject({
  language: ZClientLanguage,
  expiresInDays: z.int().min(1).max(60).default(14),
});
/** Parsed link creation. */
export type TCreateProfileLink = z.infer<typeof ZCreateProfileLink>;

/**
 * A profile link as the counsellor sees it. The token itself is never stored (only its SHA-256), so
 * it appears once, in `ZCreatedProfileLink`. `language` is the language the client last chose.
 */
export const ZProfileLink = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  language: ZClientLanguage,
  state: ZProfileLinkState,
  createdAt: ZTimestamp,
  createdByName: z.string().nullable(),
  expiresAt: ZTimestamp,
  /** Last time the client saved a draft (null: not opened for writing yet). */
  draftSavedAt: ZTimestamp.nullable(),
  submittedAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
  submissionId: z.uuid().nullable(),
});
/** Profile link. */
export type TProfileLink = z.infer<typeof ZProfileLink>;
/** `{ link }`. */
export const ZProfileLinkBody = z.object({ link: ZProfileLink });
/** The links of one client, newest first. */
export const ZProfileLinkList = z.object({ items: z.array(ZProfileLink) });

/**
 * Answer of link creation: the link, the private `url` to hand to the client (`PUBLIC_URL` +
 * `/profile/<token>`: the web app's public page) and its QR code as SVG markup (`qrSvg`, to show or
 * print now; `GET /api/public/profile/:token/qr.svg` serves the same image). Shown once: the server
 * cannot show the token again (create a new link instead).
 */
export const ZCreatedProfileLink = z.object({
  link: ZProfileLink,
  token: z.string(),
  url: z.string(),
  qrSvg: z.string(),
});
/** Created link. */
export type TCreatedProfileLink = z.infer<typeof ZCreatedProfileLink>;
/** Path `{ id, linkId }`. */
export const ZProfileLinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

// ---------------------------------------------------------------------------------------------
// The form's answers (public side)

/**
 * How well the client speaks another language, in plain words (no CEFR for non-German languages:
 * young people rarely know it). Taken over into the record as the language without a level.
 */
export const ZLanguageSkill = z.enum(['native', 'good', 'basic']);
/** A spoken language: ISO 639 code (2–3 lower-case letters) and self-rated skill. */
export const ZSpokenLanguage = z.object({
  code: z.string().regex(/^[a-z]{2,3}$/),
  skill: ZLanguageSkill,
});

/** When the client can start: now, from a date, or after a course/school ends (with a date). */
export const ZAvailability = z.enum(['now', 'from_date', 'after_school', 'unknown']);

/**
 * Free text typed by the client: stored verbatim (no HTML processing, no trimming), so script or
 * markup round-trips unchanged; every page must show it escaped (React does by default).
 */
const ZFreeText = (max: number) => z.string().max(max);

/** Inclusive bounds of the profile's number fields: school years, travel radius in km. */
export const PROFILE_NUMBER_BOUNDS = {
  schoolYears: { min: 0, max: 20 },
  mobilityRadiusKm: { min: 0, max: 500 },
} as const;
const bounded = (b: { min: number; max: number }) => z.int().min(b.min).max(b.max);

/**
 * The final answers of the application profile (a submit; stored submissions). Every field may be
 * missing but `spokenName`, which the submit needs. `germanCanDo` are ids of `ZCanDoStatement`s
 * ticked; `wishedOccupationIds` are ids of the public occupation list
 * (`GET /api/reference/occupations?q=`), at most 5; `uploadIds` are ids returned by the upload route
 * (photo and documents). Drafts use the looser `ZProfileDraftAnswers`.
 */
export const ZProfileAnswers = z.strictObject({
  spokenName: ZName(1, 120).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  languages: z.array(ZSpokenLanguage).max(10).optional(),
  germanCanDo: z
    .array(z.string().regex(/^[abc][12]_\d{1,2}$/))
    .max(40)
    .optional(),
  schoolCountry: ZCountry.nullable().optional(),
  schoolYears: bounded(PROFILE_NUMBER_BOUNDS.schoolYears).nullable().optional(),
  schoolQualification: ZSchoolQualification.nullable().optional(),
  workExperience: ZFreeText(2000).nullable().optional(),
  wishedOccupationIds: z.array(z.string().max(120)).max(5).optional(),
  interests: ZFreeText(2000).nullable().optional(),
  mobilityRadiusKm: bounded(PROFILE_NUMBER_BOUNDS.mobilityRadiusKm).nullable().optional(),
  drivingLicence: z.boolean().nullable().optional(),
  availability: ZAvailability.nullable().optional(),
  availableFrom: ZDate.nullable().optional(),
  uploadIds: z.array(z.uuid()).max(5).optional(),
});
/** Profile answers. */
export type TProfileAnswers = z.infer<typeof ZProfileAnswers>;

/** A number field of a draft: the number, or the text as typed ("1" on the way to "12", "abc"). */
const ZDraftNumber = z
  .union([z.number(), z.string().max(20)])
  .nullable()
  .optional();

/**
 * The answers of a draft as the client typed them (saved as they type, so nothing typed is ever
 * refused or lost): the same fields as `ZProfileAnswers`, types and lengths bounded for safety
 * but no format checks: any text up to the field's maximum length (a half-typed e-mail address,
 * a date being entered), numbers as numbers or as the text typed (also out of range). Choices from
 * lists (skills, qualification, availability) keep their values. Unknown fields are dropped.
 * `ZProfileAnswers` is a subset: stored submissions and final answers parse as drafts too.
 */
export const ZProfileDraftAnswers = z.object({
  spokenName: z.string().max(120).optional(),
  phone: z.string().max(40).nullable().optional(),
  email: z.string().max(254).nullable().optional(),
  languages: z
    .array(z.object({ code: z.string().max(3), skill: ZLanguageSkill }))
    .max(10)
    .optional(),
  germanCanDo: z.array(z.string().max(10)).max(40).optional(),
  schoolCountry: z.string().max(2).nullable().optional(),
  schoolYears: ZDraftNumber,
  schoolQualification: ZSchoolQualification.nullable().optional(),
  workExperience: ZFreeText(2000).nullable().optional(),
  wishedOccupationIds: z.array(z.string().max(120)).max(5).optional(),
  interests: ZFreeText(2000).nullable().optional(),
  mobilityRadiusKm: ZDraftNumber,
  drivingLicence: z.boolean().nullable().optional(),
  availability: ZAvailability.nullable().optional(),
  availableFrom: z.string().max(10).nullable().optional(),
  uploadIds: z.array(z.string().max(36)).max(5).optional(),
});
/** Draft answers (as typed). */
export type TProfileDraftAnswers = z.infer<typeof ZProfileDraftAnswers>;

/**
 * Body of `PUT …/draft` (saved as the client types; the whole draft each time, idempotent) and of
 * `POST …/submit` (the route takes this loose shape so the server can name every problem in the
 * client's language; the answers must then pass `ZProfileSubmit`). `language` remembers the
 * language the client chose (letters and messages follow it). `seq` orders saves: a save with a
 * lower `seq` than the stored one is ignored (late network replies cannot overwrite newer input).
 */
export const ZProfileDraft = z.strictObject({
  language: ZClientLanguage.optional(),
  seq: z.int().min(0).optional(),
  answers: ZProfileDraftAnswers,
});
/** Parsed draft body. */
export type TProfileDraft = z.infer<typeof ZProfileDraft>;

/**
 * The final answers of `POST …/submit`: the draft body with the strict `ZProfileAnswers`. A submit
 * whose answers fail it answers 400 `validation` with `detail` and every field's `message` in the
 * client's language (fields `body.answers.<field>`, codes e.g. `required`, `invalid_format`,
 * `too_big`, `unknown_occupation`).
 */
export const ZProfileSubmit = ZProfileDraft.extend({ answers: ZProfileAnswers });
/** Parsed final answers. */
export type TProfileSubmit = z.infer<typeof ZProfileSubmit>;

/** Answer of a draft save: the stored `seq` and time (a save ignored as stale returns the stored ones). */
export const ZDraftSaved = z.object({ savedAt: ZTimestamp, seq: z.int(), stale: z.boolean() });

/** An uploaded photo or document (image or PDF). */
export const ZProfileUpload = z.object({
  id: z.uuid(),
  kind: z.enum(['photo', 'document']),
  fileName: z.string(),
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  sizeBytes: z.int(),
  uploadedAt: ZTimestamp,
});
/** Upload. */
export type TProfileUpload = z.infer<typeof ZProfileUpload>;
/** `{ upload }`. */
export const ZProfileUploadBody = z.object({ upload: ZProfileUpload });
/**
 * Query of the upload route: `kind` photo (image only) or document (image or PDF) and the original
 * file name. The body is the raw file (any Content-Type); the type is checked from its bytes.
 */
export const ZProfileUploadQuery = z.object({
  kind: z.enum(['photo', 'document']),
  /** Longer names are shortened by the server ({@link cleanUploadName}), never refused. */
  fileName: z.string().trim().min(1).max(1000).default('upload'),
});

/** Longest stored upload name, in characters (code points). */
export const UPLOAD_NAME_MAX = 200;

/**
 * An upload's file name as stored and shown (as text, never markup): path separators (`/`, `\`) and
 * control/format characters removed, then shortened to `max` code points keeping the extension
 * (`.pdf`, up to 10 characters) — the base name is cut, not the end. Empty → `upload`.
 */
export function cleanUploadName(name: string, max = UPLOAD_NAME_MAX): string {
  const clean = name
    .replace(/[\\/]/g, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean || 'upload';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? Array.from(clean.slice(dot)) : [];
  const base = Array.from(clean.slice(0, ext.length > 0 ? dot : clean.length));
  return (
    `${base
      .slice(0, max - ext.length)
      .join('')
      .trimEnd()}${ext.join('')}` || 'upload'
  );
}

/** Answer of a submit (the same for a repeated submit of the same link: one record). */
export const ZSubmitReceipt = z.object({
  state: z.literal('submitted'),
  submittedAt: ZTimestamp,
  language: ZClientLanguage,
  /** Thank-you text in the client's language. */
  message: z.string(),
});

// ---------------------------------------------------------------------------------------------
// The form definition (public GET)

/**
 * A CEFR can-do statement of the German self-check, written for this project in plain language
 * (after the CEFR global scale, Council of Europe 2001/2020). `id` is `<level>_<n>`, e.g. `a2_3`.
 */
export const ZCanDoStatement = z.object({ id: z.string(), level: ZCefrLevel, text: z.string() });
/** One choice of a select field. */
export const ZOption = z.object({ value: z.string(), label: z.string() });

/**
 * The form in one language. `texts` holds every label, hint and button of the form, keyed by the
 * field (e.g. `spokenName.label`, `spokenName.hint`, `submit`, `savedAt`); the web shows them as
 * given (plain text) and uses its own locale files only for the page frame. `draft` is the client's
 * own draft so far, as typed (`ZProfileDraftAnswers`; continue on another device);
 * `prefill.givenName` is the only data from the record (nothing sensitive). Texts that are missing
 * in a language come in German: their keys are in `fallbackKeys` (option labels as
 * `<field>.<value>`, can-do statements as `canDo.<id>`), and the page marks them `lang="de"`.
 */
export const ZProfileForm = z.object({
  language: ZClientLanguage,
  dir: ZTextDirection,
  htmlLang: z.string(),
  /** Languages the client can switch to, with their own names (endonyms). */
  languages: z.array(z.object({ code: ZClientLanguage, name: z.string(), dir: ZTextDirection })),
  officeName: z.string(),
  expiresAt: ZTimestamp,
  prefill: z.object({ givenName: z.string() }),
  texts: z.record(z.string(), z.string()),
  canDo: z.array(ZCanDoStatement),
  options: z.object({
    schoolQualification: z.array(ZOption),
    languageSkill: z.array(ZOption),
    availability: z.array(ZOption),
    /** Common first languages (ISO 639) with their names in the form's language. */
    languages: z.array(ZOption),
  }),
  limits: z.object({
    uploadMaxBytes: z.int(),
    uploadTypes: z.array(z.string()),
    maxUploads: z.int(),
    maxOccupations: z.int(),
  }),
  draft: ZProfileDraft.extend({ savedAt: ZTimestamp.nullable() }),
  uploads: z.array(ZProfileUpload),
  fallbackKeys: z.array(z.string()),
});
/** Profile form. */
export type TProfileForm = z.infer<typeof ZProfileForm>;
/** Query of the public GET: the language to show (default: the link's language). */
export const ZProfileFormQuery = z.object({ lang: ZClientLanguage.optional() });
/** The shape of a profile token (43 base64url characters = 256 bits; 20–100 accepted). */
export const PROFILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;
/**
 * Path `{ token }`: any string; a token not matching {@link PROFILE_TOKEN_PATTERN} is answered like
 * an unknown link (404 `profile_link_unknown` in the client's language), never 400.
 */
export const ZTokenParams = z.object({ token: z.string().max(1000) });

/**
 * Problem of a public profile route: `detail` is in the link's language (`language`, with `dir`),
 * and nothing of the client is shown. Codes: `profile_link_unknown` (404), `profile_link_expired`,
 * `profile_link_used`, `profile_link_revoked` (410), `upload_too_large` (413),
 * `upload_type_not_allowed` (415), `validation` (400), `rate_limited` (429).
 */
export const ZPublicProblem = ZProblem.extend({
  language: ZClientLanguage.optional(),
  dir: ZTextDirection.optional(),
  /** Upload refused for its type: the type recognised from the bytes (null: unknown). */
  detectedType: z.string().nullable().optional(),
});

// ---------------------------------------------------------------------------------------------
// Submissions and confirmation (counsellor side)

/** State of a submission: waiting for the counsellor, or (partly) taken over into the record. */
export const ZSubmissionState = z.enum(['pending', 'confirmed']);

/**
 * Fields the counsellor can take over into the client record. `germanLevel` writes the suggested
 * level with `germanLevelSource: self_assessment` and the submission date; `school` writes
 * qualification, country and "foreign" (country ≠ DE); `mobility` writes radius and driving licence;
 * `languages` writes the spoken languages (without a level); `availability` writes the start of the
 * availability window `availableFrom` from `suggestedAvailableFrom` (`availableUntil` and
 * `wantedPlaceKinds` are not asked by the form). The school years have no field in the record: they
 * are shown for information only.
 */
export const ZTakeOverField = z.enum([
  'spokenName',
  'phone',
  'email',
  'languages',
  'germanLevel',
  'school',
  'workExperience',
  'wishedOccupationIds',
  'interests',
  'mobility',
  'availability',
]);
/** Take-over field. */
export type TTakeOverField = z.infer<typeof ZTakeOverField>;

/**
 * A submitted profile. `suggestedGermanLevel` is derived from the ticked can-do statements (see
 * `suggestGermanLevel` in the server: the highest level of which at least two thirds of the
 * statements are ticked, and every level below it at least half; null when not even A1 reaches it).
 */
export const ZProfileSubmission = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  linkId: z.uuid(),
  language: ZClientLanguage,
  state: ZSubmissionState,
  answers: ZProfileAnswers,
  suggestedGermanLevel: ZCefrLevel.nullable(),
  /**
   * The day the answers say the client can start (`YYYY-MM-DD`, for the record's `availableFrom`):
   * "now" → the day of the submission (German calendar day); "from a date" → that date; "after
   * school or course" → its date if one was given; otherwise null (nothing to take over).
   */
  suggestedAvailableFrom: ZDate.nullable(),
  /** Ticked statements per level, e.g. `{ A1: 4, A2: 3, B1: 1 }` of `canDoTotals`. */
  canDoTicked: z.record(z.string(), z.int()),
  canDoTotals: z.record(z.string(), z.int()),
  uploads: z.array(ZProfileUpload),
  submittedAt: ZTimestamp,
  confirmedAt: ZTimestamp.nullable(),
  confirmedByName: z.string().nullable(),
  confirmedFields: z.array(ZTakeOverField),
});
/** Submission. */
export type TProfileSubmission = z.infer<typeof ZProfileSubmission>;
/** The submissions of one client, newest first. */
export const ZProfileSubmissionList = z.object({ items: z.array(ZProfileSubmission) });
/** Path `{ id, submissionId }`. */
export const ZSubmissionParams = z.object({ id: z.uuid(), submissionId: z.uuid() });
/** Path `{ id, submissionId, uploadId }`. */
export const ZSubmissionUploadParams = ZSubmissionParams.extend({ uploadId: z.uuid() });

/**
 * Body of `POST …/confirm`: which answers to take over and the client `version` read (stale → 409
 * `conflict` with `changedFields`, as `PATCH /api/clients/:id`). Confirming again later with more
 * fields is allowed (the union is recorded).
 */
export const ZConfirmSubmission = z.strictObject({
  fields: z.array(ZTakeOverField).min(1),
  version: ZVersion,
});
/** Parsed confirmation. */
export type TConfirmSubmission = z.infer<typeof ZConfirmSubmission>;
/** Answer of a confirmation: the client as it is now and the submission. */
export const ZConfirmResult = z.object({ client: ZClient, submission: ZProfileSubmission });

/** Query of the application-profile PDF: `includeContact=true` adds the client's phone and e-mail. */
export const ZProfilePdfQuery = z.object({
  includeContact: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

// Letters and messages: in `self-service.letters.ts`, re-exported here.
export * from './self-service.letters';
