import { type RawBuilder, sql } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';

/**
 * `<ref> IN (<scope offices>)` as a where-condition: `true` for an installation-wide scope, `false`
 * for an empty one. Every query of this module on office-owned rows goes through it.
 * @param ref a qualified column such as `p.office_id`
 */
export function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/**
 * A `date` column read as `YYYY-MM-DD` text (node-postgres would turn it into a JS `Date` at local
 * midnight, which shifts the day under a non-UTC server time zone).
 */
export function isoDate(ref: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;
}

/** `%<text>%` for LIKE with `%`, `_` and `\` escaped. */
export function containsPattern(folded: string): string {
  return `%${folded.replace(/[%_\\]/g, '\\$&')}%`;
}

/** Today's calendar date in Germany as `YYYY-MM-DD` (the offices are in Germany; `now` for tests). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
