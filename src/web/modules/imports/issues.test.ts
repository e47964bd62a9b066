import { describe, expect, it } from 'vitest';
import type { TImportIssue } from '../../../contracts/imports';
import {
  affectedRows,
  countByCode,
  duplicateWarnings,
  groupByRow,
  newCompanyWarnings,
  pageOf,
} from './issues';

function issue(row: number | null, code: string, extra: Partial<TImportIssue> = {}): TImportIssue {
  return {
    row,
    field: 'seats',
    column: 'Plätze',
    value: null,
    code,
    message: `${code} in ${row}`,
    params: {},
    suggestion: null,
    existingCompany: null,
    ...extra,
  };
}

describe('dry-run issues', () => {
  it('group by file row, file-level problems first, keeping the order inside a row', () => {
    const groups = groupByRow([
      issue(7, 'seats_not_positive'),
      issue(3, 'unknown_occupation', { field: 'occupation' }),
      issue(7, 'starts_in_past', { field: 'startsOn' }),
      issue(null, 'file_problem'),
    ]);
    expect(groups.map((g) => g.row)).toEqual([null, 3, 7]);
    expect(groups[2]?.issues.map((i) => i.code)).toEqual(['seats_not_positive', 'starts_in_past']);
  });

  it('count each kind, most frequent first, with an example message', () => {
    const counts = countByCode([
      issue(2, 'seats_not_positive'),
      issue(3, 'unknown_occupation'),
      issue(4, 'unknown_occupation'),
    ]);
    expect(counts).toEqual([
      { code: 'unknown_occupation', count: 2, example: 'unknown_occupation in 3' },
      { code: 'seats_not_positive', count: 1, example: 'seats_not_positive in 2' },
    ]);
  });

  it('count distinct rows with problems, not problems', () => {
    expect(affectedRows([issue(2, 'a'), issue(2, 'b'), issue(9, 'a'), issue(null, 'c')])).toBe(2);
  });

  it('page a long list and clamp an offset past the end to the last page', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toEqual({ items: rows.slice(0, 50), offset: 0 });
    expect(pageOf(rows, 100, 50).items).toEqual(rows.slice(100));
    expect(pageOf(rows, 500, 50).offset).toBe(100);
    expect(pageOf([], 50, 50)).toEqual({ items: [], offset: 0 });
  });

  it('pick the duplicate-company and will-be-created warnings', () => {
    const company = { id: '00000000-0000-4000-8000-000000000001', name: 'Bäckerei Kaya' };
    const warnings = [
      issue(2, 'duplicate_company_existing', { existingCompany: company }),
      issue(3, 'duplicate_company_in_file'),
      issue(4, 'company_will_be_created'),
      issue(5, 'postcode_missing'),
    ];
    expect(duplicateWarnings(warnings).map((w) => w.row)).toEqual([2, 3]);
    expect(newCompanyWarnings(warnings).map((w) => w.row)).toEqual([4]);
  });
});
