import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TPlaceSource } from '../../../contracts/companies.enums';
import type { TPlaceImportRow } from '../../../contracts/imports.rows';
import { lockReferencedRows, withRowTriggersOff } from '../../platform/db/bulk';
import type { CopyCsv, Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';

/**
 * Bulk writes of `training_place` for imports, company merges and the demo seed. No access checks
 * here: the caller (imports service, companies merge, demo seed) has checked access and passes the
 * actor's office. Every write is one statement per chunk — `INSERT … SELECT … FROM unnest(arrays)`
 * with ~23 parameters per chunk instead of one per cell — never one round trip per row.
 */

/** Rows per statement: large enough to amortise the round trip, small enough for one PGlite message. */
const CHUNK = 1000;

/**
 * Called after each statement of a bulk write with the number of rows written so far, and awaited:
 * the imports module reports progress there and lets the event loop run (server-sent events).
 */
export type BulkProgress = (written: number) => void | Promise<void>;

/** A place row to insert: an import row with any source, optionally a contact person. */
export type PlaceInsertRow = Omit<TPlaceImportRow, 'source'> & {
  source: TPlaceSource;
  contactPersonId?: string | null;
};

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Checks that every company id lies in `officeId` and is not merged, and locks those companies
 * (`FOR KEY SHARE`, as a foreign-key check would) until the transaction ends — one query per 10,000.
 * @throws AppError `not_found` naming the first offending rows (`rows.N.companyId`)
 */
async function assertCompaniesOfOffice(
  exec: Executor,
  officeId: string,
  rows: ReadonlyArray<{ companyId: string }>,
): Promise<void> {
  const found = await lockReferencedRows(
    exec,
    'company',
    rows.map((r) => r.companyId),
    sql<boolean>`office_id = ${officeId}::uuid and merged_into_id is null`,
  );
  const bad = rows.flatMap((r, i) => (found.has(r.companyId) ? [] : [i])).slice(0, 20);
  if (bad.length > 0) {
    throw new AppError(
      'not_found',
      bad.map((i) => ({ field: `rows.${i}.companyId`, code: 'not_found' })),
    );
  }
}

/**
 * Verifies and locks every row an insert of `rows` refers to — companies (of the office, not merged),
 * the office, the creating user, contact persons — so the per-row foreign-key triggers can be skipped
 * (platform/db/bulk.ts).
 * @throws AppError `not_found` (`rows.N.companyId`, `officeId`, `createdBy`, `rows.N.contactPersonId`)
 */
async function lockReferences(
  exec: Executor,
  input: { officeId: string; createdBy: string | null; rows: ReadonlyArray<PlaceInsertRow> },
): Promise<void> {
  await assertCompaniesOfOffice(exec, input.officeId, input.rows);
  if (!(await lockReferencedRows(exec, 'office', [input.officeId])).size) {
    throw new AppError('not_found', [{ field: 'officeId', code: 'not_found' }]);
  }
  if (input.createdBy && !(await lockReferencedRows(exec, 'app_user', [input.createdBy])).size) {
    throw new AppError('not_found', [{ field: 'createdBy', code: 'not_found' }]);
  }
  const contacts = input.rows.flatMap((r) => (r.contactPersonId ? [r.contactPersonId] : []));
  if (contacts.length === 0) return;
  const found = await lockReferencedRows(exec, 'company_contact_person', contacts);
  const bad = input.rows.findIndex((r) => r.contactPersonId && !found.has(r.contactPersonId));
  if (bad >= 0)
    throw new AppError('not_found', [{ field: `rows.${bad}.contactPersonId`, code: 'not_found' }]);
}

/** The place columns a bulk write sets from its rows, with their SQL types and values. */
const ROW_COLUMNS: ReadonlyArray<[string, string, (r: PlaceInsertRow) => unknown]> = [
  ['company_id', 'uuid', (r) => r.companyId],
  ['kind', 'text', (r) => r.kind],
  ['occupation_id', 'text', (r) => r.occupationId],
  ['title', 'text', (r) => r.title],
  ['description', 'text', (r) => r.description],
  ['seats', 'int', (r) => r.seats],
  ['starts_on', 'date', (r) => r.startsOn],
  ['duration_months', 'int', (r) => r.durationMonths],
  ['postcode', 'text', (r) => r.postcode],
  ['place', 'text', (r) => r.place],
  ['street', 'text', (r) => r.street],
  ['min_school_qualification', 'text', (r) => r.minSchoolQualification],
  ['min_german_level', 'text', (r) => r.minGermanLevel],
  ['driving_licence_required', 'bool', (r) => r.drivingLicenceRequired],
  ['language_support', 'bool', (r) => r.languageSupport],
  ['status', 'text', (r) => r.status],
  ['published', 'bool', (r) => r.published],
  ['source', 'text', (r) => r.source],
  ['external_ref', 'text', (r) => r.externalRef],
  ['contact_person_id', 'uuid', (r) => r.contactPersonId ?? null],
];

/** Columns a re-import leaves alone (`updatePlacesFromImport`): the office's own decisions. */
const OFFICE_MANAGED = new Set([
  'seats',
  'min_school_qualification',
  'min_german_level',
  'driving_licence_required',
  'language_support',
  'status',
  'published',
  'contact_person_id',
]);

/** One value as a CSV field for `COPY … (format csv)`: NULL unquoted empty, text quoted when needed. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const text = String(v);
  return text === '' || /[",\n\r\\]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows of one chunk as CSV for `COPY training_place (id, office_id, …, import_job_id, created_by)`. */
function copyChunk(
  ids: readonly string[],
  rows: ReadonlyArray<PlaceInsertRow>,
  input: { officeId: string; importJobId: string | null; createdBy: string | null },
): string {
  const tail = `${csvField(input.importJobId)},${csvField(input.createdBy)}`;
  const lines = rows.map((r, i) => {
    const cells = ROW_COLUMNS.map(([, , get]) => csvField(get(r)));
    return `${ids[i]},${input.officeId},${cells.join(',')},${tail}`;
  });
  return `${lines.join('\n')}\n`;
}

const COPY_COLUMNS = ['id', 'office_id', ...ROW_COLUMNS.map(([name]) => name), 'import_job_id', 'created_by'];

/** Column names of `ROW_COLUMNS`, for INSERT column lists. */
const COLUMN_LIST = sql.raw(ROW_COLUMNS.map(([name]) => name).join(', '));

/**
 * The rows of one chunk as a row source `u`: columns that vary are sent as one array each and
 * unnested; a column with the same value in every row (kind, status, source … in most files) is sent
 * once as a scalar, which halves what PostgreSQL has to parse for a typical import.
 * @returns `from` (the `unnest(…) as u(id, …)` fragment) and `values` (one expression per column)
 */
function rowSource(ids: string[], rows: ReadonlyArray<PlaceInsertRow>) {
  const arrays = [sql`${ids}::uuid[]`];
  const names = ['id'];
  const values = ROW_COLUMNS.map(([name, type, get]) => {
    const cast = sql.raw(type);
    const column = rows.map(get);
    if (column.every((v) => v === column[0])) return sql`${column[0] ?? null}::${cast}`;
    arrays.push(sql`${column}::${cast}[]`);
    names.push(name);
    return sql.ref(`u.${name}`);
  });
  const from = sql`unnest(${sql.join(arrays)}) as u(${sql.raw(names.join(', '))})`;
  return { from, values };
}

/**
 * Inserts place rows into `officeId` in chunks; ids are generated here (`crypto.randomUUID`) and
 * inserted explicitly, so they come back in row order without `RETURNING`. Every referenced row is
 * verified and locked once for all rows before the first insert, and the per-row foreign-key triggers
 * are then skipped where the session may (platform/db/bulk.ts); `onProgress` runs after each chunk.
 * @returns the new ids in row order
 * @throws AppError `not_found` (`rows.N.companyId`: company of another office, unknown or merged;
 *   `rows.N.contactPersonId`, `officeId`, `createdBy`: unknown)
 */
export async function insertPlaceRows(
  exec: Executor,
  input: {
    officeId: string;
    importJobId: string | null;
    createdBy: string | null;
    rows: ReadonlyArray<PlaceInsertRow>;
    onProgress?: BulkProgress;
    copy?: CopyCsv | undefined;
  },
): Promise<string[]> {
  await lockReferences(exec, input);
  const ids = input.rows.map(() => randomUUID());
  let offset = 0;
  await withRowTriggersOff(exec, async () => {
    for (const part of chunks(input.rows)) {
      const partIds = ids.slice(offset, offset + part.length);
      offset += part.length;
      if (input.copy && exec.isTransaction) {
        await input.copy('training_place', COPY_COLUMNS, copyChunk(partIds, part, input));
      } else {
        const { from, values } = rowSource(partIds, part);
        await sql`insert into training_place (id, office_id, ${COLUMN_LIST}, import_job_id, created_by)
        select u.id, ${input.officeId}::uuid, ${sql.join(values)}, ${input.importJobId}::uuid, ${input.createdBy}::uuid
        from ${from}`.execute(exec);
      }
      await input.onProgress?.(offset);
    }
  });
  return ids;
}

/**
 * Inserts validated import rows (CSV/XLSX/BA) of `officeId` — the imports module's bulk path.
 * Fast: one company check for all rows, then one `INSERT … SELECT FROM unnest` — or, with `copy`
 * inside a transaction on PGlite, one `COPY` — per 1,000 rows (`onProgress` after each). Give all rows of an import in one call: the check runs once per call.
 * @returns the new ids in row order
 * @throws AppError `not_found` (`rows.N.companyId` not a company of the office)
 */
export function bulkInsertPlaces(
  exec: Executor,
  input: {
    officeId: string;
    importJobId: string | null;
    createdBy: string | null;
    rows: readonly TPlaceImportRow[];
    onProgress?: BulkProgress;
    /** PGlite's COPY loader (`DatabaseHandle.copyCsv`): used when given and `exec` is a transaction. */
    copy?: CopyCsv | undefined;
  },
): Promise<string[]> {
  return insertPlaceRows(exec, input);
}

/**
 * Re-import of known places (same source and external reference): overwrites every imported field
 * of each place of `officeId` with its new row and bumps its version; candidates, profile and
 * contact person stay. One `UPDATE … FROM unnest` per 1,000 rows, `onProgress` after each.
 * @throws AppError `not_found` (`rows.N.companyId` not a company of the office)
 */
export async function updatePlacesFromImport(
  exec: Executor,
  input: {
    officeId: string;
    updates: ReadonlyArray<{ id: string; row: TPlaceImportRow }>;
    onProgress?: BulkProgress;
  },
): Promise<void> {
  await assertCompaniesOfOffice(
    exec,
    input.officeId,
    input.updates.map((u) => u.row),
  );
  let done = 0;
  for (const part of chunks(input.updates)) {
    const { from, values } = rowSource(
      part.map((x) => x.id),
      part.map((x) => x.row),
    );
    // The offer's own data is refreshed; what the office manages (status, publication, seats,
    // requirements, contact person) stays as the counsellor set it — a re-import must never reopen a
    // filled place.
    const assignments = ROW_COLUMNS.flatMap(([name], i) =>
      OFFICE_MANAGED.has(name) ? [] : [sql`${sql.raw(name)} = ${values[i]}`],
    );
    await sql`update training_place p set ${sql.join(assignments)}, version = p.version + 1, updated_at = now()
      from ${from}
      where p.id = u.id and p.office_id = ${input.officeId}::uuid`.execute(exec);
    done += part.length;
    await input.onProgress?.(done);
  }
}

/**
 * Known places of `officeId` by external reference of one source (re-import detection).
 * @returns map external reference → `{ id, version }`
 */
export async function findPlacesByExternalRefs(
  exec: Executor,
  officeId: string,
  source: 'csv' | 'xlsx' | 'ba',
  refs: readonly string[],
): Promise<Map<string, { id: string; version: number }>> {
  const out = new Map<string, { id: string; version: number }>();
  for (const part of chunks([...new Set(refs)], 10_000)) {
    const rows = await exec
      .selectFrom('training_place')
      .select(['id', 'version', 'external_ref'])
      .where('office_id', '=', officeId)
      .where('source', '=', source)
      .where(sql<boolean>`external_ref = any(${part}::text[])`)
      .execute();
    for (const r of rows) if (r.external_ref) out.set(r.external_ref, { id: r.id, version: r.version });
  }
  return out;
}

/**
 * Moves every place of company `fromCompanyId` to `toCompanyId` (both of `officeId`) when two
 * companies are merged; candidates, proposals and profiles hang on the place and move with it. Runs
 * inside the companies module's merge transaction (wired in `app.ts`), which has checked access.
 * @returns the number of places moved
 */
export async function moveCompanyPlaces(
  exec: Executor,
  input: { officeId: string; fromCompanyId: string; toCompanyId: string },
): Promise<number> {
  const r = await exec
    .updateTable('training_place as p')
    .set({ company_id: input.toCompanyId, version: sql`p.version + 1`, updated_at: sql`now()` })
    .where('p.company_id', '=', input.fromCompanyId)
    .where('p.office_id', '=', input.officeId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
