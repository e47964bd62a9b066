import { type Kysely, sql } from 'kysely';

/**
 * Public KAUSA office directory, imported from the programme's office pages (`npm run import:offices`):
 * one row per office page, keyed by grant number when the page states one, else by lower(name).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('office_directory')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('coordination', 'state_office', 'service_centre')`),
    )
    .addColumn('location', 'text')
    .addColumn('postcode', 'char(5)')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('grant_number', 'text')
    .addColumn('funding_from', 'date')
    .addColumn('funding_to', 'date')
    .addColumn('land_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('operator_name', 'text')
    .addColumn('operator_address', 'text')
    .addColumn('operator_phone', 'text')
    .addColumn('operator_fax', 'text')
    .addColumn('operator_email', 'text')
    .addColumn('operator_website', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('description', 'text')
    .addColumn('focus_topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('funders', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('stories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('missing_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('office_id', 'uuid', (c) => c.references('office.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX office_directory_grant_unique ON office_directory (grant_number)
    WHERE grant_number IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX office_directory_name_unique ON office_directory (lower(name))
    WHERE grant_number IS NULL`.execute(db);
  await sql`CREATE INDEX office_directory_land_idx ON office_directory USING gin (land_codes)`.execute(db);
  await db.schema
    .createIndex('office_directory_office_idx')
    .on('office_directory')
    .column('office_id')
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
