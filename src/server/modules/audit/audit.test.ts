import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../test/test-app';

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
  });

  it('records logins and logouts with who, when and from where, newest first', async () => {
    const c = await t.client(DEMO.counsellor);
    await c.post('/api/auth/logout');
    const admin = await t.client(DEMO.admin);
    const page = (await admin.get('/api/audit?limit=5')).json();
    const actions = page.items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 3)).toEqual(['login', 'logout', 'login']);
    expect(page.items[1]).toMatchObject({
      actorName: 'Deniz Beratung',
      actorRole: 'counsellor',
      entityType: 'user',
      ip: '127.0.0.1',
    });
    expect(Date.parse(page.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.items[1].at));
  });

  it('shows a coordinator only the entries of their office tree', async () => {
    const admin = await t.client(DEMO.admin);
    await t.client(DEMO.counsellorHagen);
    const coord = await t.client(DEMO.coordinator);
    const seen = (await coord.get('/api/audit?limit=200')).json().items;
    const rootId = (await admin.get('/api/offices'))
      .json()
      .items.find((o: { parentId: string | null }) => o.parentId === null).id;
    expect(
      seen.filter((e: { officeId: string | null }) => e.officeId === rootId || e.officeId === null),
    ).toEqual([]);
    expect(seen.filter((e: { actorRole: string | null }) => e.actorRole === 'admin')).toEqual([]);
    expect(seen.some((e: { actorName: string }) => e.actorName === 'Hanna Beratung')).toBe(true);
    const all = (await admin.get('/api/audit?limit=200')).json();
    expect(all.total).toBeGreaterThan(seen.length);
  });

  it('filters by action, entity and time window', async () => {
    const admin = await t.client(DEMO.admin);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin.get(`/api/audit?from=${encodeURIComponent(future)}`)).json().total).toBe(0);
    const created = (await admin.get('/api/audit?action=create&entityType=office')).json();
    expect(created.total).toBe(4);
    expect((await admin.get('/api/audit?action=exploded')).statusCode).toBe(400);
  });
});
