import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';

describe('office tree', () => {
  let t: TestApp;
  let admin: TestClient;
  let offices: Array<{ id: string; name: string; kind: string; parentId: string | null; version: number }>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.client(DEMO.admin);
    offices = (await admin.get('/api/offices')).json().items;
  });
  afterAll(() => t.close());

  it('holds the demo tree coordination → state office → two service centres', () => {
    const root = offices.find((o) => o.parentId === null);
    const state = offices.find((o) => o.parentId === root?.id);
    expect(root?.kind).toBe('coordination');
    expect(state?.kind).toBe('state_office');
    expect(offices.filter((o) => o.parentId === state?.id).map((o) => o.kind)).toEqual([
      'service_centre',
      'service_centre',
    ]);
  });

  it('refuses a service centre below another service centre, and a second root', async () => {
    const centre = offices.find((o) => o.kind === 'service_centre');
    const bad = await admin.post('/api/offices', {
      parentId: centre?.id,
      kind: 'service_centre',
      name: 'Falsch',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_office_parent', errors: [{ field: 'body.parentId' }] });
    const root = await admin.post('/api/offices', {
      parentId: null,
      kind: 'state_office',
      name: 'Ohne Eltern',
    });
    expect(root.statusCode).toBe(400);
  });

  it('refuses a duplicate name and a stale update', async () => {
    const state = offices.find((o) => o.kind === 'state_office');
    const dup = await admin.post('/api/offices', {
      parentId: state?.id,
      kind: 'service_centre',
      name: 'kausa servicestelle hagen',
    });
    expect(dup.statusCode).toBe(409);
    const hagen = offices.find((o) => o.name.includes('Hagen'));
    const ok = await admin.patch(`/api/offices/${hagen?.id}`, {
      version: hagen?.version,
      name: 'KAUSA Servicestelle Hagen (Westfalen)',
    });
    expect(ok.statusCode).toBe(200);
    const stale = await admin.patch(`/api/offices/${hagen?.id}`, { version: hagen?.version, name: 'Anders' });
    expect(stale.statusCode).toBe(409);
  });

  it('answers 404 for an unknown office and 400 for a malformed id', async () => {
    expect((await admin.get('/api/offices/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await admin.get('/api/offices/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.id');
  });

  it('keeps one root: a second national coordination is refused', async () => {
    const res = await admin.post('/api/offices', {
      parentId: null,
      kind: 'coordination',
      name: 'Zweite Wurzel',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_office_parent');
  });

  it('treats an update without changes as a no-op: no new version, no audit entry', async () => {
    const state = (await admin.get('/api/offices'))
      .json()
      .items.find((o: { kind: string }) => o.kind === 'state_office');
    const before = (await admin.get(`/api/audit?entityType=office&entityId=${state.id}`)).json().total;
    const res = await admin.patch(`/api/offices/${state.id}`, { version: state.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().office.version).toBe(state.version);
    expect((await admin.get(`/api/audit?entityType=office&entityId=${state.id}`)).json().total).toBe(before);
  });
});
