import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

/**
 * Counselling (issue 4): clients with guardians and consents, cases with their stage history,
 * counselling sessions, tasks, referrals, training contracts, programme snapshots. Every personal
 * record carries the `office_id` that owns it; `version` columns guard against lost updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('spoken_name', 'text')
    .addColumn('date_of_birth', 'date')
    .addColumn('gender', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('messenger', 'text')
    .addColumn('street', 'text')
    .addColumn('postcode', 'char(5)')
    .addColumn('place', 'text')
    .addColumn('country_of_origin', 'char(2)')
    .addColumn('citizenship', 'char(2)')
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('german_level', 'varchar(2)')
    .addColumn('german_level_date', 'date')
    .addColumn('german_level_source', 'text')
    .addColumn('school_qualification', 'text')
    .addColumn('school_foreign', 'boolean')
    .addColumn('school_country', 'char(2)')
    .addColumn('school_recognition', 'text')
    .addColumn('work_experience', 'text')
    .addColumn('interests', 'text')
    .addColumn('strengths', 'text')
    .addColumn('wished_occupation_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('mobility_radius_km', 'integer')
    .addColumn('driving_licence', 'boolean')
    .addColumn('residence_status', 'text')
    .addColumn('residence_paragraph', 'text')
    .addColumn('residence_expires_on', 'date')
    .addColumn('work_permit', 'text')
    .addColumn('work_permit_expires_on', 'date')
    .addColumn('employment_status_at_entry', 'text')
    .addColumn('foreign_background', 'boolean')
    .addColumn('notes', 'text')
    .addColumn('name_keys', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('merged_into_id', 'uuid', (c) => c.references('client.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('client_office_idx').on('client').column('office_id').execute();
  await sql`CREATE INDEX client_name_keys_idx ON client USING gin (name_keys)`.execute(db);
  await sql`CREATE INDEX client_search_trgm ON client USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX client_search_fts ON client USING gin (to_tsvector('german', search_text))`.execute(
    db,
  );

  await db.schema
    .createTable('guardian')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('language', 'varchar(10)')
    .addColumn('involved_in_counselling', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('guardian_client_idx').on('guardian').column('client_id').execute();

  await db.schema
    .createTable('consent')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('guardian_id', 'uuid', (c) => c.references('guardian.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('withdrawn_on', 'date')
    .addColumn('withdrawn_recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('consent_client_idx').on('consent').column('client_id').execute();

  await db.schema
    .createTable('client_snapshot')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('entry', 'exit')`))
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX client_snapshot_once ON client_snapshot (client_id, kind)`.execute(db);

  await db.schema
    .createTable('case')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('counsellor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('first_contact'))
    .addColumn('outcome', 'text')
    .addColumn('opened_on', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn('closed_on', 'date')
    .addColumn('last_contact_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('case_office_stage_idx').on('case').columns(['office_id', 'stage']).execute();
  await db.schema.createIndex('case_client_idx').on('case').column('client_id').execute();

  await db.schema
    .createTable('case_stage_change')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('case_stage_change_case_idx')
    .on('case_stage_change')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('counselling_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('held'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('participants', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('language', 'varchar(10)')
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('notes', 'text')
    .addColumn('counsellor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('counselling_session_case_idx')
    .on('counselling_session')
    .columns(['case_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('case_id', 'uuid', (c) => c.references('case.id').onDelete('cascade'))
    .addColumn('session_id', 'uuid', (c) => c.references('counselling_session.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('owner_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('done_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('task_owner_idx')
    .on('task')
    .columns(['owner_id', 'done_at', 'due_on'])
    .execute();
  await db.schema.createIndex('task_case_idx').on('task').column('case_id').execute();

  await db.schema
    .createTable('referral')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('partner_kind', 'text', (c) => c.notNull())
    .addColumn('partner_name', 'text')
    .addColumn('referred_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('feedback_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('referral_case_idx').on('referral').column('case_id').execute();

  await db.schema
    .createTable('training_contract')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('company_postcode', 'char(5)')
    // No foreign key: the occupation list is reloaded from data/ (checked in the service instead).
    .addColumn('occupation_id', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'date')
    .addColumn('preceded_by', 'text')
    .addColumn('terminated_on', 'date')
    .addColumn('termination_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('training_contract_case_idx')
    .on('training_contract')
    .column('case_id')
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
