import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import pino from 'pino';
import { seedDemo } from '../modules/demo/index';
import { loadReferenceData } from '../modules/reference/index';
import { systemContext } from '../platform/auth/context';
import { type Config, loadConfig } from '../platform/config';
import { openDatabase, PGLITE_EXTENSIONS } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrate';

/** Configuration every test app uses (quiet, demo off: the template already holds the demo data). */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...overrides,
  });
}

async function fill(handle: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  await migrateToLatest(handle.db);
  await loadReferenceData(handle.db, pino({ level: 'silent' }));
  await seedDemo(systemContext({ db: handle.db, config: testConfig(), log: pino({ level: 'silent' }) }));
}

/** Builds the migrated, demo-seeded PGlite database once and returns its dump (a tar). */
export async function buildPgliteTemplate(): Promise<Blob> {
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const handle = await openDatabase({ pglite });
  await fill(handle);
  const dump = await pglite.dumpDataDir('none');
  await handle.close();
  return dump;
}

/** Name of the template database on a PostgreSQL server (derived from the test database's name). */
export function templateName(databaseUrl: string): string {
  return `${new URL(databaseUrl).pathname.slice(1)}_tpl`;
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Builds the migrated, demo-seeded template database on the PostgreSQL server at `databaseUrl`. */
export async function buildPostgresTemplate(databaseUrl: string): Promise<string> {
  const name = templateName(databaseUrl);
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(databaseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await fill(handle);
  } finally {
    await handle.close();
  }
  return name;
}

/**
 * Drops a test database once its connections have gone. No FORCE: terminating a connection that is
 * still closing makes node-postgres report an error in whichever test file runs next; instead this
 * retries while PostgreSQL says the database is still in use (SQLSTATE 55006), up to ~10 s.
 */
export async function dropTestDatabase(databaseUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
