import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Created = Generated<Date>;
type Stamp = ColumnType<Date, Date | string, Date | string>;

/**
 * Table `profile_link`: a private, expiring link through which a client fills the application
 * profile (issue 7). Written only by the self-service links repository. `token_hash` is the SHA-256
 * (hex) of the token: the token itself is never stored. `draft` holds the answers typed so far
 * (`ZProfileDraft.answers`) until the submit moves them into `profile_submission`.
 */
export interface ProfileLinkTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  token_hash: string;
  /** Client language (`ZClientLanguage`): chosen at creation, then the one the client last picked. */
  language: string;
  expires_at: Stamp;
  created_by: string | null;
  created_at: Created;
  revoked_at: Stamp | null;
  revoked_by: string | null;
  draft: Json<Record<string, unknown>> | null;
  draft_seq: Generated<number>;
  draft_saved_at: Stamp | null;
  submitted_at: Stamp | null;
}

/** Table `profile_upload`: a photo or document (image/PDF, checked by magic bytes) uploaded through a link. */
export interface ProfileUploadTable {
  id: Generated<string>;
  link_id: string;
  office_id: string;
  kind: 'photo' | 'document';
  file_name: string;
  mime_type: string;
  size_bytes: number;
  content: Buffer;
  created_at: Created;
}

/** Table `profile_submission`: the answers of one link, submitted once (unique `link_id`). */
export interface ProfileSubmissionTable {
  id: Generated<string>;
  link_id: string;
  client_id: string;
  office_id: string;
  language: string;
  answers: Json<Record<string, unknown>>;
  suggested_german_level: string | null;
  submitted_at: Created;
  state: Generated<string>;
  confirmed_at: Stamp | null;
  confirmed_by: string | null;
  confirmed_fields: Generated<string[]>;
}

/** Table `letter_sent`: the sent-log of letters (printed or e-mailed), with the consent relied on. */
export interface LetterSentTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  kind: string;
  language: string;
  used_language: string;
  channel: 'print' | 'email';
  recipient: string | null;
  subject: string;
  sent_at: Created;
  sent_by: string | null;
  consent_id: string | null;
  message_id: string | null;
}

/** The self-service tables (merged into `Database`). */
export interface SelfServiceTables {
  profile_link: ProfileLinkTable;
  profile_upload: ProfileUploadTable;
  profile_submission: ProfileSubmissionTable;
  letter_sent: LetterSentTable;
}
