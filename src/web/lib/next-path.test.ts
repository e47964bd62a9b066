import { describe, expect, it } from 'vitest';
import { directionOf } from './direction';
import { localDayToIso } from './format';
import { nextQuery, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/users?role=admin')).toBe('/users?role=admin');
  });

  it('rejects open redirects and loops back to the login', () => {
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?next=/x',
    ]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });

  it('builds ?next= only for pages other than the start page', () => {
    expect(nextQuery('/')).toBe('');
    expect(nextQuery('/audit?action=login')).toBe('?next=%2Faudit%3Faction%3Dlogin');
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic and Persian, ltr otherwise', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
    expect(directionOf('de-x-ls')).toBe('ltr');
  });
});

describe('localDayToIso', () => {
  it('turns a local calendar day into the ISO timestamp of its local midnight', () => {
    expect(localDayToIso('2026-11-30')).toBe(new Date(2026, 10, 30).toISOString());
    expect(localDayToIso('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
    expect(localDayToIso('')).toBeUndefined();
    expect(localDayToIso('30.11.2026')).toBeUndefined();
  });
});
