import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TImportCommit, TImportJob, TImportResult, TImportStatus } from '../../../contracts/imports';
import type { TPlaceImportRow } from '../../../contracts/imports.rows';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { CopyCsv, Executor } from '../../platform/db/database';
import { AppError, conflict } from '../../platform/errors';
import { bulkInsertCompanies, findCompaniesByKeys } from '../companies/index';
import { bulkInsertPlaces, findPlacesByExternalRefs, updatePlacesFromImport } from '../places/index';
import type { CheckedCompanies } from './check.companies';
import type { RowIssue } from './check.core';
import type { CheckedPlaces, PreparedPlace } from './check.places';
import { forgetTable, takeOutcome } from './imports.cache';
import { resolveMapping } from './imports.fields';
import {
  type CheckOutcome,
  checkJob,
  importScope,
  inactiveCompanyErrors,
  loadTable,
  outcomeKey,
  requireJob,
  splitCompanyKey,
} from './imports.jobs';
import { type ImportRun, startRun, switchPhase } from './imports.progress';
import * as repo from './imports.repository';
import { getImport } from './imports.service';

interface WriteInput {
  officeId: string;
  jobId: string;
  userId: string;
  run: ImportRun;
  copy: CopyCsv | undefined;
}

/** Options of `commitImport`. */
export interface CommitOptions {
  /** PGlite's COPY loader (`DatabaseHandle.copyCsv`) for the place rows; else `INSERT … unnest`. */
  copy?: CopyCsv | undefined;
}

/**
 * Reports `processed` rows of the write phase, then yields a macrotask: without it the write loop
 * (PGlite runs every statement on this thread) would keep the event loop busy until the commit
 * ends, and the server-sent progress events would reach the browser only then (the bar stalled).
 * The bulk writers call it after each statement of ~1,000 rows.
 */
async function reportWritten(run: ImportRun, processed: number): Promise<void> {
  run.report(processed);
  await nextTurn();
}

/** Writes the companies of a company import; duplicates (existing, or repeated in the file) per `duplicates`. */
async function writeCompanies(
  trx: Executor,
  w: WriteInput,
  checked: CheckedCompanies,
  duplicates: TImportCommit['duplicates'],
): Promise<TImportResult> {
  let rows = checked.companies;
  if (duplicates === 'skip') {
    const existing = await findCompaniesByKeys(
      trx,
      w.officeId,
      rows.map((c) => splitCompanyKey(c.key)),
    );
    rows = rows.filter((c) => c.sameAsRow === null && !existing.has(c.key));
  }
  switchPhase(w.run, 'committing', rows.length);
  await nextTurn();
  await bulkInsertCompanies(trx, {
    officeId: w.officeId,
    importJobId: w.jobId,
    createdBy: w.userId,
    // The importing counsellor or coordinator is the new companies' Ansprechperson (changeable later).
    ownerUserId: w.userId,
    rows: rows.map((c) => c.company),
    onProgress: (n) => reportWritten(w.run, n),
  });
  return {
    imported: rows.length,
    companiesCreated: rows.length,
    placesUpdated: null,
    duplicatesSkipped: checked.companies.length - rows.length,
  };
}

/**
 * A checked place with its company's id, as the places module inserts it. Every field is listed
 * (no object spread): spreading 50,000 rows cost ~0.1–0.2 s; a missing field is a type error.
 */
function placeRow(p: PreparedPlace['place'], companyId: string): TPlaceImportRow {
  return {
    companyId,
    kind: p.kind,
    occupationId: p.occupationId,
    title: p.title,
    description: p.description,
    seats: p.seats,
    startsOn: p.startsOn,
    durationMonths: p.durationMonths,
    postcode: p.postcode,
    place: p.place,
    street: p.street,
    minSchoolQualification: p.minSchoolQualification,
    minGermanLevel: p.minGermanLevel,
    drivingLicenceRequired: p.drivingLicenceRequired,
    languageSupport: p.languageSupport,
    status: p.status,
    published: p.published,
    source: p.source,
    externalRef: p.externalRef,
  };
}

