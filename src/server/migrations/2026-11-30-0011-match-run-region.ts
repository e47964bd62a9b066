import { type Kysely, sql } from 'kysely';

/**
 * Region runs (issue 6 "a run over a whole office or region"): `match_run.scope` may be `region`, and a
 * region run's parts — one ordinary office run per office of the region — point to it by `parent_id`
 * (deleted with it). Only an office run can be a part.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE match_run DROP CONSTRAINT match_run_scope_check`.execute(db);
  await sql`ALTER TABLE match_run ADD CONSTRAINT match_run_scope_check CHECK (scope IN ('office', 'region'))`.execute(
    db,
  );
  await sql`ALTER TABLE match_run ADD COLUMN parent_id uuid REFERENCES match_run (id) ON DELETE CASCADE`.execute(
    db,
  );
  await sql`ALTER TABLE match_run ADD CONSTRAINT match_run_part_is_office CHECK (parent_id IS NULL OR scope = 'office')`.execute(
    db,
  );
  await sql`CREATE INDEX match_run_parent_idx ON match_run (parent_id)`.execute(db);
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
