import { type Kysely, sql } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

/**
 * Companies (acquisition pipeline, contact persons, contact log, advice checklist), training places
 * (requirement profile, candidates, proposals) and import jobs — issue 5. Names follow DOMAIN.md
 * (`Company`, `TrainingPlace`, `AcquisitionChannel`). Company follow-ups reuse the `task` table
 * (new nullable `company_id`) so a counsellor has one task list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('company')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text')
    .addColumn('sector', 'varchar(1)') // WZ 2008 section letter A–U
    .addColumn('employees', 'integer')
    .addColumn('street', 'text')
    .addColumn('postcode', 'char(5)')
    .addColumn('place', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('chamber', 'text')
    .addColumn('owner_migration_background', 'boolean') // null = not declared (voluntary)
    .addColumn('owner_languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('authorised_to_train', 'text') // yes | no | in_progress
    .addColumn('qualified_trainer', 'text') // yes | no | in_progress
    .addColumn('training_history', 'text') // never | not_recently | training_now
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('identified'))
    .addColumn('stage_changed_on', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn('acquisition_channel', 'text') // cold_call | outreach_visit | referral
    .addColumn('acquisition_referred_by', 'text')
    .addColumn('acquisition_on', 'date')
    .addColumn('owner_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('notes', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('merged_into_id', 'uuid', (c) => c.references('company.id'))
    .addColumn('import_job_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('company_office_stage_idx')
    .on('company')
    .columns(['office_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('company_duplicate_idx')
    .on('company')
    .columns(['office_id', 'name_key', 'postcode'])
    .execute();
  await sql`CREATE INDEX company_search_trgm ON company USING gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('company_stage_change')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('company_stage_change_company_idx')
    .on('company_stage_change')
    .column('company_id')
    .execute();

  await db.schema
    .createTable('company_contact_person')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // owner | managing_director | trainer | hr | other
    .addColumn('job_title', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('company_contact_person_company_idx')
    .on('company_contact_person')
    .column('company_id')
    .execute();

  await db.schema
    .createTable('company_contact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('contacted_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | visit | email | event | letter | video | other
    .addColumn('contact_person_id', 'uuid', (c) =>
      c.references('company_contact_person.id').onDelete('set null'),
    )
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text')
    .addColumn('task_id', 'uuid', (c) => c.references('task.id').onDelete('set null'))
    .addColumn('counsellor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('company_contact_company_idx')
    .on('company_contact')
    .columns(['company_id', 'contacted_on'])
    .execute();

  await db.schema
    .createTable('company_advice_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open')) // open | in_progress | done | not_applicable
    .addColumn('state_on', 'date')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('company_advice_item_unique', ['company_id', 'item'])
    .execute();

  await sql`ALTER TABLE task ADD COLUMN company_id uuid REFERENCES company(id) ON DELETE CASCADE`.execute(db);
  await db.schema.createIndex('task_company_idx').on('task').column('company_id').execute();

  await db.schema
    .createTable('training_place')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // apprenticeship | internship | entry_qualification | taster_day
    // No foreign key: the occupation list is reloaded from data/ (checked in the service instead).
    .addColumn('occupation_id', 'text')
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1).check(sql`seats > 0`))
    .addColumn('starts_on', 'date')
    .addColumn('duration_months', 'integer')
    .addColumn('postcode', 'char(5)')
    .addColumn('place', 'text')
    .addColumn('street', 'text')
    .addColumn('min_school_qualification', 'text')
    .addColumn('min_german_level', 'varchar(2)')
    .addColumn('driving_licence_required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('language_support', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('contact_person_id', 'uuid', (c) =>
      c.references('company_contact_person.id').onDelete('set null'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | filled | withdrawn
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual')) // manual | csv | xlsx | ba
    .addColumn('external_ref', 'text') // e.g. the BA reference number (refnr)
    .addColumn('import_job_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('training_place_office_status_idx')
    .on('training_place')
    .columns(['office_id', 'status'])
    .execute();
  await db.schema
    .createIndex('training_place_company_idx')
    .on('training_place')
    .column('company_id')
    .execute();
  await db.schema
    .createIndex('training_place_occupation_idx')
    .on('training_place')
    .column('occupation_id')
    .execute();
  await sql`CREATE UNIQUE INDEX training_place_external_ref_idx ON training_place (office_id, source, external_ref) WHERE external_ref IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('place_requirement_profile')
    .addColumn('place_id', 'uuid', (c) => c.primaryKey().references('training_place.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('tasks', 'text')
    .addColumn('must_haves', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('nice_to_haves', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('working_hours', 'text')
    .addColumn('language_needs', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('place_proposal')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('training_place.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('sent_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // email | letter | phone | visit | other
    .addColumn('note', 'text')
    .addColumn('sent_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('place_proposal_place_idx').on('place_proposal').column('place_id').execute();

  await db.schema
    .createTable('place_candidate')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('training_place.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual')) // manual | matching
    .addColumn('score', 'double precision')
    .addColumn('assessment', 'text') // suitable | suitable_with_support | not_suitable
    .addColumn('assessment_note', 'text')
    .addColumn('proposal_id', 'uuid', (c) => c.references('place_proposal.id').onDelete('set null'))
    .addColumn('answer', 'text') // interview | internship | rejected
    .addColumn('answer_on', 'date')
    .addColumn('answer_reason', 'text')
    .addColumn('added_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('place_candidate_unique', ['place_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('place_candidate_client_idx')
    .on('place_candidate')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('import_job')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('target', 'text', (c) => c.notNull()) // companies | places
    .addColumn('format', 'text', (c) => c.notNull()) // csv | xlsx | ba
    .addColumn('file_name', 'text')
    .addColumn('file_bytes', 'bytea')
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('headers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('mapping', 'jsonb')
    // uploaded | validating | validated | invalid | committing | committed | failed
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('uploaded'))
    .addColumn('total_rows', 'integer')
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('import_job_office_idx')
    .on('import_job')
    .columns(['office_id', 'created_at'])
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
