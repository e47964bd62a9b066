import type { Executor } from '../../platform/db/database';
import type { RowIssue } from './check.core';
import type { CheckedPlaces, PreparedPlace } from './check.places';
import { selectPlaceKeys } from './imports.repository';

/** What makes two places the same: company, kind, occupation, start date and postcode. */
function placeKey(
  company: string,
  p: Pick<PreparedPlace['place'], 'kind' | 'occupationId' | 'startsOn' | 'postcode'>,
) {
  return `${company}|${p.kind}|${p.occupationId ?? ''}|${p.startsOn ?? ''}|${p.postcode ?? ''}`;
}

/**
 * Marks checked place rows that repeat a place (sets `duplicateOf`) and returns a warning for each:
 * `place_duplicate_existing` (the office has such a place of the same company already) or
 * `place_duplicate_in_file` (an earlier row is the same place; param `row`). Rows with an external
 * reference are left alone: the reference identifies them (a known one is updated, a new one is
 * another offer). `companyIds`: company key → id of the companies the office has.
 */
export async function markPlaceDuplicates(
  db: Executor,
  officeId: string,
  checked: CheckedPlaces,
  companyIds: ReadonlyMap<string, string>,
): Promise<RowIssue[]> {
  const candidates = checked.places.filter((p) => p.place.externalRef === null);
  if (candidates.length === 0) return [];
  const existing = new Map<string, string>();
  const known = await selectPlaceKeys(db, officeId, [...new Set(companyIds.values())]);
  for (const p of known) {
    const key = placeKey(p.company_id, {
      kind: p.kind as PreparedPlace['place']['kind'],
      occupationId: p.occupation_id,
      startsOn: p.starts_on,
      postcode: p.postcode,
    });
    if (!existing.has(key)) existing.set(key, p.id);
  }
  const firstRow = new Map<string, number>();
  const warnings: RowIssue[] = [];
  const issue = (p: PreparedPlace, code: string, params: Record<string, number>): RowIssue => ({
    row: p.row,
    field: null,
    column: null,
    value: null,
    code,
    params,
  });
  for (const p of candidates) {
    const companyId = companyIds.get(p.companyKey);
    const placeId = companyId ? existing.get(placeKey(companyId, p.place)) : undefined;
    if (placeId) {
      p.duplicateOf = { placeId, row: null };
      warnings.push(issue(p, 'place_duplicate_existing', {}));
      continue;
    }
    const inFile = placeKey(p.companyKey, p.place);
    const first = firstRow.get(inFile);
    if (first === undefined) {
      firstRow.set(inFile, p.row);
      continue;
    }
    p.duplicateOf = { placeId: null, row: first };
    warnings.push(issue(p, 'place_duplicate_in_file', { row: first }));
  }
  return warnings;
}
