import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import { seedDemo } from './modules/demo/index';
import { loadReferenceData } from './modules/reference/index';
import { ensureAdmin, purgeExpiredSessions } from './modules/users/index';
import { systemContext } from './platform/auth/context';
import type { Config } from './platform/config';
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrate';

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
 * when `config.demo`), and builds the app. Used by `main.ts` and by tests alike.
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
    const app = await buildApp(config, handle);
    return {
      app,
      handle,
      adminOneTimePassword,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
