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

/** The interpolation values of an issue's message. */
function messageValues(i: RowIssue): Record<string, string | number> {
  return {
    ...i.params,
    value: i.value ?? '',
    suggestion: i.suggestion?.name ?? '',
    companyName: i.existingCompany?.name ?? i.params.companyName ?? '',
  };
}

/** Option names of i18next's `t()` besides `count`: an issue value by one of these names bypasses the cache. */
const T_OPTIONS = new Set([
  'lng',
  'lngs',
  'ns',
  'context',
  'defaultValue',
  'ordinal',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'keyPrefix',
  'fallbackLng',
  'nsSeparator',
  'keySeparator',
  'skipInterpolation',
]);

/** Marks where a value goes in a message rendered once with markers (see `issueMessages`): private-use characters. */
const SLOT = /\uE000(\d+)\uE001/;

/**
 * Message renderer for many issues at once (a 50,000-row file has thousands of warnings; `t()`
 * takes ~30 µs a call): each message is translated once per key, value names and `count`, with a
 * marker for every other value, and then filled by string joins. Same text as calling `t()` per
 * issue: the `imports.rows` messages only interpolate plain `{{name}}`s (no formats, no nesting)
 * and `escapeValue` is off, so `t()` inserts `String(value)` as it is.
 */
export function issueMessages(t: TFunction): (i: RowIssue) => string {
  const templates = new Map<string, { parts: string[]; names: string[] }>();
  return (i) => {
    const key = `imports.rows.${messageKey(i)}`;
    const values = messageValues(i);
    const names = Object.keys(values).filter((n) => n !== 'count');
    // A value named like an option of `t()` (language, context …) would change the lookup itself.
    if (names.some((n) => T_OPTIONS.has(n))) return t(key, values);
    const cacheKey = `${key}|${names.join(',')}|${values.count ?? ''}`;
    let template = templates.get(cacheKey);
    if (!template) {
      const marked: Record<string, string | number> = { ...values };
      for (const [n, name] of names.entries()) marked[name] = `\uE000${n}\uE001`;
      const pieces = t(key, marked).split(SLOT);
      template = {
        parts: pieces.filter((_, j) => j % 2 === 0),
        names: pieces.filter((_, j) => j % 2 === 1).map((n) => names[Number(n)] as string),
      };
      templates.set(cacheKey, template);
    }
    let message = template.parts[0] ?? '';
    for (const [j, name] of template.names.entries()) {
      message += String(values[name] ?? '') + (template.parts[j + 1] ?? '');
    }
    return message;
  };
}

/** Renders a stored issue in the request's language (`imports.rows.<code>` with its parameters). */
export function renderIssue(
  t: TFunction,
  i: RowIssue,
  message = t(`imports.rows.${messageKey(i)}`, messageValues(i)),
): TImportIssue {
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
  const messageOf = issueMessages(extra.t);
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
    errors: extra.errors.map((i) => renderIssue(extra.t, i, messageOf(i))),
    warnings: extra.warnings.map((i) => renderIssue(extra.t, i, messageOf(i))),
    progress: extra.progress,
    result: extra.result,
  };
}
