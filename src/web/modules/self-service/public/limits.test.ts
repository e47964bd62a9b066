import { describe, expect, it } from 'vitest';
import { ZOccupationQuery } from '../../../../contracts/reference';
import { cleanUploadName } from '../../../../contracts/self-service';
import { ApiError } from '../../../lib/api';
import { limitText, OCCUPATION_QUERY_MAX, occupationQuery, showCounter } from './profile-values';
import { isLinkUnusable, linkProblemDetail } from './public-api';
import { publicText } from './public-texts';

describe('long input in the profile form', () => {
  it('cuts a pasted text at the limit and says so; the counter shows from 90 %', () => {
    expect(limitText('abc', 5)).toEqual({ value: 'abc', cut: false });
    expect(limitText('x'.repeat(2500), 2000)).toEqual({ value: 'x'.repeat(2000), cut: true });
    // Never half an emoji (surrogate pair) at the end.
    expect(limitText(`${'x'.repeat(1999)}😀`, 2000)).toEqual({ value: 'x'.repeat(1999), cut: true });
    expect(showCounter(1799, 2000)).toBe(false);
    expect(showCounter(1800, 2000)).toBe(true);
    expect(publicText('de', 'textCut', { max: 2000 })).toContain('2000');
  });

  it('keeps the occupation search within the API limit (no 400)', () => {
    expect(OCCUPATION_QUERY_MAX).toBe(ZOccupationQuery.shape.q.unwrap().maxLength);
    expect(occupationQuery(`  ${'Koch'.repeat(100)}  `)).toHaveLength(OCCUPATION_QUERY_MAX);
    expect(ZOccupationQuery.safeParse({ q: occupationQuery('a'.repeat(500)) }).success).toBe(true);
  });

  it('shortens upload names keeping the extension and keeps markup as text', () => {
    expect(cleanUploadName(`${'a'.repeat(296)}.pdf`)).toBe(`${'a'.repeat(196)}.pdf`);
    expect(cleanUploadName('<b>x</b>aaa.pdf')).toBe('<b>x<b>aaa.pdf');
    expect(cleanUploadName('C:\\fakepath\\zeug\u0007nis.png')).toBe('C:fakepathzeugnis.png');
    expect(cleanUploadName('\u0000')).toBe('upload');
    expect(cleanUploadName('x'.repeat(300))).toHaveLength(200);
  });
});

describe('link problems', () => {
  it('treats every client error of the form as an unusable link, not network or server errors', () => {
    expect(isLinkUnusable(new ApiError(400, 'validation', null))).toBe(true);
    expect(isLinkUnusable(new ApiError(404, 'not_found', null))).toBe(true);
    expect(isLinkUnusable(new ApiError(410, 'profile_link_used', null))).toBe(true);
    expect(isLinkUnusable(new ApiError(0, 'network', null))).toBe(false);
    expect(isLinkUnusable(new ApiError(503, 'http_503', null))).toBe(false);
  });

  it('shows the server reason only in the shown language (never German under an Arabic heading)', () => {
    const problem = { type: '', title: 'Nicht gefunden.', status: 404, code: 'not_found' };
    expect(linkProblemDetail(problem, 'ar')).toBeUndefined();
    expect(
      linkProblemDetail({ ...problem, language: 'de', detail: 'Nicht gefunden.' }, 'ar'),
    ).toBeUndefined();
    expect(linkProblemDetail({ ...problem, language: 'ar', detail: 'الرابط غير معروف' }, 'ar')).toBe(
      'الرابط غير معروف',
    );
  });
});
