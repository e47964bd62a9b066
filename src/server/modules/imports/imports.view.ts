import type { TFunction } from 'i18next';
import type {
  TDelimiterName,
  TImportFormat,
  TImportIssue,
  TImportJob,
  TImportJobSummary,
  TImportMapping,
  TImportProgress,
  TImportResult,
  TImportStatus,
  TImportTarget,
} from '../../../contracts/imports';
import type { CsvDelimiter } from '../../platform/tabular/index';
import { BA_MAPPING } from './ba/ba.mapper';
import type { RowIssue } from './check.core';
import { fieldsOf, suggestMapping } from './imports.fields';
import type { JobRow } from './imports.repository';

/** Delimiter characters by name and back. */
export const DELIMITERS: Record<TDelimiterName, CsvDelimiter> = {
  semicolon: ';',
  comma: ',',
  tab: '\t',
  pipe: '|',
};
const DELIMITER_NAMES = new Map(Object.entries(DELIMITERS).map(([n, c]) => [c, n as TDelimiterName]));

/** A job row as a list entry. */
export function toSummary(r: JobRow, status?: TImportStatus): TImportJobSummary {
  return {
    id: r.id,
    target: r.target as TImportTarget,
    format: r.format as TImportFormat,
    fileName: r.file_name,
    status: status ?? (r.status as TImportStatus),
    totalRows: r.total_rows,
    validRows: r.valid_rows,
    errorCount: Number(r.error_count),
    warningCount: Number(r.warning_count),
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    version: r.version,
  };
}

/** The message key of an issue: an unknown occupation with a suggestion has its own wording. */
function messageKey(i: RowIssue): string {
  return i.code === 'unknown_occupation' && i.suggestion ? 'unknown_occupation_suggestion' : i.code;
}

/** Renders a stored issue in the request's language (`imports.rows.<code>` with its parameters). */
export function renderIssue(t: TFunction, i: RowIssue): TImportIssue {
  const message = t(`imports.rows.${messageKey(i)}`, {
    ...i.params,
    value: i.value ?? '',
    suggestion: i.suggestion?.name ?? '',
    companyName: i.existingCompany?.name ?? i.params.companyName ?? '',
  });
  return {
    row: i.row,
    field: i.field,
    column: i.column,
    value: i.value,
    code: i.code,
    message,
    params: i.params,
    suggestion: i.suggestion ?? null,
    existingCompany: i.existingCompany ?? null,
  };
}

/** The mapping a job uses by default: BA jobs their fixed one, files the suggestion from the headers. */
export function defaultMapping(
  target: TImportTarget,
  format: TImportFormat,
  headers: readonly string[],
): TImportMapping {
  return format === 'ba' ? { ...BA_MAPPING } : suggestMapping(target, headers);
}

/** Everything of a job for the API (`ZImportJob`). */
export function toJob(
  r: JobRow,
  extra: {
    t: TFunction;
    errors: RowIssue[];
    warnings: RowIssue[];
    sampleRows: string[][];
    progress: TImportProgress | null;
    status?: TImportStatus;
    result: TImportResult | null;
  },
): TImportJob {
  const target = r.target as TImportTarget;
  const format = r.format as TImportFormat;
  return {
    ...toSummary(r, extra.status),
    encoding: r.encoding,
    delimiter: r.delimiter ? (DELIMITER_NAMES.get(r.delimiter as CsvDelimiter) ?? null) : null,
    headers: r.headers,
    sampleRows: extra.sampleRows,
    fields: fieldsOf(target).map((f) => ({ field: f.field, required: f.required })),
    suggestedMapping: defaultMapping(target, format, r.headers),
    mapping: (r.mapping as TImportMapping | null) ?? null,
    processedRows: r.processed_rows,
    errors: extra.errors.map((i) => renderIssue(extra.t, i)),
    warnings: extra.warnings.map((i) => renderIssue(extra.t, i)),
    progress: extra.progress,
    result: extra.result,
  };
}
