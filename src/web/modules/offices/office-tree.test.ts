import { describe, expect, it } from 'vitest';
import type { TOffice } from '../../../contracts/offices';
import { buildOfficeTree, childKindOf, flattenOfficeTree } from './office-tree';

const at = '2026-11-30T10:00:00.000Z';
const office = (id: string, parentId: string | null, kind: TOffice['kind'], name: string): TOffice => ({
  id,
  parentId,
  kind,
  name,
  landCode: null,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

describe('buildOfficeTree', () => {
  it('nests offices under their parents, sorted by name', () => {
    const roots = buildOfficeTree([
      office('s2', 'l', 'service_centre', 'Servicestelle Hagen'),
      office('l', 'k', 'state_office', 'Landesstelle NRW'),
      office('k', null, 'coordination', 'Koordinierungsstelle'),
      office('s1', 'l', 'service_centre', 'Servicestelle Düsseldorf'),
    ]);
    expect(flattenOfficeTree(roots).map((o) => [o.office.id, o.depth])).toEqual([
      ['k', 0],
      ['l', 1],
      ['s1', 2],
      ['s2', 2],
    ]);
  });

  it('makes an office whose parent is out of scope a root', () => {
    const roots = buildOfficeTree([office('s1', 'missing', 'service_centre', 'Servicestelle')]);
    expect(roots.map((r) => r.office.id)).toEqual(['s1']);
  });
});

describe('childKindOf', () => {
  it('follows coordination → state office → service centre', () => {
    expect(childKindOf('coordination')).toBe('state_office');
    expect(childKindOf('state_office')).toBe('service_centre');
    expect(childKindOf('service_centre')).toBeNull();
  });
});
