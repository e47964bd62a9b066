import type {
  TBaFetch,
  TImportDryRun,
  TImportFormat,
  TImportJob,
  TImportJobSummary,
  TImportStatus,
  TImportUploadQuery,
} from '../../../contracts/imports';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import { AppError, conflict } from '../../platform/errors';
import { translator } from '../../platform/i18n';
import { cellText, readTable, type TabularData } from '../../platform/tabular/index';
import { fetchTrainingPlacePages } from './ba/ba.client';
import { baTable } from './ba/ba.mapper';
import type { TBaSearchResponse, TBaUpload } from './ba/ba.schema';
import { cachedTable, cacheOutcome, cacheTable } from './imports.cache';
import { resolveMapping } from './imports.fields';
import {
  checkJob,
  importScope,
  loadTable,
  outcomeKey,
  parseStoredFile,
  requireJob,
  todayInGermany,
} from './imports.jobs';
import { commitResult, currentRun, startRun } from './imports.progress';
import * as repo from './imports.repository';
import { DELIMITERS, defaultMapping, toJob, toSummary } from './imports.view';

/** Rows shown on the mapping screen. */
const SAMPLE_ROWS = 5;
/** Samples of jobs whose table is not cached any more (bounded). */
const samples = new Map<string, string[][]>();

function sampleOf(table: TabularData): string[][] {
  return table.rows
    .slice(0, SAMPLE_ROWS)
    .map((r) => table.headers.map((_, i) => cellText(r.cells[i] ?? null)));
}

async function sampleRows(ctx: RequestContext, scope: OfficeScope, job: repo.JobRow): Promise<string[][]> {
  const table = cachedTable(job.id);
  if (table) return sampleOf(table);
  const kept = samples.get(job.id);
  if (kept) return kept;
  const bytes = job.status === 'committed' ? null : await repo.selectJobFile(ctx.db, scope, job.id);
  if (!bytes) return [];
  const preview = await parseStoredFile(job.format, bytes, {
    delimiter: job.delimiter,
    previewRows: SAMPLE_ROWS,
  });
  const sample = sampleOf(preview);
  samples.set(job.id, sample);
  if (samples.size > 200) samples.delete(samples.keys().next().value as string);
  return sample;
}

/** The full job view: stored issues, samples, and the progress of a run in this process. */
async function jobView(
  ctx: RequestContext,
  scope: OfficeScope,
  job: repo.JobRow,
  withIssues = true,
): Promise<TImportJob> {
  const run = currentRun(job.id);
  const issues =
    withIssues && !run ? await repo.selectJobIssues(ctx.db, scope, job.id) : { errors: [], warnings: [] };
  const result =
    job.status === 'committed'
      ? {
          imported: job.valid_rows,
          companiesCreated: await repo.countCompaniesOfJob(ctx.db, scope, job.id),
          placesUpdated: commitResult(job.id)?.placesUpdated ?? null,
          duplicatesSkipped: commitResult(job.id)?.duplicatesSkipped ?? null,
        }
      : null;
  return toJob(job, {
    t: translator(ctx.lang),
    ...issues,
    sampleRows: await sampleRows(ctx, scope, job),
    progress: run ? { ...run.progress } : null,
    ...(run && { status: run.progress.phase }),
    result,
  });
}

/** Stores a read table as a new job (status `uploaded`), caches its rows and audits the upload. */
async function createJob(
  ctx: RequestContext,
  input: {
    target: 'companies' | 'places';
    format: 'csv' | 'xlsx' | 'ba';
    fileName: string | null;
    file: Buffer;
  },
  table: TabularData,
): Promise<TImportJob> {
  const actor = requireAccess(ctx, 'create', 'import');
  const scope = importScope(actor);
  if (table.rows.length === 0) throw new AppError('file_empty');
  if (table.rows.length > ctx.config.importMaxRows) {
    throw new AppError('file_too_many_rows', [], { maxRows: ctx.config.importMaxRows });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const jobId = await repo.insertJob(trx, {
      officeId: actor.officeId,
      target: input.target,
      format: input.format,
      fileName: input.fileName,
      file: input.file,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      totalRows: table.rows.length,
      createdBy: actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'import_job',
      entityId: jobId,
      officeId: actor.officeId,
      details: {
        target: input.target,
        format: input.format,
        fileName: input.fileName,
        rows: table.rows.length,
      },
    });
    return jobId;
  });
  cacheTable(id, table);
  return jobView(ctx, scope, await requireJob(ctx.db, scope, id));
}

