import { type Kysely, sql } from 'kysely';

/**
 * Population density of each Kreis in inhabitants per km² (Destatis 2018 via the
 * `landkreise-deutschland` package, CC BY 4.0), used to derive the programme field "rural residence"
 * of a client (density below 150 /km², see `clients.programme.ts`). Filled by the reference loader.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE kreis ADD COLUMN population_per_km2 double precision`.execute(db);
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
