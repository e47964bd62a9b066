import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';

describe('user administration', () => {
  let t: TestApp;
  let admin: TestClient;
  let hagenId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.client(DEMO.admin);
    const offices = (await admin.get('/api/offices')).json().items as Array<{ id: string; name: string }>;
    hagenId = offices.find((o) => o.name.includes('Hagen'))?.id as string;
  });
  afterAll(() => t.close());

  it('creates a user with a one-time password that must be changed at first sign-in', async () => {
    const res = await admin.post('/api/users', {
      email: 'Neu.Beraterin@Kausa.example',
      displayName: 'Neue Beraterin',
      role: 'counsellor',
      officeId: hagenId,
    });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({
      email: 'neu.beraterin@kausa.example',
      mustChangePassword: true,
      officeName: 'KAUSA Servicestelle Hagen',
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const c = await t.client('neu.beraterin@kausa.example', oneTimePassword);
    expect((await c.get('/api/users/me')).json().user.mustChangePassword).toBe(true);
    await c.post('/api/users/me/password', {
      currentPassword: oneTimePassword,
      newPassword: 'mein-eigenes-passwort',
    });
    expect((await c.get('/api/users/me')).json().user.mustChangePassword).toBe(false);
  });

  it('refuses a second account with the same e-mail (any case) with 409 on body.email', async () => {
    const res = await admin.post('/api/users', {
      email: 'COUNSELLOR@kausa.example',
      displayName: 'Doppelt',
      role: 'viewer',
      officeId: hagenId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'body.email' }] });
  });

  it('names every invalid field in German by default', async () => {
    const res = await admin.post('/api/users', {
      email: 'kein-email',
      displayName: '',
      role: 'chef',
      officeId: 'x',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['body.displayName', 'body.email', 'body.officeId', 'body.role']);
    expect(res.json().detail).toBe('Die Eingabe ist ungültig.');
    expect(res.json().errors.find((e: { field: string }) => e.field === 'body.role').message).toMatch(
      /Ungültig/i,
    );
  });

  it('rejects a stale version with 409 instead of overwriting', async () => {
    const list = (await admin.get('/api/users?q=hanna')).json().items;
    const { id, version } = list[0];
    const first = await admin.patch(`/api/users/${id}`, { version, displayName: 'Hanna B.' });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.version).toBe(version + 1);
    const stale = await admin.patch(`/api/users/${id}`, { version, displayName: 'Hanna C.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect((await admin.get(`/api/users/${id}`)).json().user.displayName).toBe('Hanna B.');
  });

  it('disabling a user ends their sessions and blocks sign-in; an admin cannot disable themself', async () => {
    const viewer = await t.client(DEMO.viewer);
    const { id, version } = (await admin.get('/api/users?q=viewer')).json().items[0];
    expect((await admin.patch(`/api/users/${id}`, { version, disabled: true })).statusCode).toBe(200);
    expect((await viewer.get('/api/users/me')).statusCode).toBe(401);
    await expect(t.client(DEMO.viewer)).rejects.toThrow(/401/);
    const me = (await admin.get('/api/users/me')).json().user;
    const self = await admin.patch(`/api/users/${me.id}`, { version: me.version, disabled: true });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('cannot_disable_self');
  });

  it('lets a coordinator list the users of their office tree only', async () => {
    const coord = await t.client(DEMO.coordinator);
    const emails = (await coord.get('/api/users?limit=200'))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(emails).toContain(DEMO.counsellorHagen);
    expect(emails).not.toContain(DEMO.admin);
  });

  it('audits reads of a single user', async () => {
    const { id } = (await admin.get('/api/users?q=deniz')).json().items[0];
    await admin.get(`/api/users/${id}`);
    const log = (await admin.get(`/api/audit?action=read&entityType=user&entityId=${id}`)).json();
    expect(log.total).toBeGreaterThanOrEqual(1);
    expect(log.items[0].actorName).toBe('Administrator');
  });
});
