import { type RawBuilder, sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';

/**
 * `<ref> IN (<scope offices>)` as a where-condition: `true` for an installation-wide scope, `false`
 * for an empty one. Every repository query of this module on office-owned rows goes through it.
 * @param ref a qualified column such as `c.office_id`
 */
export function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/** A `date` column as `YYYY-MM-DD` text (node-postgres would make a local-midnight `Date` of it). */
export function isoDate(ref: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;
}

/** A `char(5)` postcode column without padding, or null. */
export function postcodeText(ref: string): RawBuilder<string | null> {
  return sql<string | null>`trim(${sql.ref(ref)})`;
}
