import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { type OpenDatabaseOptions, openDatabase, PGLITE_EXTENSIONS } from './platform/db/database';
import { createRuntime } from './server';
import { adminQuery, dropTestDatabase, testConfig } from './test/template';

/** An empty database of the engine under test, and how to drop it. */
async function emptyDatabase(): Promise<{
  opts: () => Promise<OpenDatabaseOptions>;
  drop: () => Promise<void>;
}> {
  const base = process.env.DATABASE_URL;
  if (!base)
    return {
      opts: async () => ({ pglite: await PGlite.create({ extensions: PGLITE_EXTENSIONS }) }),
      drop: async () => {},
    };
  const name = `kausa_empty_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    opts: async () => ({ databaseUrl: url.toString() }),
    drop: () => dropTestDatabase(base, name),
  };
}

describe('first start', () => {
  it('creates the admin with a printed one-time password that must be changed, once', async () => {
    const empty = await emptyDatabase();
    const rt = await createRuntime(testConfig({ SERVE_WEB: 'false' }), await empty.opts());
    try {
      expect(rt.adminOneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
      const csrf = await rt.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      const res = await rt.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-csrf-token': csrf.json().token, cookie: csrf.headers['set-cookie'] as string },
        payload: { email: 'admin@kausa.example', password: rt.adminOneTimePassword },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({
        role: 'admin',
        mustChangePassword: true,
        officeName: 'KAUSA Koordinierungsstelle',
      });
    } finally {
      await rt.close();
      await empty.drop();
    }
  });

  it('takes KAUSA_ADMIN_PASSWORD instead, and seeds the demo only when asked', async () => {
    const empty = await emptyDatabase();
    const rt = await createRuntime(
      testConfig({ SERVE_WEB: 'false', KAUSA_ADMIN_PASSWORD: 'ein-sicheres-passwort' }),
      await empty.opts(),
    );
    try {
      expect(rt.adminOneTimePassword).toBeNull();
      const users = await rt.handle.db
        .selectFrom('app_user')
        .select(['email', 'must_change_password'])
        .execute();
      expect(users).toEqual([{ email: 'admin@kausa.example', must_change_password: false }]);
    } finally {
      await rt.close();
      await empty.drop();
    }
  });

  it('restores the admin at start when none is left, taking KAUSA_ADMIN_PASSWORD', async () => {
    const empty = await emptyDatabase();
    const opts = await empty.opts();
    const rt = await createRuntime(
      testConfig({ SERVE_WEB: 'false', KAUSA_ADMIN_PASSWORD: 'erstes-passwort-123' }),
      opts,
    );
    // No admin left (as after a mistake, or a database edited by hand).
    await rt.handle.db.updateTable('app_user').set({ role: 'viewer' }).execute();
    await rt.app.close();
    // PGlite: hand the same engine to the second start; PostgreSQL: reconnect by URL.
    if (!('pglite' in opts)) await rt.handle.close();
    const again = await createRuntime(
      testConfig({ SERVE_WEB: 'false', KAUSA_ADMIN_PASSWORD: 'neues-passwort-12345' }),
      'pglite' in opts ? { pglite: opts.pglite } : opts,
    );
    try {
      const admins = await again.handle.db
        .selectFrom('app_user')
        .select(['email', 'role'])
        .where('role', '=', 'admin')
        .execute();
      expect(admins).toEqual([{ email: 'admin@kausa.example', role: 'admin' }]);
    } finally {
      await again.close();
      await empty.drop();
    }
  });
});

describe('embedded database folder', () => {
  it('refuses a second process on the same PGlite folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kausa-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another KAUSA server/);
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
