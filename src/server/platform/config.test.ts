import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: port 3000, PGlite in ./var, demo off', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './var',
      databaseUrl: undefined,
      demo: false,
      secureCookies: false,
    });
  });

  it('fails fast listing every bad key', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url', SESSION_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/,
    );
  });

  it('uses Secure cookies when PUBLIC_URL is https, and reads KAUSA_DEMO as a switch', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://kausa.example.org', KAUSA_DEMO: 'true' });
    expect(c.secureCookies).toBe(true);
    expect(c.demo).toBe(true);
  });
});
