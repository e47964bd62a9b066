import type { Executor } from '../../platform/db/database';

/** The only writer of `match_config` (the matching weights and parameters of each office). */

/** The stored config of an office with the name of who changed it last; undefined = the defaults. */
export function selectConfig(db: Executor, officeId: string) {
  return db
    .selectFrom('match_config as m')
    .leftJoin('app_user as u', 'u.id', 'm.updated_by')
    .select(['m.office_id', 'm.config', 'm.version', 'm.updated_at', 'u.display_name as updated_by_name'])
    .where('m.office_id', '=', officeId)
    .executeTakeFirst();
}

/** A stored config row. */
export type ConfigRow = NonNullable<Awaited<ReturnType<typeof selectConfig>>>;

/**
 * Writes an office's config if it still has `version` (1 = no row yet: inserts version 2), bumping the version.
 * @returns true when written, false when someone else changed it first
 */
export async function writeConfig(
  db: Executor,
  opts: { officeId: string; version: number; config: Record<string, unknown>; userId: string | null },
): Promise<boolean> {
  const json = JSON.stringify(opts.config);
  if (opts.version === 1) {
    const r = await db
      .insertInto('match_config')
      .values({ office_id: opts.officeId, config: json, version: 2, updated_by: opts.userId })
      .onConflict((oc) => oc.column('office_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('match_config')
    .set((eb) => ({
      config: json,
      version: eb('version', '+', 1),
      updated_by: opts.userId,
      updated_at: new Date(),
    }))
    .where('office_id', '=', opts.officeId)
    .where('version', '=', opts.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
