import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { scoped } from './links.repository';

/** An upload without its bytes. */
export interface UploadRow {
  id: string;
  link_id: string;
  kind: 'photo' | 'document';
  file_name: string;
  mime_type: string;
  size_bytes: number;
  created_at: Date;
}

const UPLOAD_COLUMNS = [
  'id',
  'link_id',
  'kind',
  'file_name',
  'mime_type',
  'size_bytes',
  'created_at',
] as const;

/** Stores an uploaded file of a link. @returns the row without its bytes */
export function insertUpload(
  db: Executor,
  row: {
    link_id: string;
    office_id: string;
    kind: 'photo' | 'document';
    file_name: string;
    mime_type: string;
    size_bytes: number;
    content: Buffer;
  },
): Promise<UploadRow> {
  return db.insertInto('profile_upload').values(row).returning(UPLOAD_COLUMNS).executeTakeFirstOrThrow();
}

/** The uploads of links, oldest first (without bytes). */
export function selectUploads(db: Executor, linkIds: readonly string[]): Promise<UploadRow[]> {
  if (linkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('profile_upload')
    .select(UPLOAD_COLUMNS)
    .where('link_id', 'in', linkIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Deletes one upload of a link. @returns false when there was none */
export async function deleteUpload(db: Executor, linkId: string, uploadId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('profile_upload')
    .where('link_id', '=', linkId)
    .where('id', '=', uploadId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Deletes the uploads of a link that are not in `keep` (files the submit does not reference). */
export async function deleteUploadsExcept(
  db: Executor,
  linkId: string,
  keep: readonly string[],
): Promise<void> {
  let q = db.deleteFrom('profile_upload').where('link_id', '=', linkId);
  if (keep.length > 0) q = q.where('id', 'not in', keep);
  await q.execute();
}

/** Deletes every upload of a link inside `scope` (revoked link). */
export async function deleteUploadsOfLink(db: Executor, scope: OfficeScope, linkId: string): Promise<void> {
  await db
    .deleteFrom('profile_upload')
    .where('link_id', '=', linkId)
    .where(scoped(scope, 'office_id'))
    .execute();
}

/** The bytes of one upload of a submission inside `scope`, or undefined. */
export function selectUploadContent(
  db: Executor,
  scope: OfficeScope,
  opts: { clientId: string; submissionId: string; uploadId: string },
): Promise<(UploadRow & { content: Buffer }) | undefined> {
  return db
    .selectFrom('profile_upload as u')
    .innerJoin('profile_submission as s', 's.link_id', 'u.link_id')
    .select([
      'u.id',
      'u.link_id',
      'u.kind',
      'u.file_name',
      'u.mime_type',
      'u.size_bytes',
      'u.created_at',
      'u.content',
    ])
    .where(scoped(scope, 's.office_id'))
    .where('s.client_id', '=', opts.clientId)
    .where('s.id', '=', opts.submissionId)
    .where('u.id', '=', opts.uploadId)
    .executeTakeFirst();
}

/** A submission row with the confirming user's display name. */
export interface SubmissionRow {
  id: string;
  link_id: string;
  client_id: string;
  office_id: string;
  language: string;
  answers: Record<string, unknown>;
  suggested_german_level: string | null;
  submitted_at: Date;
  state: string;
  confirmed_at: Date | null;
  confirmed_by_name: string | null;
  confirmed_fields: string[];
}

function submissionQuery(db: Executor) {
  return db
    .selectFrom('profile_submission as s')
    .leftJoin('app_user as u', 'u.id', 's.confirmed_by')
    .select([
      's.id',
      's.link_id',
      's.client_id',
      's.office_id',
      's.language',
      's.answers',
      's.suggested_german_level',
      's.submitted_at',
      's.state',
      's.confirmed_at',
      'u.display_name as confirmed_by_name',
      's.confirmed_fields',
    ]);
}

/**
 * Inserts the submission of a link once: a second insert for the same link does nothing (unique
 * `link_id`), so a double submit leaves one record. @returns the submission of the link
 */
export async function insertSubmissionOnce(
  db: Executor,
  row: {
    link_id: string;
    client_id: string;
    office_id: string;
    language: string;
    answers: Record<string, unknown>;
    suggested_german_level: string | null;
  },
): Promise<SubmissionRow> {
  await db
    .insertInto('profile_submission')
    .values({ ...row, answers: JSON.stringify(row.answers) })
    .onConflict((oc) => oc.column('link_id').doNothing())
    .execute();
  return submissionQuery(db).where('s.link_id', '=', row.link_id).executeTakeFirstOrThrow();
}

/** The submission of a link, or undefined. */
export function selectSubmissionOfLink(db: Executor, linkId: string): Promise<SubmissionRow | undefined> {
  return submissionQuery(db).where('s.link_id', '=', linkId).executeTakeFirst();
}

/** The submissions of a client inside `scope`, newest first. */
export function selectSubmissions(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
): Promise<SubmissionRow[]> {
  return submissionQuery(db)
    .where(scoped(scope, 's.office_id'))
    .where('s.client_id', '=', clientId)
    .orderBy('s.submitted_at', 'desc')
    .orderBy('s.id')
    .execute();
}

/** One submission of a client inside `scope` (locked for update when `lock`), or undefined. */
export function selectSubmission(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
  id: string,
  lock = false,
): Promise<SubmissionRow | undefined> {
  let q = submissionQuery(db)
    .where(scoped(scope, 's.office_id'))
    .where('s.client_id', '=', clientId)
    .where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

/** The newest confirmed submission of a client inside `scope` (for the PDF), or undefined. */
export function selectLatestConfirmed(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
): Promise<SubmissionRow | undefined> {
  return submissionQuery(db)
    .where(scoped(scope, 's.office_id'))
    .where('s.client_id', '=', clientId)
    .where('s.state', '=', 'confirmed')
    .orderBy('s.confirmed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Records a confirmation: state `confirmed`, who and when, the union of the confirmed fields. */
export async function markConfirmed(
  db: Executor,
  scope: OfficeScope,
  id: string,
  opts: { fields: readonly string[]; userId: string | null },
): Promise<void> {
  await db
    .updateTable('profile_submission')
    .set({
      state: 'confirmed',
      confirmed_at: sql`now()`,
      confirmed_by: opts.userId,
      confirmed_fields: sql`(select coalesce(array_agg(distinct f order by f), '{}') from unnest(confirmed_fields || ${sql.val([...opts.fields])}::text[]) f)`,
    })
    .where('id', '=', id)
    .where(scoped(scope, 'office_id'))
    .execute();
}

/** Moves the submissions of a merged-away client to the kept one (merge handler). */
export async function moveSubmissions(db: Executor, fromClientId: string, toClientId: string): Promise<void> {
  await db
    .updateTable('profile_submission')
    .set({ client_id: toClientId })
    .where('client_id', '=', fromClientId)
    .execute();
}
