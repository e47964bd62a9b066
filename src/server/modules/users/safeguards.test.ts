import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';

describe('account safeguards', () => {
  let t: TestApp;
  let admin: TestClient;
  let hagenId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.client(DEMO.admin);
    hagenId = (await admin.get('/api/offices'))
      .json()
      .items.find((o: { name: string }) => o.name.includes('Hagen')).id;
  });
  afterAll(() => t.close());

  it('forbids an admin to change their own role', async () => {
    const me = (await admin.get('/api/users/me')).json().user;
    const own = await admin.patch(`/api/users/${me.id}`, { version: me.version, role: 'viewer' });
    expect(own.statusCode).toBe(400);
    expect(own.json()).toMatchObject({ code: 'cannot_change_own_role', errors: [{ field: 'body.role' }] });
  });

  it('two admins demoting each other at once leave one admin, never none', async () => {
    const fresh = await createTestApp();
    try {
      const a = await fresh.client(DEMO.admin);
      await a.post('/api/users', {
        email: 'b@kausa.example',
        displayName: 'B Admin',
        role: 'admin',
        officeId: hagenId,
        password: 'b-admin-passwort-1',
      });
      const b = await fresh.client('b@kausa.example', 'b-admin-passwort-1');
      const userA = (await a.get('/api/users/me')).json().user;
      const userB = (await b.get('/api/users/me')).json().user;
      const results = await Promise.all([
        a.patch(`/api/users/${userB.id}`, { version: userB.version, role: 'viewer' }),
        b.patch(`/api/users/${userA.id}`, { version: userA.version, role: 'viewer' }),
      ]);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const admins = await fresh.handle.db
        .selectFrom('app_user')
        .select('email')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('lets a user with a one-time password do nothing but change it, to a different one', async () => {
    const { oneTimePassword } = (
      await admin.post('/api/users', {
        email: 'otp@kausa.example',
        displayName: 'Otto Neu',
        role: 'counsellor',
        officeId: hagenId,
      })
    ).json();
    const c = await t.client('otp@kausa.example', oneTimePassword);
    const blocked = await c.get('/api/offices');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await c.get('/api/users/me')).statusCode).toBe(200);
    const same = await c.post('/api/users/me/password', {
      currentPassword: oneTimePassword,
      newPassword: oneTimePassword,
    });
    expect(same.json()).toMatchObject({
      code: 'password_unchanged',
      errors: [{ field: 'body.newPassword' }],
    });
    expect(
      (
        await c.post('/api/users/me/password', {
          currentPassword: oneTimePassword,
          newPassword: 'mein-neues-passwort',
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.get('/api/offices')).statusCode).toBe(200);
  });

  it('binds CSRF tokens to the session: a token from before sign-in is refused afterwards', async () => {
    const anon = await t.client();
    const token = (await anon.get('/api/auth/csrf')).json().token;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: anon.cookieHeader(), 'x-csrf-token': token },
      payload: { email: DEMO.viewer, password: 'kausa-demo-2026' },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((k) => k.name === 'kausa_session')?.value;
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/users/me',
      headers: { cookie: `${anon.cookieHeader()}; kausa_session=${session}`, 'x-csrf-token': token },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
  });
});
