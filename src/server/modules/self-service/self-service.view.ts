import type { TCefrLevel } from '../../../contracts/clients';
import {
  type TClientLanguage,
  type TProfileAnswers,
  type TProfileDraftAnswers,
  type TProfileLink,
  type TProfileLinkState,
  type TProfileSubmission,
  type TProfileUpload,
  type TTakeOverField,
  ZClientLanguage,
  ZProfileAnswers,
  ZProfileDraftAnswers,
} from '../../../contracts/self-service';
import { countCanDo } from './can-do';
import type { LinkRow } from './links.repository';
import type { SubmissionRow, UploadRow } from './profile.repository';

/** A stored language as a client language (German when the value is unknown). */
export function asLanguage(value: string): TClientLanguage {
  const p = ZClientLanguage.safeParse(value);
  return p.success ? p.data : 'de';
}

/** State of a link at `now`: submitted, else revoked, else expired, else open. */
export function linkState(
  row: Pick<LinkRow, 'submitted_at' | 'revoked_at' | 'expires_at'>,
  now: Date = new Date(),
): TProfileLinkState {
  if (row.submitted_at) return 'submitted';
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'open';
}

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** Maps a link row to the API shape. */
export function toLink(row: LinkRow, now: Date = new Date()): TProfileLink {
  return {
    id: row.id,
    clientId: row.client_id,
    language: asLanguage(row.language),
    state: linkState(row, now),
    createdAt: new Date(row.created_at).toISOString(),
    createdByName: row.created_by_name,
    expiresAt: new Date(row.expires_at).toISOString(),
    draftSavedAt: iso(row.draft_saved_at),
    submittedAt: iso(row.submitted_at),
    revokedAt: iso(row.revoked_at),
    submissionId: row.submission_id,
  };
}

/** Maps an upload row to the API shape. */
export function toUpload(row: UploadRow): TProfileUpload {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mimeType: row.mime_type as TProfileUpload['mimeType'],
    sizeBytes: row.size_bytes,
    uploadedAt: new Date(row.created_at).toISOString(),
  };
}

/** Stored answers parsed back (anything unexpected dropped rather than trusted). */
export function parseAnswers(value: unknown): TProfileAnswers {
  const p = ZProfileAnswers.safeParse(value ?? {});
  return p.success ? p.data : {};
}

/**
 * A stored draft parsed back field by field: a field that does not fit `ZProfileDraftAnswers` (an
 * old or damaged value) is dropped alone, so the rest of the client's input is never lost.
 */
export function parseDraftAnswers(value: unknown): TProfileDraftAnswers {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const shape = ZProfileDraftAnswers.shape;
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(value)) {
    if (!(field in shape)) continue;
    const p = shape[field as keyof typeof shape].safeParse(raw);
    if (p.success && p.data !== undefined) out[field] = p.data;
  }
  return out as TProfileDraftAnswers;
}

/** `YYYY-MM-DD` of a moment in Germany. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
}

/**
 * The day the answers say the client can start (`YYYY-MM-DD`): "now" → `submittedOn`; "from a
 * date" or "after school or course" → the date given; else (no date, "don't know") null.
 */
export function availableFromOf(
  answers: Pick<TProfileAnswers, 'availability' | 'availableFrom'>,
  submittedOn: string,
): string | null {
  switch (answers.availability) {
    case 'now':
      return submittedOn;
    case 'from_date':
    case 'after_school':
      return answers.availableFrom ?? null;
    default:
      return null;
  }
}

/** Maps a submission row (with the uploads of its link) to the API shape. */
export function toSubmission(row: SubmissionRow, uploads: readonly UploadRow[]): TProfileSubmission {
  const answers = parseAnswers(row.answers);
  const counts = countCanDo(answers.germanCanDo ?? []);
  return {
    id: row.id,
    clientId: row.client_id,
    linkId: row.link_id,
    language: asLanguage(row.language),
    state: row.state === 'confirmed' ? 'confirmed' : 'pending',
    answers,
    suggestedGermanLevel: (row.suggested_german_level as TCefrLevel | null) ?? null,
    suggestedAvailableFrom: availableFromOf(answers, berlinDay(new Date(row.submitted_at))),
    canDoTicked: counts.ticked,
    canDoTotals: counts.totals,
    uploads: uploads.filter((u) => u.link_id === row.link_id).map(toUpload),
    submittedAt: new Date(row.submitted_at).toISOString(),
    confirmedAt: iso(row.confirmed_at),
    confirmedByName: row.confirmed_by_name,
    confirmedFields: row.confirmed_fields as TTakeOverField[],
  };
}
