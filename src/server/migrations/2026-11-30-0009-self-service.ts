import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

/**
 * Client self-service (issue 7): private profile links (only the SHA-256 of each token is stored),
 * uploaded photos/documents, submitted application profiles and the sent-log of letters. Every row
 * carries the `office_id` owning the client.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('profile_link')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('draft', 'jsonb')
    .addColumn('draft_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft_saved_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('profile_link_client_idx').on('profile_link').column('client_id').execute();

  await db.schema
    .createTable('profile_upload')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('link_id', 'uuid', (c) => c.notNull().references('profile_link.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('photo', 'document')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('profile_upload_link_idx').on('profile_upload').column('link_id').execute();

  await db.schema
    .createTable('profile_submission')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('link_id', 'uuid', (c) =>
      c.notNull().unique().references('profile_link.id').onDelete('cascade'),
    )
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('suggested_german_level', 'varchar(2)')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`state IN ('pending', 'confirmed')`),
    )
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('confirmed_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema
    .createIndex('profile_submission_client_idx')
    .on('profile_submission')
    .column('client_id')
    .execute();

  await db.schema
    .createTable('letter_sent')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('used_language', 'varchar(10)', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('print', 'email')`))
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('sent_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('consent_id', 'uuid', (c) => c.references('consent.id'))
    .addColumn('message_id', 'text')
    .execute();
  await db.schema
    .createIndex('letter_sent_client_idx')
    .on('letter_sent')
    .columns(['client_id', 'sent_at'])
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