/**
 * Writes the places of a place import: missing companies first (one per company key), then places
 * whose external reference the office knows are updated, the others inserted — each in one call of
 * the owning module, which reports after every statement (`reportWritten`).
 */
async function writePlaces(
  trx: Executor,
  w: WriteInput,
  checked: CheckedPlaces,
  source: 'csv' | 'xlsx' | 'ba',
  duplicates: TImportCommit['duplicates'],
) {
  const companies = [...checked.companies.values()];
  const existing = await findCompaniesByKeys(
    trx,
    w.officeId,
    companies.map((c) => splitCompanyKey(c.key)),
  );
  const missing = companies.filter((c) => !existing.has(c.key));
  switchPhase(w.run, 'committing', checked.places.length + missing.length);
  await nextTurn();
  const companyIds = new Map<string, string>([...existing].map(([k, v]) => [k, v.id]));
  const ids = await bulkInsertCompanies(trx, {
    officeId: w.officeId,
    importJobId: w.jobId,
    createdBy: w.userId,
    // The importing counsellor or coordinator is the new companies' Ansprechperson (changeable later).
    ownerUserId: w.userId,
    rows: missing.map((c) => c.company),
    onProgress: (n) => reportWritten(w.run, n),
  });
  for (const [j, c] of missing.entries()) companyIds.set(c.key, ids[j] as string);
  // Rows that repeat a place of the office or an earlier row (dry-run warning) are left out on `skip`.
  const kept = duplicates === 'skip' ? checked.places.filter((p) => p.duplicateOf === null) : checked.places;
  const rows = kept.map((p) => placeRow(p.place, companyIds.get(p.companyKey) as string));
  const refs = rows.flatMap((r) => (r.externalRef ? [r.externalRef] : []));
  const known = refs.length ? await findPlacesByExternalRefs(trx, w.officeId, source, refs) : new Map();
  const updates = known.size
    ? rows.flatMap((row) => {
        const hit = row.externalRef ? known.get(row.externalRef) : undefined;
        return hit ? [{ id: hit.id, row }] : [];
      })
    : [];
  const inserts = known.size ? rows.filter((r) => !(r.externalRef && known.has(r.externalRef))) : rows;
  if (updates.length) {
    await updatePlacesFromImport(trx, {
      officeId: w.officeId,
      updates,
      onProgress: (n) => reportWritten(w.run, missing.length + n),
    });
  }
  const before = missing.length + updates.length;
  await bulkInsertPlaces(trx, {
    officeId: w.officeId,
    importJobId: w.jobId,
    createdBy: w.userId,
    rows: inserts,
    onProgress: (n) => reportWritten(w.run, before + n),
    copy: w.copy,
  });
  return {
    imported: rows.length,
    companiesCreated: missing.length,
    placesUpdated: updates.length,
    duplicatesSkipped: checked.places.length - kept.length,
  };
}

/** `inactiveCompanyErrors` of a kept dry-run outcome, with the companies and references read now. */
async function lateStageErrors(
  db: Executor,
  job: { office_id: string; format: string },
  places: CheckedPlaces,
  headers: readonly string[],
  columns: ReadonlyMap<string, number>,
): Promise<RowIssue[]> {
  const existing = await findCompaniesByKeys(
    db,
    job.office_id,
    [...places.companies.keys()].map(splitCompanyKey),
  );
  const source = job.format === 'xlsx' ? 'xlsx' : job.format === 'ba' ? 'ba' : 'csv';
  const refs = places.places.flatMap((p) => (p.place.externalRef ? [p.place.externalRef] : []));
  const known = refs.length ? await findPlacesByExternalRefs(db, job.office_id, source, refs) : null;
  const i = columns.get('companyName');
  return inactiveCompanyErrors(places, existing, known, i === undefined ? null : (headers[i] ?? null));
}