/** True when the bytes are a JSON object or array (a saved BA answer sent to the table upload). */
function looksLikeJson(file: Buffer): boolean {
  let i = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? 3 : 0;
  while (i < file.length && /\s/.test(String.fromCharCode(file[i] as number))) i++;
  if (file[i] !== 0x7b && file[i] !== 0x5b) return false;
  const text = file.toString('utf8', i);
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** True when a page has any field of a job-search answer (an empty search has `maxErgebnisse` "0"). */
function isBaPage(page: TBaSearchResponse): boolean {
  return ['stellenangebote', 'maxErgebnisse', 'page', 'size'].some((k) => k in page);
}

/**
 * Upload (issue 5): reads a CSV or XLSX file (format from the bytes; see `readTable` for encoding,
 * delimiter and header detection) and creates a job of the actor's office with its headers, row
 * count and suggested mapping. Audited.
 * @throws `forbidden`, the file errors (`file_empty`, `file_no_header`, `file_wrong_delimiter`,
 *   `file_bad_quotes`, `file_unreadable`, `file_format_unsupported`, `file_too_many_rows`,
 *   `file_not_table` for a JSON document)
 */
export async function uploadImport(
  ctx: RequestContext,
  query: TImportUploadQuery,
  file: Buffer,
): Promise<TImportJob> {
  requireAccess(ctx, 'create', 'import');
  if (looksLikeJson(file)) throw new AppError('file_not_table');
  const table = await readTable(file, {
    delimiter: query.delimiter ? DELIMITERS[query.delimiter] : undefined,
    maxRows: ctx.config.importMaxRows,
  }).catch((err: unknown) => {
    // The reader names delimiters by character; the API by name.
    if (err instanceof AppError && err.code === 'file_wrong_delimiter') {
      const name = (c: unknown) => Object.entries(DELIMITERS).find(([, d]) => d === c)?.[0];
      throw new AppError(err.code, [], {
        ...err.extra,
        delimiter: name(err.extra.delimiter),
        suggestedDelimiter: name(err.extra.suggestedDelimiter),
      });
    }
    throw err;
  });
  const format = table.format === 'xlsx' ? 'xlsx' : 'csv';
  return createJob(ctx, { target: query.target, format, fileName: query.fileName ?? null, file }, table);
}

/**
 * Import of saved BA job-search responses (one page or several): a place job (format `ba`) whose
 * rows are the offers (see `baTable`); then the same dry run and commit. Audited.
 * @throws `forbidden`, `ba_format` (no page has a field of a job-search answer), `file_empty` (no
 *   offers), `file_too_many_rows`
 */
export async function uploadBaResponse(
  ctx: RequestContext,
  body: TBaUpload,
  fileName: string | null,
): Promise<TImportJob> {
  requireAccess(ctx, 'create', 'import');
  const pages: TBaSearchResponse[] = Array.isArray(body) ? body : [body];
  if (!pages.some(isBaPage)) throw new AppError('ba_format');
  const file = Buffer.from(JSON.stringify(pages), 'utf8');
  return createJob(
    ctx,
    { target: 'places', format: 'ba', fileName: fileName ?? 'jobsuche.json', file },
    baTable(pages),
  );
}

/**
 * Live job search (`angebotsart=4`) turned into a BA import job. Off unless `BA_JOBSUCHE_LIVE=true`.
 * @throws `forbidden`, `ba_live_disabled` (503), `ba_unreachable` / `ba_bad_response` (502), `file_empty`
 */
export async function fetchBaPlaces(ctx: RequestContext, q: TBaFetch): Promise<TImportJob> {
  requireAccess(ctx, 'create', 'import');
  if (!ctx.config.baJobsucheLive) throw new AppError('ba_live_disabled');
  const pages = await fetchTrainingPlacePages(
    {
      baseUrl: ctx.config.baJobsucheUrl,
      apiKey: ctx.config.baJobsucheApiKey,
      timeoutMs: ctx.config.baJobsucheTimeoutMs,
    },
    q,
  );
  return uploadBaResponse(ctx, pages, `jobsuche-${todayInGermany()}.json`);
}

/** One job of the actor's office (`issues: false` leaves out the issue lists). @throws `forbidden`, `not_found` */
export async function getImport(
  ctx: RequestContext,
  id: string,
  opts: { issues: boolean },
): Promise<TImportJob> {
  const scope = importScope(requireAccess(ctx, 'read', 'import'));
  return jobView(ctx, scope, await requireJob(ctx.db, scope, id), opts.issues);
}

/** The office's jobs, newest first. @throws `forbidden` */
export async function listImports(
  ctx: RequestContext,
  q: { limit: number; offset: number },
): Promise<{ items: TImportJobSummary[]; total: number }> {
  const scope = importScope(requireAccess(ctx, 'read', 'import'));
  const { rows, total } = await repo.selectJobs(ctx.db, scope, q.limit, q.offset);
  return { items: rows.map((r) => toSummary(r, currentRun(r.id)?.progress.phase)), total };
}

/**
 * Dry run: checks every row with the mapping (default: the stored one, else the suggestion),
 * reporting progress while it runs, and stores every error and warning; status `validated` (no
 * invalid row) or `invalid`. Writes nothing else.
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`), `import_running`, `import_committed`,
 *   `import_mapping` (400: unknown field or column, required field unmapped)
 */
export async function dryRunImport(
  ctx: RequestContext,
  id: string,
  input: TImportDryRun,
): Promise<TImportJob> {
  const scope = importScope(requireAccess(ctx, 'update', 'import'));
  const job = await requireJob(ctx.db, scope, id);
  if (job.status === 'committed') throw new AppError('import_committed');
  if (currentRun(id)) throw new AppError('import_running');
  if (job.version !== input.version) throw conflict();
  const target = job.target as 'companies' | 'places';
  const mapping =
    input.mapping ??
    (job.mapping as Record<string, string> | null) ??
    defaultMapping(target, job.format as TImportFormat, job.headers);
  const columns = resolveMapping(target, job.headers, mapping);
  const run = startRun(id, job.office_id, 'validating', job.total_rows ?? 0);
  let finalStatus = job.status as TImportStatus;
  try {
    const table = await loadTable(ctx, scope, job);
    const checked = await checkJob(ctx, job, table, columns, (n) => run.report(n));
    const status = checked.errors.length === 0 ? 'validated' : 'invalid';
    const stored = await repo.updateJobChecked(ctx.db, scope, id, input.version, {
      status,
      mapping,
      processedRows: table.rows.length,
      validRows: checked.validRows,
      errors: checked.errors,
      warnings: checked.warnings,
    });
    if (!stored) throw conflict();
    if (status === 'validated') cacheOutcome(id, input.version + 1, outcomeKey(mapping), checked);
    finalStatus = status;
  } finally {
    run.finish(finalStatus);
  }
  return jobView(ctx, scope, await requireJob(ctx.db, scope, id));
}
