import { type Kysely, sql } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

/**
 * Matching (issue 6): what the engine needs of a client but the client record lacked — the availability
 * window (`available_from` ≤ `available_until`, dates) and the wanted kinds of place (`wanted_place_kinds`,
 * `TPlaceKind` values; empty = no preference) —, the weights and parameters per office (`match_config`,
 * one row per office once changed, `version` for optimistic updates; no row = the defaults, version 1),
 * and stored batch runs (`match_run` with the exact parameters, the config and its version, a fingerprint of
 * the data, status and progress; `match_run_result` the ranked lists).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('client')
    .addColumn('available_from', 'date')
    .addColumn('available_until', 'date')
    .addColumn('wanted_place_kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await sql`ALTER TABLE client ADD CONSTRAINT client_availability_order CHECK (available_until IS NULL OR available_from IS NULL OR available_until >= available_from)`.execute(
    db,
  );

  // The model cache fingerprints an office's matching consents on every suggestion request.
  await db.schema
    .createIndex('consent_office_purpose_idx')
    .on('consent')
    .columns(['office_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('match_config')
    .addColumn('office_id', 'uuid', (c) => c.primaryKey().references('office.id').onDelete('cascade'))
    // The full parameters as parsed by ZMatchConfig (weights and curve parameters, defaults filled in).
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 2`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('match_run')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope IN ('office')`))
    .addColumn('k', 'integer', (c) => c.notNull().check(sql`k BETWEEN 1 AND 50`))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('places', 'clients', 'both')`))
    .addColumn('filters', 'jsonb', (c) => c.notNull())
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('config_version', 'integer', (c) => c.notNull())
    .addColumn('data_stamp', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status IN ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('client_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('place_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    // Last sign of life of the process running it: a queued/running run without one for minutes was
    // interrupted (server stopped) and is shown as failed.
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('match_run_office_idx')
    .on('match_run')
    .columns(['office_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('match_run_result')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('match_run.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    // `places`: the client's list of places; `clients`: the place's list of clients.
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('places', 'clients')`))
    // Cascades: erasing a client or deleting a place removes it from stored lists too.
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('training_place.id').onDelete('cascade'))
    .addColumn('rank', 'smallint', (c) => c.notNull())
    .addColumn('score', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_run_result_pk', ['run_id', 'direction', 'client_id', 'place_id'])
    .execute();
  await db.schema
    .createIndex('match_run_result_client_idx')
    .on('match_run_result')
    .columns(['run_id', 'direction', 'client_id', 'rank'])
    .execute();
  await db.schema
    .createIndex('match_run_result_place_idx')
    .on('match_run_result')
    .columns(['run_id', 'direction', 'place_id', 'rank'])
    .execute();
  // Erasure of a client / deletion of a place finds their rows without a scan.
  await db.schema
    .createIndex('match_run_result_client_fk_idx')
    .on('match_run_result')
    .column('client_id')
    .execute();
  await db.schema
    .createIndex('match_run_result_place_fk_idx')
    .on('match_run_result')
    .column('place_id')
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
