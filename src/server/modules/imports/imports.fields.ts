import type { TImportMapping, TImportTarget } from '../../../contracts/imports';
import { ZCompanyImportField, ZPlaceImportField } from '../../../contracts/imports';
import { AppError } from '../../platform/errors';
import { labelKey } from './imports.labels';
import { COMPANY_FIELDS, type FieldDef, PLACE_FIELDS } from './imports.synonyms';

export type { FieldDef } from './imports.synonyms';

/** The fields of a target, in display order. */
export function fieldsOf(target: TImportTarget): readonly FieldDef[] {
  return target === 'companies' ? COMPANY_FIELDS : PLACE_FIELDS;
}

/**
 * Suggested mapping for the headers of a file: each field gets the first header (left to right)
 * whose key equals one of its synonyms; a header serves one field, longer synonyms first ("PLZ
 * Betrieb" before "PLZ").
 */
export function suggestMapping(target: TImportTarget, headers: readonly string[]): TImportMapping {
  const candidates: Array<{ field: string; key: string }> = [];
  for (const f of fieldsOf(target))
    for (const s of f.synonyms) candidates.push({ field: f.field, key: labelKey(s) });
  candidates.sort((a, b) => b.key.length - a.key.length);
  const keys = headers.map(labelKey);
  const mapping: TImportMapping = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field]) continue;
    const i = keys.findIndex((k, idx) => k === c.key && !used.has(idx));
    if (i >= 0) {
      mapping[c.field] = headers[i] as string;
      used.add(i);
    }
  }
  // Keep the display order of the fields.
  return Object.fromEntries(
    fieldsOf(target)
      .filter((f) => mapping[f.field])
      .map((f) => [f.field, mapping[f.field] as string]),
  );
}

/**
 * Checks a mapping against the file: known fields of the target, headers that exist, every required
 * field mapped. Returns field → column index.
 * @throws AppError `import_mapping` (400) with one field error per problem (`body.mapping.<field>`,
 *   codes `unknown_field`, `unknown_column`, `required`)
 */
export function resolveMapping(
  target: TImportTarget,
  headers: readonly string[],
  mapping: TImportMapping,
): Map<string, number> {
  const known = new Set<string>(
    (target === 'companies' ? ZCompanyImportField : ZPlaceImportField).options as readonly string[],
  );
  const problems: Array<{ field: string; code: string }> = [];
  const columns = new Map<string, number>();
  for (const [field, header] of Object.entries(mapping)) {
    if (!known.has(field)) {
      problems.push({ field: `body.mapping.${field}`, code: 'unknown_field' });
      continue;
    }
    if (header === '') continue;
    const i = headers.indexOf(header);
    if (i < 0) problems.push({ field: `body.mapping.${field}`, code: 'unknown_column' });
    else columns.set(field, i);
  }
  for (const f of fieldsOf(target)) {
    if (f.required && !columns.has(f.field) && !problems.some((p) => p.field === `body.mapping.${f.field}`)) {
      problems.push({ field: `body.mapping.${f.field}`, code: 'required' });
    }
  }
  if (problems.length) {
    throw new AppError(
      'import_mapping',
      problems.map((p) => ({ ...p, messageKey: 'import_mapping' as const })),
    );
  }
  return columns;
}
