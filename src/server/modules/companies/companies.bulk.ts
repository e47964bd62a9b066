import { randomUUID } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { TCompanyImportRow } from '../../../contracts/imports.rows';
import { lockReferencedRows, withRowTriggersOff } from '../../platform/db/bulk';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { todayIso } from './companies.access';
import { buildCompanySearchText, companyNameKey } from './companies.text';

/** Rows per INSERT statement (one array parameter per column, so the size is a memory question only). */
const CHUNK = 1000;

/** Key of `findCompaniesByKeys`' map: `${nameKey}|${postcode ?? ''}`. */
export function companyKey(nameKey: string, postcode: string | null): string {
  return `${nameKey}|${postcode ?? ''}`;
}

/**
 * The existing companies of office `officeId` (merged ones ignored) for the given name keys and
 * postcodes, for the importer's duplicate check. One query whatever the number of keys (an array
 * parameter). When several companies share a key, the oldest wins. No access check: the caller
 * (imports service) has checked access and passes the actor's office.
 * @returns map from `${nameKey}|${postcode ?? ''}` to the company's id, name, postcode and pipeline stage
 */
export async function findCompaniesByKeys(
  exec: Executor,
  officeId: string,
  keys: ReadonlyArray<{ nameKey: string; postcode: string | null }>,
): Promise<Map<string, { id: string; name: string; postcode: string | null; stage: string }>> {
  const out = new Map<string, { id: string; name: string; postcode: string | null; stage: string }>();
  if (keys.length === 0) return out;
  const wanted = new Set(keys.map((k) => companyKey(k.nameKey, k.postcode)));
  const nameKeys = [...new Set(keys.map((k) => k.nameKey))];
  const rows = await exec
    .selectFrom('company as c')
    .select(['c.id', 'c.name', 'c.name_key', 'c.stage', sql<string | null>`trim(c.postcode)`.as('postcode')])
    .where('c.office_id', '=', officeId)
    .where('c.merged_into_id', 'is', null)
    .where(sql<boolean>`c.name_key = any(${nameKeys}::text[])`)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    const key = companyKey(r.name_key, r.postcode);
    if (wanted.has(key) && !out.has(key))
      out.set(key, { id: r.id, name: r.name, postcode: r.postcode, stage: r.stage });
  }
  return out;
}

