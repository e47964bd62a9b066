import { describe, expect, it } from 'vitest';
import { applyChoice, filtersFromParams, filtersToParams, kldbAncestry } from './occupation-filters';

describe('occupation filters in the address', () => {
  it('reads valid values and drops invalid ones', () => {
    const filters = filtersFromParams(new URLSearchParams('q=Frisör&letter=k&kldb=251&kind=eq&offset=50'));
    expect(filters).toEqual({ view: 'kldb', q: 'Frisör', letter: 'K', kldb: '251', kind: 'eq', offset: 50 });
    expect(filtersFromParams(new URLSearchParams('letter=1&kldb=25121&kind=x&offset=-5'))).toEqual({
      view: 'az',
      q: '',
      letter: null,
      kldb: null,
      kind: null,
      offset: 0,
    });
  });

  it('knows the kind "training under its own federal law" (Pflegefachmann/-frau …)', () => {
    expect(filtersFromParams(new URLSearchParams('kind=federal_other')).kind).toBe('federal_other');
  });

  it('writes only what is set, and reads back the same', () => {
    const filters = filtersFromParams(new URLSearchParams('letter=B&kind=dual'));
    expect(filtersToParams(filters).toString()).toBe('letter=B&kind=dual');
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
  });
});

describe('applyChoice', () => {
  const start = filtersFromParams(new URLSearchParams('letter=K&kind=dual&offset=100'));

  it('lets a search replace the letter and KldB choice, keeping the kind, back to page one', () => {
    expect(applyChoice(start, { type: 'search', q: 'Kfz' })).toMatchObject({
      q: 'Kfz',
      letter: null,
      kldb: null,
      kind: 'dual',
      offset: 0,
    });
  });

  it('lets a KldB area replace letter and search and switch to the KldB view', () => {
    expect(applyChoice({ ...start, q: 'x' }, { type: 'kldb', code: '2' })).toMatchObject({
      view: 'kldb',
      q: '',
      letter: null,
      kldb: '2',
    });
  });
});

describe('kldbAncestry', () => {
  it('lists the codes from the area down', () => {
    expect(kldbAncestry('251')).toEqual(['2', '25', '251']);
    expect(kldbAncestry(null)).toEqual([]);
  });
});
