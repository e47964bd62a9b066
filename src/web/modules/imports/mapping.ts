import type { TImportJob, TImportMapping } from '../../../contracts/imports';

/**
 * Column mapping on the wizard's mapping screen: every target field of the import with the file
 * header chosen for it (`''` = not imported). Pure functions over the job the server answered.
 */
export type TMappingState = Record<string, string>;

/** What the mapping needs of a job. */
export type TMappingJob = Pick<TImportJob, 'fields' | 'headers' | 'mapping' | 'suggestedMapping'>;

/**
 * The mapping to start with: the one the last dry run used, else the server's suggestion; a header
 * that is not in the file any more is dropped. Every field of the target has a key (`''` when unmapped).
 */
export function initialMapping(job: TMappingJob): TMappingState {
  const source = job.mapping ?? job.suggestedMapping;
  const headers = new Set(job.headers);
  const state: TMappingState = {};
  for (const { field } of job.fields) {
    const header = source[field] ?? '';
    state[field] = headers.has(header) ? header : '';
  }
  return state;
}

/** The mapping with `field` set to `header` (`''` unmaps it). A header may serve several fields. */
export function assignColumn(state: TMappingState, field: string, header: string): TMappingState {
  return { ...state, [field]: header };
}

/** Required fields without a column, in field order (the dry run is refused while any is missing). */
export function missingRequired(fields: TImportJob['fields'], state: TMappingState): string[] {
  return fields.filter((f) => f.required && !state[f.field]).map((f) => f.field);
}

/** Headers of the file no field uses (shown as "wird nicht importiert"). */
export function unusedHeaders(headers: readonly string[], state: TMappingState): string[] {
  const used = new Set(Object.values(state).filter(Boolean));
  return headers.filter((h) => !used.has(h));
}

/** The mapping as the API takes it: only mapped fields. */
export function mappingToRequest(state: TMappingState): TImportMapping {
  return Object.fromEntries(Object.entries(state).filter(([, header]) => header !== ''));
}

/** True when two mappings send the same request (unmapped fields do not count). */
export function sameMapping(a: TMappingState, b: TMappingState): boolean {
  const x = mappingToRequest(a);
  const y = mappingToRequest(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/**
 * Up to `max` distinct non-empty sample values of a header from the job's sample rows (shown beside
 * the select so the user sees what the column holds). Empty for an unknown header.
 */
export function sampleValues(
  job: Pick<TImportJob, 'headers' | 'sampleRows'>,
  header: string,
  max = 3,
): string[] {
  const i = job.headers.indexOf(header);
  if (i < 0) return [];
  const values: string[] = [];
  for (const row of job.sampleRows) {
    const v = (row[i] ?? '').trim();
    if (v && !values.includes(v)) values.push(v);
    if (values.length >= max) break;
  }
  return values;
}
