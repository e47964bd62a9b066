import type { TOfficeKind } from '../../../contracts/common';
import type { TOffice } from '../../../contracts/offices';

/** An office with its child offices, for the tree view. */
export interface TOfficeNode {
  office: TOffice;
  children: TOfficeNode[];
}

/** The kind an office's parent must have (DOMAIN.md: coordination → state office → service centre). */
export const PARENT_KIND: Record<TOfficeKind, TOfficeKind | null> = {
  coordination: null,
  state_office: 'coordination',
  service_centre: 'state_office',
};

/** The kind of a new child below an office of `kind`; null below a service centre. */
export function childKindOf(kind: TOfficeKind): TOfficeKind | null {
  if (kind === 'coordination') return 'state_office';
  if (kind === 'state_office') return 'service_centre';
  return null;
}

/**
 * Builds the office tree, children sorted by name (German collation). An office whose parent is not in
 * `offices` (outside the user's scope) becomes a root.
 */
export function buildOfficeTree(offices: readonly TOffice[]): TOfficeNode[] {
  const nodes = new Map(offices.map((office) => [office.id, { office, children: [] as TOfficeNode[] }]));
  const roots: TOfficeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.office.parentId ? nodes.get(node.office.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator('de');
  const sort = (list: TOfficeNode[]) => {
    list.sort((a, b) => collator.compare(a.office.name, b.office.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The offices in tree order (depth first), with their depth (0 for roots). */
export function flattenOfficeTree(roots: readonly TOfficeNode[]): { office: TOffice; depth: number }[] {
  const out: { office: TOffice; depth: number }[] = [];
  const walk = (list: readonly TOfficeNode[], depth: number) => {
    for (const node of list) {
      out.push({ office: node.office, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** The 16 Länder as AGS prefixes "01" … "16" (contracts `ZLandCode`; names in locale section `lands`). */
export const LAND_CODES = Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'));
