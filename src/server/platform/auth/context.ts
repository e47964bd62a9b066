import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { TRole } from '../../../contracts/common';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { ServerLanguage } from '../i18n';

/** The signed-in user a request acts for. */
export interface Actor {
  userId: string;
  role: TRole;
  officeId: string;
  displayName: string;
  sessionId: string;
  /** Signed in with a one-time password: may only change it (and read/sign out) until then. */
  mustChangePassword?: boolean;
  /** The installation itself (bootstrap, seeding, CLI imports), not a person. */
  system?: boolean;
}

/**
 * Everything a service needs about the request it serves: database, acting user (null when
 * anonymous), client address for the audit log, language, logger and configuration.
 * Services take it as first argument; routes pass `request.ctx`.
 */
export interface RequestContext {
  db: Kysely<Database>;
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  lang: ServerLanguage;
  log: FastifyBaseLogger;
  config: Config;
}

/** A context whose actor is known to be signed in (after `requireActor`). */
export type AuthedContext = RequestContext & { actor: Actor };

/**
 * Context for work the installation does by itself (first-start bootstrap, demo seeding, imports
 * from the command line): acts as admin, audited with no user id and `details.system`.
 */
export function systemContext(opts: {
  db: Kysely<Database>;
  config: Config;
  log: FastifyBaseLogger;
}): RequestContext {
  return {
    db: opts.db,
    actor: {
      userId: 'system',
      role: 'admin',
      officeId: 'system',
      displayName: 'system',
      sessionId: 'system',
      system: true,
    },
    ip: null,
    userAgent: null,
    lang: 'de',
    log: opts.log,
    config: opts.config,
  };
}
