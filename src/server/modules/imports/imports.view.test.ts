import { describe, expect, it } from 'vitest';
import de from '../../../locales/de.json' with { type: 'json' };
import { SERVER_LANGUAGES, translator } from '../../platform/i18n';
import type { RowIssue } from './check.core';
import { issueMessages, renderIssue } from './imports.view';

/** An issue of `code` with the given parameters and cell value. */
function issue(code: string, params: RowIssue['params'], extra: Partial<RowIssue> = {}): RowIssue {
  return { row: 7, field: 'name', column: 'Firma', value: 'Zelle', code, params, ...extra };
}

/** Parameters of every kind the checks give, with values `t()` must not interpret. */
const PARAMS: RowIssue['params'] = {
  max: 200,
  min: 1,
  row: 12,
  date: '01.08.2027',
  name: 'Küche $& {{value}} $t(errors.not_found)',
  language: 'Klingonisch',
  allowed: 'ja, nein',
  companyName: 'Müller & Söhne "GmbH" \uE0000\uE001',
  count: 3,
  postcode: '01067',
};

describe('issue messages rendered from cached templates', () => {
  it('equal t() for every row message, in every language, whatever the values', () => {
    const codes = Object.keys(de.imports.rows);
    for (const lang of SERVER_LANGUAGES) {
      const t = translator(lang);
      const messageOf = issueMessages(t);
      for (const code of codes) {
        const variants: RowIssue[] = [
          issue(code, PARAMS),
          issue(code, { ...PARAMS, count: 1, companyName: 'Anders' }, { value: null }),
          issue(code, {}, { value: '$1 {{max}}', suggestion: { id: 'koch', name: 'Koch/Köchin' } }),
          issue(code, { row: 3 }, { existingCompany: { id: 'c', name: 'Bäckerei Yılmaz' } }),
        ];
        for (const i of variants) {
          // Twice: the second call comes from the cached template.
          expect([messageOf(i), messageOf(i)]).toEqual([
            renderIssue(t, i).message,
            renderIssue(t, i).message,
          ]);
        }
      }
    }
  });

  it('passes values named like a t() option straight to t()', () => {
    const t = translator('de');
    const i = issue('too_long', { max: 5, lng: 'en' });
    expect(issueMessages(t)(i)).toBe(renderIssue(t, i).message);
  });
});
