import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { TCreatedProfileLink, TCreateProfileLink, TProfileLink } from '../../../contracts/self-service';
import { audit } from '../../platform/audit/audit';
import { hashToken } from '../../platform/auth/auth.plugin';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { getClientAccess, hasActiveConsent } from '../clients/index';
import * as links from './links.repository';
import { deleteUploadsOfLink } from './profile.repository';
import { toLink } from './self-service.view';

/** Bytes of randomness in a profile-link token: 32 (256 bits, 43 base64url characters). */
export const TOKEN_BYTES = 32;

/** The office scope of self-service records: the actor's own office (like clients). */
export function selfServiceScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** The public address of the form for a token: `PUBLIC_URL/profile/<token>` (a page of the web app). */
export function profileUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/profile/${token}`;
}

/** The QR code of `url` as SVG markup (error correction M, quiet zone of 2 modules). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The client behind a self-service request, when the actor may act on it (own office, else 404; a
 * merged-away record answers 409 `conflict` with `mergedIntoId` for writes).
 */
export async function requireClient(
  ctx: RequestContext,
  clientId: string,
  opts: { write: boolean; db?: Executor },
) {
  const client = await getClientAccess(ctx, clientId, opts.db);
  if (opts.write && client.mergedIntoId) {
    throw new AppError('conflict', [{ field: 'params.id', code: 'merged' }], {
      mergedIntoId: client.mergedIntoId,
    });
  }
  return client;
}

/**
 * Creates a private profile link for a client of the actor's office: a random 256-bit token (only
 * its SHA-256 is stored), valid for `expiresInDays` days, in `language`. Needs an active
 * counselling consent (the form collects personal data for counselling). Audited without the token.
 * @returns the link, the token, the URL and its QR code (SVG): shown once
 * @throws `forbidden`, `not_found`, `conflict` (merged record), `counselling_consent_required` (422)
 */
export async function createProfileLink(
  ctx: RequestContext,
  clientId: string,
  input: TCreateProfileLink,
): Promise<TCreatedProfileLink> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = selfServiceScope(actor);
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const link = await ctx.db.transaction().execute(async (trx) => {
    const client = await requireClient(ctx, clientId, { write: true, db: trx });
    if (!(await hasActiveConsent(trx, clientId, 'counselling'))) {
      throw new AppError('counselling_consent_required', [{ field: 'params.id', code: 'consent_missing' }]);
    }
    const expires = new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000);
    const id = await links.insertLink(trx, {
      client_id: clientId,
      office_id: client.officeId,
      token_hash: hashToken(token),
      language: input.language,
      expires_at: expires,
      created_by: actor.system ? null : actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'profile_link',
      entityId: id,
      officeId: client.officeId,
      details: { clientId, language: input.language, expiresAt: expires.toISOString() },
    });
    return links.selectLink(trx, scope, clientId, id);
  });
  if (!link) throw notFound();
  const url = profileUrl(ctx.config.publicUrl, token);
  return { link: toLink(link), token, url, qrSvg: await qrSvg(url) };
}

/** The profile links of a client of the actor's office, newest first, with their state. @throws `forbidden`, `not_found` */
export async function listProfileLinks(ctx: RequestContext, clientId: string): Promise<TProfileLink[]> {
  const actor = requireAccess(ctx, 'read', 'client');
  await requireClient(ctx, clientId, { write: false });
  const rows = await links.selectLinksOfClient(ctx.db, selfServiceScope(actor), clientId);
  const now = new Date();
  return rows.map((r) => toLink(r, now));
}

/**
 * Revokes a link: it stops working at once, its draft and uploads are deleted. Revoking a revoked
 * or expired link is fine; a submitted link cannot be revoked (its answers are a submission now).
 * @throws `forbidden`, `not_found`, `profile_link_not_open` (409: already submitted)
 */
export async function revokeProfileLink(
  ctx: RequestContext,
  clientId: string,
  linkId: string,
): Promise<TProfileLink> {
  const actor = requireAccess(ctx, 'update', 'client');
  const scope = selfServiceScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await requireClient(ctx, clientId, { write: false, db: trx });
    const link = await links.selectLink(trx, scope, clientId, linkId);
    if (!link) throw notFound();
    if (link.submitted_at) throw new AppError('profile_link_not_open');
    if (!link.revoked_at) {
      await deleteUploadsOfLink(trx, scope, linkId);
      await links.revokeLink(trx, scope, linkId, actor.system ? null : actor.userId);
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'profile_link',
        entityId: linkId,
        officeId: link.office_id,
        details: { clientId, revoked: true },
      });
    }
    const after = await links.selectLink(trx, scope, clientId, linkId);
    if (!after) throw notFound();
    return toLink(after);
  });
}
