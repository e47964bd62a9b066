import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/platform/config';
import { createRuntime } from '../src/server/server';
import type { Benchmark, BenchResult } from './harness';

/** Seconds `createRuntime` takes on `dataDir` (open, migrate, load reference data, bootstrap, build app). */
async function timeStart(dataDir: string, demo: boolean): Promise<number> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    KAUSA_DEMO: String(demo),
    KAUSA_ADMIN_PASSWORD: 'bench-admin-password-0123',
    SERVE_WEB: 'false',
  });
  const started = performance.now();
  const runtime = await createRuntime(config);
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  return seconds;
}

/**
 * First start on an empty PGlite folder (new database, all migrations, every reference data set,
 * demo seeding) against a restart of the same folder (nothing to load). Target: first start < 30 s.
 */
export async function benchStartup(): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'kausa-bench-start-'));
  try {
    const first = await timeStart(dir, true);
    const again = await timeStart(dir, true);
    return {
      rows: [],
      summary: [
        `first start (empty PGlite, migrations, reference data, demo): ${first.toFixed(2)} s (target < 30 s)`,
        `restart of the same database: ${again.toFixed(2)} s`,
        `first start / restart ratio: ${(first / again).toFixed(1)}`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `startup`: first-start time with all reference data against a restart. */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  description: 'first start on empty PGlite incl. reference data and demo, vs restart',
  run: benchStartup,
};
