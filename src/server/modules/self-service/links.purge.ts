import { sql } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';

/**
 * Housekeeping of the self-service form (privacy by design, Art. 5 (1) c and e GDPR: data minimisation and
 * storage limitation): a link that expired unsubmitted can no longer be opened by anybody — the client sees
 * "expired", counsellors only ever see submissions — so what the client typed (the draft) and uploaded is
 * deleted. The link row stays (its state "expired" in the client's list), as for a revoked link.
 */

/** What one purge removed. */
export interface DraftPurgeResult {
  /** Links whose draft or uploads were deleted. */
  links: number;
  /** Uploaded files deleted. */
  uploads: number;
}

/**
 * Deletes the draft and the uploads of every link, in all offices, that expired before `now` without a
 * submission; one audit entry per link (`delete` of `profile_draft`, with the client and the number of
 * uploads), in the same transaction. Idempotent: a second run finds nothing.
 * @param ctx a system context (runs without a user: at start and every hour, see server.ts)
 */
export async function purgeExpiredProfileDrafts(
  ctx: RequestContext,
  now: Date = new Date(),
): Promise<DraftPurgeResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const stale = await trx
      .selectFrom('profile_link as l')
      .select((eb) => [
        'l.id',
        'l.client_id',
        'l.office_id',
        eb
          .selectFrom('profile_upload as u')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('u.link_id', '=', 'l.id')
          .as('uploads'),
      ])
      .where('l.submitted_at', 'is', null)
      .where('l.expires_at', '<', now)
      .where((eb) =>
        eb.or([
          eb('l.draft', 'is not', null),
          eb.exists(eb.selectFrom('profile_upload as u').select('u.id').whereRef('u.link_id', '=', 'l.id')),
        ]),
      )
      .forUpdate()
      .execute();
    if (stale.length === 0) return { links: 0, uploads: 0 };
    const ids = stale.map((l) => l.id);
    await trx.deleteFrom('profile_upload').where('link_id', 'in', ids).execute();
    await trx
      .updateTable('profile_link')
      .set({ draft: null, draft_saved_at: null })
      .where('id', 'in', ids)
      .execute();
    let uploads = 0;
    for (const l of stale) {
      uploads += Number(l.uploads ?? 0);
      await audit(ctx, trx, {
        action: 'delete',
        entityType: 'profile_draft',
        entityId: l.id,
        officeId: l.office_id,
        details: { clientId: l.client_id, reason: 'link_expired', uploads: Number(l.uploads ?? 0) },
      });
    }
    return { links: stale.length, uploads };
  });
}
