import { sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';

/** `ref IN (scope offices)` as SQL (true for an all-offices scope, false for an empty one). */
export function scoped(scope: OfficeScope, ref: string) {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/** A profile link row with the creator's display name and the submission id (read join on `app_user`). */
export interface LinkRow {
  id: string;
  client_id: string;
  office_id: string;
  language: string;
  expires_at: Date;
  created_at: Date;
  created_by_name: string | null;
  revoked_at: Date | null;
  draft: Record<string, unknown> | null;
  draft_seq: number;
  draft_saved_at: Date | null;
  submitted_at: Date | null;
  submission_id: string | null;
}

function linkQuery(db: Executor) {
  return db
    .selectFrom('profile_link as l')
    .leftJoin('app_user as u', 'u.id', 'l.created_by')
    .leftJoin('profile_submission as s', 's.link_id', 'l.id')
    .select([
      'l.id',
      'l.client_id',
      'l.office_id',
      'l.language',
      'l.expires_at',
      'l.created_at',
      'u.display_name as created_by_name',
      'l.revoked_at',
      'l.draft',
      'l.draft_seq',
      'l.draft_saved_at',
      'l.submitted_at',
      's.id as submission_id',
    ]);
}

/** Inserts a link (the token's SHA-256 only). @returns its id */
export async function insertLink(
  db: Executor,
  row: {
    client_id: string;
    office_id: string;
    token_hash: string;
    language: string;
    expires_at: Date;
    created_by: string | null;
  },
): Promise<string> {
  const r = await db.insertInto('profile_link').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The links of a client inside `scope`, newest first. */
export function selectLinksOfClient(db: Executor, scope: OfficeScope, clientId: string): Promise<LinkRow[]> {
  return linkQuery(db)
    .where(scoped(scope, 'l.office_id'))
    .where('l.client_id', '=', clientId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .execute();
}

/** One link of a client inside `scope`, or undefined. */
export function selectLink(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
  linkId: string,
): Promise<LinkRow | undefined> {
  return linkQuery(db)
    .where(scoped(scope, 'l.office_id'))
    .where('l.client_id', '=', clientId)
    .where('l.id', '=', linkId)
    .executeTakeFirst();
}

/** A link with what the public form shows: the client's given names and the office name. */
export type PublicLinkRow = LinkRow & { given_names: string; office_name: string };

/**
 * The link whose token hashes to `tokenHash`, locked `FOR UPDATE` of the link row when `lock` (inside
 * a transaction: draft, submit and upload serialise per link). The only read without an office
 * scope: the secret token is the key (public form, no sign-in).
 */
export function selectLinkByTokenHash(
  db: Executor,
  tokenHash: string,
  lock = false,
): Promise<PublicLinkRow | undefined> {
  let q = linkQuery(db)
    .innerJoin('client as c', 'c.id', 'l.client_id')
    .innerJoin('office as o', 'o.id', 'l.office_id')
    .select(['c.given_names', 'o.name as office_name'])
    .where('l.token_hash', '=', tokenHash);
  if (lock) q = q.forUpdate('l');
  return q.executeTakeFirst();
}

/** Marks a link revoked and drops its draft (data minimisation). @returns false when none or already revoked */
export async function revokeLink(
  db: Executor,
  scope: OfficeScope,
  linkId: string,
  userId: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('profile_link')
    .set({ revoked_at: sql`now()`, revoked_by: userId, draft: null, draft_saved_at: null })
    .where('id', '=', linkId)
    .where(scoped(scope, 'office_id'))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Stores the draft of an open link unless a newer one (`draft_seq` above `seq`) is stored.
 * @returns the stored seq and time after the call and whether this save was stale
 */
export async function saveDraft(
  db: Executor,
  linkId: string,
  opts: { draft: Record<string, unknown>; seq: number; language: string },
): Promise<{ seq: number; savedAt: Date; stale: boolean }> {
  const updated = await db
    .updateTable('profile_link')
    .set({
      draft: JSON.stringify(opts.draft),
      draft_seq: opts.seq,
      draft_saved_at: sql`now()`,
      language: opts.language,
    })
    .where('id', '=', linkId)
    .where('draft_seq', '<=', opts.seq)
    .returning(['draft_seq', 'draft_saved_at'])
    .executeTakeFirst();
  if (updated) return { seq: updated.draft_seq, savedAt: updated.draft_saved_at as Date, stale: false };
  const cur = await db
    .selectFrom('profile_link')
    .select(['draft_seq', 'draft_saved_at'])
    .where('id', '=', linkId)
    .executeTakeFirstOrThrow();
  return { seq: cur.draft_seq, savedAt: (cur.draft_saved_at as Date) ?? new Date(), stale: true };
}

/** Marks a link submitted (its draft moves to the submission) and remembers the language. */
export async function markSubmitted(db: Executor, linkId: string, language: string): Promise<void> {
  await db
    .updateTable('profile_link')
    .set({ submitted_at: sql`now()`, draft: null, language })
    .where('id', '=', linkId)
    .execute();
}

/** The language the client last chose on any link of theirs (newest link first), or undefined. */
export async function selectLastLanguage(
  db: Executor,
  scope: OfficeScope,
  clientId: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('profile_link')
    .select('language')
    .where(scoped(scope, 'office_id'))
    .where('client_id', '=', clientId)
    .orderBy(sql`coalesce(submitted_at, draft_saved_at, created_at)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.language;
}

/** Moves the links of a merged-away client to the kept one (merge handler). */
export async function moveLinks(db: Executor, fromClientId: string, toClientId: string): Promise<void> {
  await db
    .updateTable('profile_link')
    .set({ client_id: toClientId })
    .where('client_id', '=', fromClientId)
    .execute();
}
