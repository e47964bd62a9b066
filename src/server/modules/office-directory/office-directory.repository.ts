import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { OfficeDirectoryTable } from '../../platform/db/schema';

/** A directory row as read (dates as `yyyy-mm-dd` text). */
export type DirectoryRow = Selectable<OfficeDirectoryTable>;
/** The columns an import writes (everything the page yields plus coordinates). */
export type DirectoryImportRow = Omit<
  Insertable<OfficeDirectoryTable>,
  'id' | 'office_id' | 'version' | 'created_at' | 'updated_at'
>;

// Dates are cast to text: node-postgres would turn a `date` into a local-midnight Date object.
const COLUMNS = [
  'id',
  'name',
  'kind',
  'location',
  'postcode',
  'lat',
  'lon',
  'grant_number',
  sql<string | null>`to_char(funding_from, 'YYYY-MM-DD')`.as('funding_from'),
  sql<string | null>`to_char(funding_to, 'YYYY-MM-DD')`.as('funding_to'),
  'land_codes',
  'operator_name',
  'operator_address',
  'operator_phone',
  'operator_fax',
  'operator_email',
  'operator_website',
  'contact_person',
  'description',
  'focus_topics',
  'funders',
  'stories',
  'missing_fields',
  'source_file',
  'office_id',
  'version',
  'created_at',
  'updated_at',
] as const;

/** Every directory entry, by name. The directory is public organisation data: no scope needed. */
export function selectDirectoryEntries(db: Executor): Promise<DirectoryRow[]> {
  return db.selectFrom('office_directory').select(COLUMNS).orderBy('name').execute();
}

/** One entry or undefined. */
export function selectDirectoryEntry(db: Executor, id: string): Promise<DirectoryRow | undefined> {
  return db.selectFrom('office_directory').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * The entry an imported page updates: the one with its grant number; without a grant number (or
 * when none has it yet) the one with the same name (case-insensitive) and no grant number.
 */
export async function selectEntryForImport(
  db: Executor,
  key: { grantNumber: string | null; name: string },
): Promise<DirectoryRow | undefined> {
  if (key.grantNumber) {
    const byGrant = await db
      .selectFrom('office_directory')
      .select(COLUMNS)
      .where('grant_number', '=', key.grantNumber)
      .executeTakeFirst();
    if (byGrant) return byGrant;
  }
  return db
    .selectFrom('office_directory')
    .select(COLUMNS)
    .where(sql`lower(name)`, '=', key.name.toLowerCase())
    .where('grant_number', 'is', null)
    .executeTakeFirst();
}

/** Inserts an imported entry and returns it. */
export async function insertDirectoryEntry(db: Executor, row: DirectoryImportRow): Promise<DirectoryRow> {
  const { id } = await db
    .insertInto('office_directory')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await selectDirectoryEntry(db, id)) as DirectoryRow;
}

/** Overwrites the imported columns of an entry (keeps its office link), bumping its version. */
export async function updateImportedEntry(
  db: Executor,
  id: string,
  row: DirectoryImportRow,
): Promise<DirectoryRow> {
  await db
    .updateTable('office_directory')
    .set({ ...row, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  return (await selectDirectoryEntry(db, id)) as DirectoryRow;
}

/**
 * Sets an entry's office link if its `version` still equals `version`, bumping the version.
 * @returns the new row, or undefined when the version was stale or the entry is gone
 */
export async function updateDirectoryLink(
  db: Executor,
  id: string,
  version: number,
  officeId: string | null,
): Promise<DirectoryRow | undefined> {
  const r = await db
    .updateTable('office_directory')
    .set({ office_id: officeId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return r ? selectDirectoryEntry(db, id) : undefined;
}
