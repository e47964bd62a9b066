import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import { seedDemo } from './modules/demo/index';
import { loadReferenceData } from './modules/reference/index';
import { purgeExpiredProfileDrafts } from './modules/self-service/index';
import { ensureAdmin, purgeExpiredSessions } from './modules/users/index';
import { systemContext } from './platform/auth/context';
import type { Config } from './platform/config';
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrate';

/** Interval of the periodic housekeeping (expired sessions and self-service drafts), ms. */
const HOUSEKEEPING_MS = 60 * 60 * 1000;

/** A running application: the Fastify app over an open, migrated database. */
export interface Runtime {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** One-time admin password generated at first start (print once), else null. */
  adminOneTimePassword: string | null;
  /** Closes the app (finishing in-flight requests) and then the database. */
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, bootstraps the admin (or the demo installation
 * when `config.demo`), deletes expired sessions and expired self-service drafts (then every hour), and
 * builds the app. Used by `main.ts` and by tests alike.
 */
export async function createRuntime(config: Config, dbOptions?: OpenDatabaseOptions): Promise<Runtime> {
  const log: FastifyBaseLogger = pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel });
  const handle = await openDatabase(
    dbOptions ?? { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
  );
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    await loadReferenceData(handle.db, log);
    const ctx = systemContext({ db: handle.db, config, log });
    let adminOneTimePassword: string | null = null;
    if (config.demo) {
      if (await seedDemo(ctx)) log.info('demo installation seeded (see README: demo logins)');
    } else {
      adminOneTimePassword = (await ensureAdmin(ctx, { password: config.adminPassword })).oneTimePassword;
    }
    await purgeExpiredSessions(handle.db);
    await purgeExpiredProfileDrafts(ctx);
    const app = await buildApp(config, handle);
    // Drafts of links that expired unsubmitted are personal data nobody can reach any more: gone within the hour.
    const housekeeping = setInterval(() => {
      purgeExpiredSessions(handle.db)
        .then(() => purgeExpiredProfileDrafts(ctx))
        .then(
          (r) => r.links > 0 && log.info(r, 'expired self-service drafts deleted'),
          (err) => log.error({ err }, 'housekeeping failed'),
        );
    }, HOUSEKEEPING_MS);
    housekeeping.unref();
    return {
      app,
      handle,
      adminOneTimePassword,
      close: async () => {
        clearInterval(housekeeping);
        await app.close();
        await handle.close();
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
