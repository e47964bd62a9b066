import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { exportUrl, isBaFile, uploadContentType, XLSX_MIME } from './api';
import { uploadProblem } from './upload-problem';

const t = ((key: string) => key) as unknown as Parameters<typeof uploadProblem>[1];

describe('imports api helpers', () => {
  it('send xlsx files with their MIME type and everything else as CSV', () => {
    expect(uploadContentType({ name: 'Plätze.XLSX', type: '' })).toBe(XLSX_MIME);
    expect(uploadContentType({ name: 'plaetze', type: XLSX_MIME })).toBe(XLSX_MIME);
    expect(uploadContentType({ name: 'plaetze.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(isBaFile({ name: 'jobsuche.json', type: '' })).toBe(true);
    expect(isBaFile({ name: 'plaetze.csv', type: 'text/csv' })).toBe(false);
  });

  it('build export links from the list filters, without paging', () => {
    expect(
      exportUrl('places', 'xlsx', { status: 'open', q: '', limit: 50, offset: 100, near: undefined }),
    ).toBe('/api/exports/places?status=open&format=xlsx');
    expect(exportUrl('companies', 'csv')).toBe('/api/exports/companies?format=csv');
  });

  it('show file problems at the file field and the rest above the form', () => {
    const problem = (
      status: number,
      code: string,
      errors: Array<{ field: string; code: string; message: string }> = [],
    ) =>
      new ApiError(status, code, {
        type: 'about:blank',
        title: code,
        status,
        code,
        detail: `detail ${code}`,
        errors,
      });
    expect(uploadProblem(problem(400, 'file_wrong_delimiter'), t)).toEqual({
      text: 'detail file_wrong_delimiter',
      atFile: true,
    });
    expect(uploadProblem(problem(413, 'payload_too_large'), t).atFile).toBe(true);
    expect(uploadProblem(problem(403, 'forbidden'), t).atFile).toBe(false);
    expect(
      uploadProblem(
        problem(400, 'validation', [{ field: 'body.stellenangebote', code: 'invalid_type', message: 'x' }]),
        t,
      ),
    ).toEqual({
      text: 'importsUi.upload.notBa',
      atFile: true,
    });
    expect(uploadProblem(new SyntaxError('Unexpected token'), t)).toEqual({
      text: 'importsUi.upload.notJson',
      atFile: true,
    });
  });
});
