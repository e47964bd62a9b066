import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, buildPgliteTemplate, buildPostgresTemplate } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    pgTemplate: string;
  }
}

/**
 * Builds one migrated, demo-seeded database per test run; each test file then starts from a copy
 * (PGlite: `loadDataDir` from a dump; PostgreSQL: `CREATE DATABASE … TEMPLATE`), STACK.md.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = await buildPostgresTemplate(databaseUrl);
    project.provide('pgTemplate', name);
    project.provide('pgliteDumpPath', '');
    return async () => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kausa-test-'));
  const path = join(dir, 'template.tar');
  writeFileSync(path, Buffer.from(await (await buildPgliteTemplate()).arrayBuffer()));
  project.provide('pgliteDumpPath', path);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
