import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('serving the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A minimal bundle of its own, so this test neither needs nor touches `dist/web`.
    const dir = mkdtempSync(join(tmpdir(), 'kausa-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>KAUSA</title>');
    t = await createTestApp({ SERVE_WEB: 'true', WEB_DIR: dir });
  });
  afterAll(() => t.close());

  it('answers client routes with index.html, but a missing asset or API route with 404', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/users?q=x' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect((await t.app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('sends a CSP without upgrade-insecure-requests on plain http', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