/**
 * Commit (issue 5): re-checks every row (records may have changed since the dry run) and writes all
 * of them in one transaction — companies, places, the job's new status and the audit entry — or
 * nothing: any failure rolls everything back and marks the job `failed`. Progress is reported
 * while checking and writing (the stored file is dropped once committed).
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`), `import_running`, `import_committed`,
 *   `import_not_validated` (409: no successful dry run, or rows turned invalid — stored on the job),
 *   `import_failed` (500: the write failed and was rolled back)
 */
export async function commitImport(
  ctx: RequestContext,
  id: string,
  input: TImportCommit,
  opts: CommitOptions = {},
): Promise<TImportJob> {
  const actor = requireAccess(ctx, 'create', 'import');
  const scope: OfficeScope = importScope(actor);
  const job = await requireJob(ctx.db, scope, id);
  if (job.status === 'committed') throw new AppError('import_committed');
  if (job.status !== 'validated' || !job.mapping) throw new AppError('import_not_validated');
  if (job.version !== input.version) throw conflict();
  const target = job.target as 'companies' | 'places';
  const mapping = job.mapping as Record<string, string>;
  const columns = resolveMapping(target, job.headers, mapping);
  const run = startRun(id, job.office_id, 'validating', job.total_rows ?? 0);
  let finalStatus: TImportStatus = job.status as TImportStatus;
  let result: TImportResult | null = null;
  try {
    const table = await loadTable(ctx, scope, job);
    // The rows checked by the dry run just before, unless the job, its mapping or the day changed.
    const kept = takeOutcome<CheckOutcome>(id, job.version, outcomeKey(mapping));
    if (kept) run.report(table.rows.length);
    const checked: CheckOutcome = kept ?? (await checkJob(ctx, job, table, columns, (n) => run.report(n)));
    // A kept outcome may be minutes old: a company may have declined since (the rule that reads records).
    const late = kept?.places ? await lateStageErrors(ctx.db, job, kept.places, table.headers, columns) : [];
    if (checked.errors.length > 0 || late.length > 0) {
      await repo.updateJobChecked(ctx.db, scope, id, job.version, {
        status: 'invalid',
        mapping,
        processedRows: table.rows.length,
        validRows: checked.validRows - late.length,
        errors: [...checked.errors, ...late].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
        warnings: checked.warnings,
      });
      finalStatus = 'invalid';
      throw new AppError('import_not_validated');
    }
    const w = { officeId: actor.officeId, jobId: id, userId: actor.userId, run, copy: opts.copy };
    const source = job.format === 'xlsx' ? 'xlsx' : job.format === 'ba' ? 'ba' : 'csv';
    try {
      result = await ctx.db.transaction().execute(async (trx) => {
        const r = checked.companies
          ? await writeCompanies(trx, w, checked.companies, input.duplicates)
          : await writePlaces(trx, w, checked.places as CheckedPlaces, source, input.duplicates);
        await repo.updateJobCommitted(trx, scope, id, {
          processedRows: table.rows.length,
          validRows: r.imported,
          warnings: checked.warnings,
        });
        await audit(ctx, trx, {
          action: 'update',
          entityType: 'import_job',
          entityId: id,
          officeId: actor.officeId,
          details: { event: 'commit', target, format: job.format, ...r },
        });
        return r;
      });
    } catch (err) {
      ctx.log.error({ err, importJobId: id }, 'import commit failed and was rolled back');
      await repo.updateJobFailed(ctx.db, scope, id, {
        row: null,
        field: null,
        column: null,
        value: null,
        code: 'commit_failed',
        params: {},
      });
      finalStatus = 'failed';
      throw new AppError('import_failed');
    }
    finalStatus = 'committed';
    forgetTable(id);
  } finally {
    run.finish(finalStatus, result);
  }
  return getImport(ctx, id, { issues: true });
}
