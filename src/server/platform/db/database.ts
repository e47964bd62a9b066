import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Database } from './schema';

// PostgreSQL bigint/numeric come back as strings by default; counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Which engine serves the database. */
export type DbDriver = 'pglite' | 'postgres';

/** An open database: the Kysely handle plus how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  driver: DbDriver;
  /** Closes the pool and, for PGlite, the embedded engine (else the process does not exit). */
  close(): Promise<void>;
  /** PGlite only: bulk load by `COPY` (see `CopyCsv`); absent on a PostgreSQL server. */
  copyCsv?: CopyCsv;
}

/**
 * Loads CSV text (no header, `,` delimiter, `"` quoting, empty unquoted field = NULL) into `columns`
 * of `table` with `COPY … FROM '/dev/blob'` — PGlite's way of feeding COPY (PGlite docs, "COPY …
 * /dev/blob"), several times cheaper for PostgreSQL to parse than the same rows as array parameters.
 * It runs on PGlite's single session, i.e. inside the transaction the caller holds open on the pool's
 * only connection: call it only from within such a transaction, between two awaited statements.
 * `table` and `columns` are SQL identifiers from code, never from input.
 * @returns the number of rows loaded
 */
export type CopyCsv = (table: string, columns: readonly string[], csv: string) => Promise<number>;

/** A Kysely executor: the database or an open transaction. Repositories take one of these. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Options of `openDatabase`: `databaseUrl` wins; else PGlite in `dataDir` (or `pglite` given ready-made). */
export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite instance created by the caller (tests load one from a dump); it is closed with the handle. */
  pglite?: PGlite;
}

/** The PGlite extensions we use (STACK.md): trigram similarity and accent folding for search. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/**
 * Opens the database: node-postgres against a real PostgreSQL server when `databaseUrl` is set,
 * otherwise embedded PGlite with files under `<dataDir>/pglite` through PGlite's own pg adapter
 * (STACK.md: `kysely-pglite` loses rows under concurrent transactions), locked against a second process.
 * @throws Error when another process holds the PGlite folder
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, admin command) must not crash the process:
    // the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => process.stderr.write(`database connection lost: ${err.message}\n`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, driver: 'postgres', close: () => db.destroy() };
  }
  let pglite = opts.pglite;
  let release: (() => Promise<void>) | undefined;
  if (!pglite) {
    const dir = resolve(opts.dataDir ?? './var', 'pglite');
    mkdirSync(dir, { recursive: true });
    // PGlite is single-process: a second server on the same folder would silently lose writes.
    release = await lockfile
      .lock(dir, { stale: 15_000, update: 5_000, realpath: false })
      .catch((err: { code?: string }) => {
        if (err.code === 'ELOCKED') {
          throw new Error(
            `The database folder ${dir} is in use by another KAUSA server (PGlite allows one process; set another DATA_DIR).`,
          );
        }
        throw err;
      });
    pglite = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS }).catch(async (err: unknown) => {
      await release?.();
      throw err;
    });
  }
  const engine = pglite;
  const pool = new pg.Pool(createPgConfig(engine) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const copyCsv: CopyCsv = async (table, columns, csv) => {
    const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const r = await engine.query(
      `copy ${ident(table)} (${columns.map(ident).join(', ')}) from '/dev/blob' with (format csv)`,
      [],
      { blob: new Blob([csv]) },
    );
    return r.affectedRows ?? 0;
  };
  return {
    db,
    driver: 'pglite',
    copyCsv,
    close: async () => {
      await db.destroy();
      await engine.close();
      await release?.();
    },
  };
}
