import type { Executor } from './database';

/** Reads a key of `app_meta` (installation facts such as `demo_seeded`, `cookie_secret`). */
export async function getMeta(db: Executor, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

/** Writes a key of `app_meta` (the only writer of that table). */
export async function setMeta(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
    .execute();
}
