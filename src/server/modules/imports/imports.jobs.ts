import type { TImportTarget } from '../../../contracts/imports';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { readTable, type TabularData } from '../../platform/tabular/index';
import { companyNameKey, findCompaniesByKeys } from '../companies/index';
import { findPlacesByExternalRefs, INACTIVE_COMPANY_STAGES } from '../places/index';
import { postcodeCentroids } from '../reference/index';
import { baTable } from './ba/ba.mapper';
import { ZBaUpload } from './ba/ba.schema';
import { type CheckedCompanies, checkCompanyRows } from './check.companies';
import type { CheckEnv, RowIssue } from './check.core';
import { markPlaceDuplicates } from './check.duplicates';
import { type CheckedPlaces, checkPlaceRows } from './check.places';
import { fillTowns } from './check.towns';
import { cachedTable, cacheTable } from './imports.cache';
import { OccupationMatcher } from './imports.occupations';
import * as repo from './imports.repository';
import { DELIMITERS } from './imports.view';

/** Office scope of imports: the actor's own office only (another office's job answers 404). */
export function importScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** A job of the scope. @throws `not_found` (unknown, or another office's) */
export async function requireJob(db: Executor, scope: OfficeScope, id: string): Promise<repo.JobRow> {
  const job = await repo.selectJob(db, scope, id);
  if (!job) throw notFound();
  return job;
}

/** Today in Germany (`YYYY-MM-DD`): start dates before it are in the past. */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/**
 * Reads a stored file again: CSV/XLSX with the delimiter found at upload, BA responses as JSON.
 * @throws the readers' file errors
 */
export async function parseStoredFile(
  format: string,
  bytes: Buffer,
  opts: { delimiter: string | null; maxRows?: number; previewRows?: number },
): Promise<TabularData> {
  if (format === 'ba') {
    const parsed = ZBaUpload.parse(JSON.parse(bytes.toString('utf8')));
    const table = baTable(Array.isArray(parsed) ? parsed : [parsed]);
    if (opts.previewRows !== undefined) table.rows = table.rows.slice(0, opts.previewRows);
    return table;
  }
  const delimiter = Object.values(DELIMITERS).find((d) => d === opts.delimiter);
  return readTable(bytes, { delimiter, maxRows: opts.maxRows, previewRows: opts.previewRows });
}

/**
 * The parsed rows of a job: from the in-memory cache, else from the stored file (then cached).
 * @throws `import_committed` (409) when the file is gone (dropped by the commit)
 */
export async function loadTable(
  ctx: RequestContext,
  scope: OfficeScope,
  job: repo.JobRow,
): Promise<TabularData> {
  const hit = cachedTable(job.id);
  if (hit) return hit;
  const bytes = await repo.selectJobFile(ctx.db, scope, job.id);
  if (!bytes) throw new AppError('import_committed');
  const table = await parseStoredFile(job.format, bytes, {
    delimiter: job.delimiter,
    maxRows: ctx.config.importMaxRows,
  });
  cacheTable(job.id, table);
  return table;
}

/** What a kept dry-run outcome depends on besides the job's version: the mapping and the day. */
export function outcomeKey(mapping: Record<string, string>): string {
  return `${todayInGermany()}|${JSON.stringify(Object.entries(mapping).sort())}`;
}

/** Outcome of checking a job's rows: issues (sorted by row) and the valid rows ready to write. */
export interface CheckOutcome {
  errors: RowIssue[];
  warnings: RowIssue[];
  validRows: number;
  places: CheckedPlaces | null;
  companies: CheckedCompanies | null;
}

/** `[nameKey, postcode]` of a company key `${nameKey}|${postcode}`. */
export function splitCompanyKey(key: string): { nameKey: string; postcode: string | null } {
  const i = key.lastIndexOf('|');
  const postcode = key.slice(i + 1);
  return { nameKey: key.slice(0, i), postcode: postcode === '' ? null : postcode };
}

/** Issues in the order the user reads the file: by row, then column (left to right). */
function byRowAndColumn(headers: readonly string[]) {
  const col = (i: RowIssue) => (i.column === null ? headers.length : headers.indexOf(i.column));
  return (a: RowIssue, b: RowIssue) => (a.row ?? 0) - (b.row ?? 0) || col(a) - col(b);
}

/**
 * Row errors `company_not_active` (field `companyName`) for the new places — not updates of a known
 * external reference — of companies that declined or went inactive: the place form's rule ("no new
 * places for them"). `existing`: the office's companies by company key (`findCompaniesByKeys`);
 * `known`: the external references the office has (`findPlacesByExternalRefs`), null when none were asked.
 */
export function inactiveCompanyErrors(
  checked: CheckedPlaces,
  existing: ReadonlyMap<string, { name: string; stage: string }>,
  known: ReadonlyMap<string, unknown> | null,
  companyColumn: string | null,
): RowIssue[] {
  return checked.places.flatMap((p) => {
    if (p.place.externalRef !== null && known?.has(p.place.externalRef) === true) return [];
    const company = existing.get(p.companyKey);
    if (!company || !INACTIVE_COMPANY_STAGES.includes(company.stage)) return [];
    return [
      {
        row: p.row,
        field: 'companyName',
        column: companyColumn,
        value: company.name,
        code: 'company_not_active',
        params: { companyName: company.name },
      },
    ];
  });
}

/**
 * Checks every row of a job (see `checkPlaceRows`, `checkCompanyRows`) with the reference data
 * (postcodes, occupations) and adds what depends on the office's records, read with `exec`:
 * companies that exist already (company imports: warning naming it, for a merge offer; place
 * imports: its places go to it, else a warning that it will be created) and places whose external
 * reference is known (warning: will be updated). Place rows with a postcode but no town get the
 * postcode's town (`fillTowns`); rows repeating a place (existing, or earlier in the file) get
 * `duplicateOf` and a warning (`markPlaceDuplicates`). A new place (not an update by reference) of a
 * company that declined or went inactive is a row error `company_not_active`, as in the place form.
 */
export async function checkJob(
  ctx: RequestContext,
  job: { id: string; office_id: string; target: string; format: string },
  table: TabularData,
  columns: ReadonlyMap<string, number>,
  onProgress?: (processed: number) => void,
): Promise<CheckOutcome> {
  const columnOf = (field: string): string | null => {
    const i = columns.get(field);
    return i === undefined ? null : (table.headers[i] ?? null);
  };
  const byRow = byRowAndColumn(table.headers);
  const source = job.format === 'xlsx' ? 'xlsx' : job.format === 'ba' ? 'ba' : 'csv';
  const env: CheckEnv = {
    source,
    today: todayInGermany(),
    postcodes: await postcodeCentroids(ctx.db),
    occupations: await OccupationMatcher.load(ctx.db),
    nameKey: companyNameKey,
    onProgress,
  };
  if ((job.target as TImportTarget) === 'companies') {
    const checked = await checkCompanyRows(table, columns, env);
    const existing = await findCompaniesByKeys(
      ctx.db,
      job.office_id,
      checked.companies.map((c) => splitCompanyKey(c.key)),
    );
    const warnings = [...checked.warnings];
    for (const c of checked.companies) {
      const hit = existing.get(c.key);
      if (hit) {
        warnings.push({
          row: c.row,
          field: 'name',
          column: columnOf('name'),
          value: c.company.name,
          code: 'duplicate_company_existing',
          params: { companyName: hit.name },
          existingCompany: { id: hit.id, name: hit.name },
        });
      }
    }
    return {
      errors: checked.errors.sort(byRow),
      warnings: warnings.sort(byRow),
      validRows: checked.validRows,
      places: null,
      companies: checked,
    };
  }
  const checked = await checkPlaceRows(table, columns, env);
  await fillTowns(ctx.db, checked);
  const warnings = [...checked.warnings];
  const existing = await findCompaniesByKeys(
    ctx.db,
    job.office_id,
    [...checked.companies.keys()].map(splitCompanyKey),
  );
  const companyIds = new Map([...existing].map(([key, c]) => [key, c.id]));
  warnings.push(...(await markPlaceDuplicates(ctx.db, job.office_id, checked, companyIds)));
  for (const c of checked.companies.values()) {
    if (existing.has(c.key)) continue;
    warnings.push({
      row: c.firstRow,
      field: 'companyName',
      column: columnOf('companyName'),
      value: c.company.name,
      code: 'company_will_be_created',
      params: { companyName: c.company.name, count: c.rows },
    });
  }
  const refs = checked.places.flatMap((p) => (p.place.externalRef ? [p.place.externalRef] : []));
  const known = refs.length ? await findPlacesByExternalRefs(ctx.db, job.office_id, source, refs) : null;
  for (const p of checked.places) {
    if (p.place.externalRef === null || known?.has(p.place.externalRef) !== true) continue;
    warnings.push({
      row: p.row,
      field: 'externalRef',
      column: columnOf('externalRef'),
      value: p.place.externalRef,
      code: 'place_will_be_updated',
      params: {},
    });
  }
  const refused = inactiveCompanyErrors(checked, existing, known, columnOf('companyName'));
  const errors = [...checked.errors, ...refused];
  return {
    errors: errors.sort(byRow),
    warnings: warnings.sort(byRow),
    validRows: checked.validRows - refused.length,
    places: checked,
    companies: null,
  };
}
