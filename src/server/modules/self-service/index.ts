import type { FastifyPluginAsync } from 'fastify';
import type { ClientMergeHandler } from '../clients/index';
import { moveSent } from './letters.repository';
import { lettersRoutes } from './letters.routes';
import { moveLinks } from './links.repository';
import { moveSubmissions } from './profile.repository';
import { profileRoutes } from './profile.routes';
import { type PublicProfileRoutesOptions, publicProfileRoutes } from './public.routes';

/**
 * Self-service module (issue 7): the application profile in plain language filled by the client
 * through a private link (public routes under `/api/public/profile`), its confirmation into the
 * client record (through the clients module's `updateClient`, in one transaction with the marking
 * of the submission), the one-page German PDF, and letters (invitation, reminder, document
 * checklist) in seven languages with a sent-log. The only writer of `profile_link`,
 * `profile_upload`, `profile_submission` and `letter_sent`.
 */
export const selfServiceRoutes: FastifyPluginAsync<PublicProfileRoutesOptions> = async (app, opts) => {
  await app.register(profileRoutes);
  await app.register(publicProfileRoutes, opts);
  await app.register(lettersRoutes);
};

/** Merge handler: moves profile links, submissions and the sent-log of a merged-away client. */
export const moveSelfServiceToClient: ClientMergeHandler = async (trx, fromClientId, toClientId) => {
  await moveLinks(trx, fromClientId, toClientId);
  await moveSubmissions(trx, fromClientId, toClientId);
  await moveSent(trx, fromClientId, toClientId);
};

export { suggestGermanLevel } from './can-do';
export { type DraftPurgeResult, purgeExpiredProfileDrafts } from './links.purge';

/** A request URL with the token of a profile link replaced by `***` (for logs). */
export function redactProfileToken(url: string): string {
  return url.replace(/(\/api\/public\/profile\/)[^/?#]+/, '$1***');
}
export { CLIENT_TIME_ZONE, formatAppointment, pickClientLanguage } from './language';