/** A text array as a PostgreSQL array literal (`{"tr","de"}`), for a `text[]` column inside `unnest`. */
function arrayLiteral(values: readonly string[]): string {
  return `{${[...new Set(values)].map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * The company columns a bulk insert sets from its rows: name, SQL type, value. Array columns
 * (`text[]`) travel as array literals (see `arrayLiteral`) in a `text[]` parameter and are cast
 * back per row.
 */
const COMPANY_COLUMNS: ReadonlyArray<[string, string, (r: TCompanyImportRow) => unknown]> = [
  ['name', 'text', (r) => r.name],
  ['legal_form', 'text', (r) => r.legalForm],
  ['sector', 'text', (r) => r.sector],
  ['employees', 'int', (r) => r.employees],
  ['street', 'text', (r) => r.street],
  ['postcode', 'text', (r) => r.postcode],
  ['place', 'text', (r) => r.place],
  ['phone', 'text', (r) => r.phone],
  ['email', 'text', (r) => r.email],
  ['website', 'text', (r) => r.website],
  ['chamber', 'text', (r) => r.chamber],
  ['owner_migration_background', 'boolean', (r) => r.ownerMigrationBackground],
  ['owner_languages', 'text[]', (r) => arrayLiteral(r.ownerLanguages)],
  ['authorised_to_train', 'text', (r) => r.authorisedToTrain],
  ['qualified_trainer', 'text', (r) => r.qualifiedTrainer],
  ['training_history', 'text', (r) => r.trainingHistory],
  ['stage', 'text', (r) => r.stage],
  ['acquisition_channel', 'text', (r) => r.acquisitionChannel],
  ['tags', 'text[]', (r) => arrayLiteral(r.tags)],
  ['notes', 'text', (r) => r.notes],
];

/** Column names of `COMPANY_COLUMNS` plus the two derived ones, for the INSERT column list. */
const COMPANY_COLUMN_LIST = sql.raw(
  [...COMPANY_COLUMNS.map(([name]) => name), 'name_key', 'search_text'].join(', '),
);

/**
 * One column of a chunk as SQL: a value the whole chunk shares (most columns of a place file's
 * companies are empty) is sent once as a scalar; else the column goes into the unnested arrays
 * (`arrays`, `names`) and is read back as `u.<name>`.
 */
function columnValue(
  name: string,
  type: string,
  column: unknown[],
  unnest: { arrays: RawBuilder<unknown>[]; names: string[] },
): RawBuilder<unknown> {
  const cast = sql.raw(type);
  const first = column[0] ?? null;
  if (column.every((v) => v === first)) return sql`${first}::${cast}`;
  // A `text[]` column travels as one array literal per row inside a plain text array.
  unnest.arrays.push(type === 'text[]' ? sql`${column}::text[]` : sql`${column}::${cast}[]`);
  unnest.names.push(name);
  return type === 'text[]' ? sql`${sql.ref(`u.${name}`)}::text[]` : sql.ref(`u.${name}`);
}

/**
 * Inserts validated import rows as companies of `officeId`, in chunks of `CHUNK` rows: one
 * statement per chunk that unnests one array parameter per varying column (far cheaper to send and
 * parse than 28 parameters per row; a column with one value for the whole chunk is one scalar) and
 * writes the stage-history row of each company in the same statement (its `stage`, dated today, by
 * `createdBy`). Ids are made here, so they come back in row order. Fills name key and search text.
 * Runs in the caller's transaction `exec`; no access check and no audit entry per row (the imports
 * service checks access and audits the import job). `onProgress` runs after each chunk with the
 * number of companies written so far, and is awaited. The office and the creating user are verified
 * and locked once, and the per-row foreign-key triggers skipped where the session may
 * (platform/db/bulk.ts).
 * @returns the new ids, in row order
 * @throws AppError `not_found` (`officeId`, `createdBy` unknown)
 */
export async function bulkInsertCompanies(
  exec: Executor,
  input: {
    officeId: string;
    importJobId: string | null;
    createdBy: string | null;
    /** The responsible counsellor (Ansprechperson) of every new company, e.g. the importing user. */
    ownerUserId?: string | null;
    rows: readonly TCompanyImportRow[];
    onProgress?: (written: number) => void | Promise<void>;
  },
): Promise<string[]> {
  const day = todayIso();
  const ids = input.rows.map(() => randomUUID());
  if (input.rows.length === 0) return ids;
  await lockReferences(exec, input.officeId, input.createdBy, input.ownerUserId ?? null);
  await withRowTriggersOff(exec, () => insertChunks(exec, input, ids, day));
  return ids;
}

/** The chunked statements of `bulkInsertCompanies` (references verified and locked by the caller). */
async function insertChunks(
  exec: Executor,
  input: Parameters<typeof bulkInsertCompanies>[1],
  ids: string[],
  day: string,
): Promise<void> {
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const rows = input.rows.slice(i, i + CHUNK);
    const unnest = { arrays: [sql`${ids.slice(i, i + CHUNK)}::uuid[]`], names: ['id'] };
    const values = COMPANY_COLUMNS.map(([name, type, get]) => columnValue(name, type, rows.map(get), unnest));
    const nameKeys = rows.map((r) => companyNameKey(r.name));
    values.push(
      columnValue('name_key', 'text', nameKeys, unnest),
      columnValue(
        'search_text',
        'text',
        rows.map((r, j) =>
          buildCompanySearchText({
            name: r.name,
            place: r.place,
            postcode: r.postcode,
            nameKey: nameKeys[j],
          }),
        ),
        unnest,
      ),
    );
    await sql`
      with ins as (
        insert into company (id, office_id, ${COMPANY_COLUMN_LIST}, stage_changed_on, import_job_id, created_by,
          owner_user_id)
        select u.id, ${input.officeId}::uuid, ${sql.join(values)}, ${day}::date,
          ${input.importJobId}::uuid, ${input.createdBy}::uuid, ${input.ownerUserId ?? null}::uuid
        from unnest(${sql.join(unnest.arrays)}) as u(${sql.raw(unnest.names.join(', '))})
        returning id, stage
      )
      insert into company_stage_change (company_id, office_id, from_stage, to_stage, changed_on, changed_by)
      select ins.id, ${input.officeId}::uuid, null, ins.stage, ${day}::date, ${input.createdBy}::uuid from ins
    `.execute(exec);
    await input.onProgress?.(i + rows.length);
  }
}

/**
 * Verifies and locks the office, the creating user and the responsible counsellor every inserted company
 * and stage change refers to, so the per-row foreign-key triggers can be skipped (platform/db/bulk.ts); the
 * stage changes' company ids are the rows inserted by the same statement.
 * @throws AppError `not_found` (`officeId`, `createdBy`, `ownerUserId`)
 */
async function lockReferences(
  exec: Executor,
  officeId: string,
  createdBy: string | null,
  ownerUserId: string | null,
): Promise<void> {
  if (!(await lockReferencedRows(exec, 'office', [officeId])).size) {
    throw new AppError('not_found', [{ field: 'officeId', code: 'not_found' }]);
  }
  if (createdBy && !(await lockReferencedRows(exec, 'app_user', [createdBy])).size) {
    throw new AppError('not_found', [{ field: 'createdBy', code: 'not_found' }]);
  }
  if (
    ownerUserId &&
    ownerUserId !== createdBy &&
    !(await lockReferencedRows(exec, 'app_user', [ownerUserId])).size
  ) {
    throw new AppError('not_found', [{ field: 'ownerUserId', code: 'not_found' }]);
  }
}
