import { describe, expect, it } from 'vitest';
import { activeNavPath } from './web-module';

describe('activeNavPath', () => {
  const paths = ['/', '/companies', '/companies/board', '/companies/new', '/board'];

  it('marks the longest entry above the page', () => {
    expect(activeNavPath('/companies/board', paths)).toBe('/companies/board');
    expect(activeNavPath('/companies', paths)).toBe('/companies');
    expect(activeNavPath('/companies/0b7c6f0e-0000-4000-8000-000000000000', paths)).toBe('/companies');
  });

  it('marks the start entry only on the start page, and nothing for unknown pages', () => {
    expect(activeNavPath('/', paths)).toBe('/');
    expect(activeNavPath('/boardgames', paths)).toBeNull();
  });
});
