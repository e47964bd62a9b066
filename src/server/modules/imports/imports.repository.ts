import { type RawBuilder, sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { RowIssue } from './check.core';

/**
 * Repository of `import_job` (the only writer). Reads join `app_user` for the uploader's name and
 * count the `company` rows an import created (read-only, ADR 0003); every query takes the office scope.
 */

function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

const JOB_COLUMNS = [
  'j.id',
  'j.office_id',
  'j.target',
  'j.format',
  'j.file_name',
  'j.encoding',
  'j.delimiter',
  'j.headers',
  'j.mapping',
  'j.status',
  'j.total_rows',
  'j.processed_rows',
  'j.valid_rows',
  'j.created_by',
  'j.created_at',
  'j.finished_at',
  'j.version',
  'u.display_name as created_by_name',
] as const;

/** A job row without its file and issue lists; `error_count`/`warning_count` are the list lengths. */
export type JobRow = Awaited<ReturnType<typeof selectJobs>>['rows'][number];

function jobBase(db: Executor, scope: OfficeScope) {
  return db
    .selectFrom('import_job as j')
    .leftJoin('app_user as u', 'u.id', 'j.created_by')
    .where(inScope(scope, 'j.office_id'))
    .select(JOB_COLUMNS)
    .select([
      sql<number>`jsonb_array_length(j.errors)`.as('error_count'),
      sql<number>`jsonb_array_length(j.warnings)`.as('warning_count'),
    ]);
}

/** One job inside the scope (without file and issues), or undefined. */
export function selectJob(db: Executor, scope: OfficeScope, id: string) {
  return jobBase(db, scope).where('j.id', '=', id).executeTakeFirst();
}

/** A job's issue lists. */
export async function selectJobIssues(
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<{ errors: RowIssue[]; warnings: RowIssue[] }> {
  const r = await db
    .selectFrom('import_job as j')
    .where('j.id', '=', id)
    .where(inScope(scope, 'j.office_id'))
    .select(['j.errors', 'j.warnings'])
    .executeTakeFirst();
  return { errors: (r?.errors ?? []) as RowIssue[], warnings: (r?.warnings ?? []) as RowIssue[] };
}

/** A job's stored file (null after the commit dropped it). */
export async function selectJobFile(db: Executor, scope: OfficeScope, id: string): Promise<Buffer | null> {
  const r = await db
    .selectFrom('import_job as j')
    .where('j.id', '=', id)
    .where(inScope(scope, 'j.office_id'))
    .select('j.file_bytes')
    .executeTakeFirst();
  return r?.file_bytes ?? null;
}

/** The scope's jobs, newest first, with the total count. */
export async function selectJobs(db: Executor, scope: OfficeScope, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    jobBase(db, scope).orderBy('j.created_at', 'desc').orderBy('j.id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('import_job as j')
      .where(inScope(scope, 'j.office_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Inserts a new job (status `uploaded`) and returns its id. */
export async function insertJob(
  db: Executor,
  job: {
    officeId: string;
    target: string;
    format: string;
    fileName: string | null;
    file: Buffer;
    encoding: string | null;
    delimiter: string | null;
    headers: string[];
    totalRows: number;
    createdBy: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('import_job')
    .values({
      office_id: job.officeId,
      target: job.target,
      format: job.format,
      file_name: job.fileName,
      file_bytes: job.file,
      encoding: job.encoding,
      delimiter: job.delimiter,
      headers: job.headers,
      total_rows: job.totalRows,
      created_by: job.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Stores the outcome of a dry run (or of a commit's re-check that found errors) and bumps the
 * version. Returns false when `version` is stale (someone else ran it meanwhile).
 */
export async function updateJobChecked(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number,
  out: {
    status: 'validated' | 'invalid';
    mapping: Record<string, string>;
    processedRows: number;
    validRows: number;
    errors: RowIssue[];
    warnings: RowIssue[];
  },
): Promise<boolean> {
  const r = await db
    .updateTable('import_job as j')
    .set({
      status: out.status,
      mapping: JSON.stringify(out.mapping),
      processed_rows: out.processedRows,
      valid_rows: out.validRows,
      errors: JSON.stringify(out.errors),
      warnings: JSON.stringify(out.warnings),
      finished_at: new Date(),
      version: sql`j.version + 1`,
    })
    .where('j.id', '=', id)
    .where('j.version', '=', version)
    .where(inScope(scope, 'j.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a job committed (inside the commit's transaction), drops the stored file (not needed any more). */
export async function updateJobCommitted(
  db: Executor,
  scope: OfficeScope,
  id: string,
  out: { processedRows: number; validRows: number; warnings: RowIssue[] },
): Promise<void> {
  await db
    .updateTable('import_job as j')
    .set({
      status: 'committed',
      processed_rows: out.processedRows,
      valid_rows: out.validRows,
      errors: '[]',
      warnings: JSON.stringify(out.warnings),
      file_bytes: null,
      finished_at: new Date(),
      version: sql`j.version + 1`,
    })
    .where('j.id', '=', id)
    .where(inScope(scope, 'j.office_id'))
    .execute();
}

/** Marks a job failed after a rolled-back commit, with the failure as its one error. */
export async function updateJobFailed(
  db: Executor,
  scope: OfficeScope,
  id: string,
  error: RowIssue,
): Promise<void> {
  await db
    .updateTable('import_job as j')
    .set({
      status: 'failed',
      errors: JSON.stringify([error]),
      valid_rows: 0,
      finished_at: new Date(),
      version: sql`j.version + 1`,
    })
    .where('j.id', '=', id)
    .where(inScope(scope, 'j.office_id'))
    .execute();
}

/** Number of companies an import created (read join on `company`, ADR 0003). */
export async function countCompaniesOfJob(db: Executor, scope: OfficeScope, id: string): Promise<number> {
  const r = await db
    .selectFrom('company as c')
    .where('c.import_job_id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The places of `companyIds` in one office with what makes a place a duplicate (company, kind,
 * occupation, start date `YYYY-MM-DD`, postcode) — read join on `training_place`, ADR 0003.
 */
export async function selectPlaceKeys(
  db: Executor,
  officeId: string,
  companyIds: readonly string[],
): Promise<
  Array<{
    id: string;
    company_id: string;
    kind: string;
    occupation_id: string | null;
    starts_on: string | null;
    postcode: string | null;
  }>
> {
  if (companyIds.length === 0) return [];
  return db
    .selectFrom('training_place as p')
    .where('p.office_id', '=', officeId)
    .where('p.company_id', 'in', companyIds)
    .select([
      'p.id',
      'p.company_id',
      'p.kind',
      'p.occupation_id',
      sql<string | null>`to_char(p.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      'p.postcode',
    ])
    .execute();
}
