import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../test/test-app';
import { DEMO_PASSWORD } from '../demo/index';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sets an HttpOnly SameSite=Lax session cookie and answers /api/users/me', async () => {
    const c = await t.client();
    const res = await c.post('/api/auth/login', {
      email: 'Counsellor@KAUSA.example',
      password: DEMO_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'kausa_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = await c.get('/api/users/me');
    expect(me.json().user).toMatchObject({
      email: DEMO.counsellor,
      role: 'counsellor',
      officeName: 'KAUSA Servicestelle Düsseldorf',
    });
    expect(JSON.stringify(me.json())).not.toContain('argon2');
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://kausa.example.org' });
    try {
      const c = await secure.client();
      const res = await c.post('/api/auth/login', { email: DEMO.viewer, password: DEMO_PASSWORD });
      expect(res.cookies.find((k) => k.name === 'kausa_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('answers 401 on /api/users/me without a session and after logout', async () => {
    const c = await t.client();
    expect((await c.get('/api/users/me')).statusCode).toBe(401);
    const signed = await t.client(DEMO.viewer);
    expect((await signed.get('/api/users/me')).statusCode).toBe(200);
    expect((await signed.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await signed.get('/api/users/me')).statusCode).toBe(401);
  });

  it('says who is signed in on /api/auth/session: the user, or null — never a 401 (console noise)', async () => {
    const c = await t.client();
    const anonymous = await c.get('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    const signed = await t.client(DEMO.viewer);
    expect((await signed.get('/api/auth/session')).json().user).toMatchObject({
      email: DEMO.viewer,
      role: 'viewer',
    });
    await signed.post('/api/auth/logout');
    expect((await signed.get('/api/auth/session')).json()).toEqual({ user: null });
  });

  it('rejects a wrong password with a localised problem and audits the attempt', async () => {
    const c = await t.client();
    c.lang = 'en';
    const res = await c.post('/api/auth/login', { email: DEMO.volunteer, password: 'wrong-password' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'invalid_credentials',
      detail: 'E-mail address or password is wrong.',
    });
    const admin = await t.client(DEMO.admin);
    const log = (await admin.get('/api/audit?action=login_failed')).json();
    expect(log.items.some((e: { details: { email?: string } }) => e.details.email === DEMO.volunteer)).toBe(
      true,
    );
  });

  it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
    const locked = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
    try {
      const c = await locked.client();
      for (let i = 0; i < 2; i++) {
        expect(
          (await c.post('/api/auth/login', { email: DEMO.counsellor, password: 'nope-nope' })).statusCode,
        ).toBe(401);
      }
      expect(
        (await c.post('/api/auth/login', { email: DEMO.counsellor, password: 'nope-nope' })).statusCode,
      ).toBe(423);
      const right = await c.post('/api/auth/login', { email: DEMO.counsellor, password: DEMO_PASSWORD });
      expect(right.statusCode).toBe(423);
      expect(right.json().code).toBe('account_locked');
      // Another account is unaffected.
      expect(
        (await c.post('/api/auth/login', { email: DEMO.viewer, password: DEMO_PASSWORD })).statusCode,
      ).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('rate-limits login attempts per address with 429', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const c = await limited.client();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await c.post('/api/auth/login', { email: 'x@y.de', password: 'z' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses state-changing requests without a valid CSRF token and changes nothing', async () => {
    const c = await t.client(DEMO.counsellor);
    const res = await c.patch('/api/users/me', { locale: 'en' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    expect((await c.get('/api/users/me')).json().user.locale).toBe('de');
    const anon = await t.client();
    const login = await anon.post(
      '/api/auth/login',
      { email: DEMO.viewer, password: DEMO_PASSWORD },
      { csrf: false },
    );
    expect(login.statusCode).toBe(403);
  });

  it('changes the own password, keeps the current session and ends the others', async () => {
    const fresh = await createTestApp();
    try {
      const a = await fresh.client(DEMO.volunteer);
      const b = await fresh.client(DEMO.volunteer);
      const wrong = await a.post('/api/users/me/password', {
        currentPassword: 'not-it',
        newPassword: 'ein-neues-passwort-123',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].field).toBe('body.currentPassword');
      const short = await a.post('/api/users/me/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'kurz',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].field).toBe('body.newPassword');
      const ok = await a.post('/api/users/me/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'ein-neues-passwort-123',
      });
      expect(ok.statusCode).toBe(200);
      expect((await a.get('/api/users/me')).statusCode).toBe(200);
      expect((await b.get('/api/users/me')).statusCode).toBe(401);
      await expect(fresh.client(DEMO.volunteer)).rejects.toThrow(/401/);
      await fresh.client(DEMO.volunteer, 'ein-neues-passwort-123');
    } finally {
      await fresh.close();
    }
  });
});
