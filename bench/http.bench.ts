import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/server/platform/config';
import { createRuntime } from '../src/server/server';
import { type Benchmark, type BenchOptions, type BenchResult, measure } from './harness';

/** Listens on an ephemeral port of 127.0.0.1 and returns the base URL. */
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** Measures a bare Fastify hello-world: the ceiling of this machine, Node and Fastify. */
async function measureHelloWorld(opts: BenchOptions) {
  const app = fastify();
  app.get('/', () => ({ hello: 'world' }));
  try {
    return await measure('fastify hello-world', `${await listen(app)}/`, opts);
  } finally {
    await app.close();
  }
}

/** Measures `GET /api/health` of the real app on a fresh PGlite database (health runs `select 1`). */
async function measureHealth(opts: BenchOptions) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kausa-bench-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KAUSA_DEMO: 'false',
      KAUSA_ADMIN_PASSWORD: 'bench-admin-password-0123',
    });
    const runtime = await createRuntime(config);
    try {
      const url = `${await listen(runtime.app)}/api/health`;
      const check = await fetch(url);
      if (!check.ok) throw new Error(`GET /api/health answered ${check.status}`);
      return await measure('GET /api/health (PGlite)', url, opts);
    } finally {
      await runtime.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Compares `GET /api/health` of our app with a bare Fastify hello-world on 127.0.0.1, one after the other,
 * with the same load; the ratio health/hello-world is the share of the machine's ceiling we keep.
 */
export async function benchHealthVsHelloWorld(opts: BenchOptions): Promise<BenchResult> {
  const hello = await measureHelloWorld(opts);
  const health = await measureHealth(opts);
  const ratio = health.requestsPerSec / hello.requestsPerSec;
  const summary = [`health/hello-world ratio: ${ratio.toFixed(2)}`];
  if (hello.failures + health.failures > 0) summary.unshift('WARNING: failed requests: figures not valid');
  return { rows: [hello, health], summary };
}

/** `http`: requests/s of GET /api/health against a bare Fastify hello-world. */
export const httpBenchmark: Benchmark = {
  name: 'http',
  description: 'GET /api/health (in-process app, PGlite) vs bare Fastify hello-world, autocannon',
  run: benchHealthVsHelloWorld,
};
