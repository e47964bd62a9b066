import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from './test/spawn-server';

describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kausa-main-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on PGlite, answers health, and exits 0 on SIGTERM after closing the database', async () => {
    const server = await spawnServer({
      DATABASE_URL: '',
      DATA_DIR: dir,
      SERVE_WEB: 'false',
      KAUSA_ADMIN_PASSWORD: 'ein-sicheres-passwort',
    });
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', driver: 'pglite' });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('shutting down');
  }, 90_000);

  it('stops with exit code 1 and a list of bad keys, without a stack trace, on invalid configuration', async () => {
    await expect(spawnServer({ PORT: 'abc', DATA_DIR: dir }, [], 30_000)).rejects.toThrow(
      /exited with 1:\s*Invalid configuration:\s*PORT/,
    );
  }, 40_000);
});
