import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnServer } from '../src/server/test/spawn-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts the real server (`src/server/main.ts --demo`) over a fresh PGlite folder, hands its address
 * to the tests and stops it with SIGTERM afterwards.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kausa-e2e-'));
  const server = await spawnServer({ DATABASE_URL: '', DATA_DIR: dir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, [
    '--demo',
  ]);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
