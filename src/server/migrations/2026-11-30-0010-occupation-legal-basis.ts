import { type Kysely, sql } from 'kysely';

/**
 * The federal law of a training outside BBiG/HwO (occupation kind `federal_other`: "PflBG", "NotSanG",
 * "ATA-OTA-G"); null for BBiG/HwO occupations and EQ fields. Filled by the reference loader from
 * data/occupations.json (the file changed with this column, so its checksum makes installations reload it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE occupation ADD COLUMN legal_basis text`.execute(db);
}

/** Forward-only: no down migration. */
export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
