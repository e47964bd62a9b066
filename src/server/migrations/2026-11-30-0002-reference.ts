import { type Kysely, sql } from 'kysely';

/**
 * Reference data: Länder, Kreise, postcodes with places and centroids (GeoNames), KldB 2010,
 * recognised training occupations, and the version/checksum of each loaded data set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_dataset')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('land')
    .addColumn('code', 'char(2)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('population', 'integer')
    .execute();

  await db.schema
    .createTable('kreis')
    .addColumn('ags', 'char(5)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('land_code', 'char(2)', (c) => c.notNull())
    .addColumn('population', 'integer')
    .execute();

  await db.schema
    .createTable('postcode')
    .addColumn('postcode', 'char(5)', (c) => c.primaryKey())
    .addColumn('land_code', 'char(2)', (c) => c.notNull())
    .addColumn('kreis_ags', 'char(5)', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('postcode_place')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('postcode', 'char(5)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('postcode_place_postcode_idx')
    .on('postcode_place')
    .column('postcode')
    .execute();
  await sql`CREATE INDEX postcode_place_search_idx ON postcode_place (search_name text_pattern_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('kldb')
    .addColumn('code', 'varchar(5)', (c) => c.primaryKey())
    .addColumn('level', 'smallint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(5)')
    .execute();
  await db.schema.createIndex('kldb_parent_idx').on('kldb').column('parent_code').execute();

  await db.schema
    .createTable('occupation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_female', 'text', (c) => c.notNull())
    .addColumn('name_male', 'text', (c) => c.notNull())
    .addColumn('kldb', 'char(5)', (c) => c.notNull())
    .addColumn('duration_months', 'smallint', (c) => c.notNull())
    .addColumn('chamber', sql`text[]`, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('aliases', sql`text[]`, (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX occupation_search_trgm ON occupation USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await db.schema.createIndex('occupation_kldb_idx').on('occupation').column('kldb').execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
