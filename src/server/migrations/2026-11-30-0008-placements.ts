import { type Kysely, sql } from 'kysely';

const now = sql`now()`;
const uuidPk = sql`gen_random_uuid()`;

/**
 * Placements (Vermittlung, issue 6; DOMAIN.md `Placement`): a client × training place pairing that a
 * counsellor acted on, with its stage and a dated history of stage changes. One open placement per
 * client and place (partial unique index over the open stages). The place's candidates already record
 * their `source` (`manual` | `matching`, migration 0006), so nothing is added to `place_candidate`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('placement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('client.id').onDelete('cascade'))
    // No cascade: a place with placements keeps its history (places are withdrawn, not deleted).
    .addColumn('place_id', 'uuid', (c) => c.notNull().references('training_place.id'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(
          sql`stage IN ('proposed', 'company_contacted', 'interview', 'internship_or_eq', 'contract', 'rejected', 'withdrawn')`,
        ),
    )
    .addColumn('stage_on', 'date', (c) => c.notNull())
    .addColumn('proposed_on', 'date', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('rejection_note', 'text')
    .addColumn('trial_kind', 'text', (c) => c.check(sql`trial_kind IN ('internship', 'entry_qualification')`))
    .addColumn('source', 'text', (c) =>
      c.notNull().defaultTo('manual').check(sql`source IN ('manual', 'matching')`),
    )
    // Score snapshot at creation: { score 0..1, factors[], flags[] } as the counsellor saw it.
    .addColumn('score', 'jsonb')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`CREATE UNIQUE INDEX placement_open_unique ON placement (client_id, place_id) WHERE stage IN ('proposed', 'company_contacted', 'interview', 'internship_or_eq')`.execute(
    db,
  );
  await db.schema.createIndex('placement_client_idx').on('placement').column('client_id').execute();
  await db.schema.createIndex('placement_place_idx').on('placement').columns(['place_id', 'stage']).execute();
  await db.schema
    .createIndex('placement_office_idx')
    .on('placement')
    .columns(['office_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('placement_stage_change')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placement.id').onDelete('cascade'))
    .addColumn('office_id', 'uuid', (c) => c.notNull().references('office.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('trial_kind', 'text')
    .addColumn('note', 'text')
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('placement_stage_change_placement_idx')
    .on('placement_stage_change')
    .columns(['placement_id', 'changed_on'])
    .execute();
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
