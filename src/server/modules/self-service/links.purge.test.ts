import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, systemContext } from '../../platform/auth/context';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { purgeExpiredProfileDrafts } from './index';
import { consentedClient, createLink, PNG, rawRequest } from './self-service.fixture';

describe('self-service: drafts and uploads of links that expired unsubmitted are deleted', () => {
  let t: TestApp;
  let dus: TestClient;
  let anon: TestClient;
  let ctx: RequestContext;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    anon = await t.client();
    ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
  });
  afterAll(() => t.close());

  /** A link with a saved draft and one uploaded photo. */
  async function filledLink(clientId: string) {
    const { link, token } = await createLink(dus, clientId, { language: 'de' });
    const draft = await anon.request('PUT', `/api/public/profile/${token}/draft`, {
      seq: 1,
      answers: { spokenName: 'Amina', interests: 'Kochen' },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const up = await rawRequest(t, {
      method: 'POST',
      url: `/api/public/profile/${token}/uploads?kind=photo&fileName=foto.png`,
      body: PNG,
      contentType: 'image/png',
    });
    expect(up.statusCode, up.body).toBe(201);
    return { id: link.id, token, uploadId: up.json().upload.id as string };
  }

  const expire = (linkId: string) =>
    t.handle.db
      .updateTable('profile_link')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', linkId)
      .execute();
  const state = async (linkId: string) => {
    const link = await t.handle.db
      .selectFrom('profile_link')
      .select(['draft'])
      .where('id', '=', linkId)
      .executeTakeFirstOrThrow();
    const uploads = await t.handle.db
      .selectFrom('profile_upload')
      .select('id')
      .where('link_id', '=', linkId)
      .execute();
    return { draft: link.draft, uploads: uploads.length };
  };

  it('deletes them once expired, keeps open and submitted links, audits each link, and is idempotent', async () => {
    const client = await consentedClient(dus);
    const expired = await filledLink(client.id);
    const open = await filledLink(client.id);
    const submitted = await filledLink(client.id);
    const sub = await anon.post(`/api/public/profile/${submitted.token}/submit`, {
      language: 'de',
      answers: { spokenName: 'Amina', uploadIds: [submitted.uploadId] },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    await expire(expired.id);
    await expire(submitted.id);
    expect(await state(expired.id)).toEqual({ draft: expect.anything(), uploads: 1 });

    const first = await purgeExpiredProfileDrafts(ctx);
    expect(first.links).toBeGreaterThanOrEqual(1);
    expect(first.uploads).toBeGreaterThanOrEqual(1);
    expect(await state(expired.id)).toEqual({ draft: null, uploads: 0 });
    expect((await state(open.id)).uploads).toBe(1);
    expect((await state(open.id)).draft).not.toBeNull();
    // The submission's photo stays: it belongs to the answers the counsellor confirms.
    expect((await state(submitted.id)).uploads).toBe(1);

    const entries = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'profile_draft')
      .where('entity_id', '=', expired.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe('delete');
    expect(entries[0]?.details).toMatchObject({ clientId: client.id, uploads: 1, system: true });

    expect(await purgeExpiredProfileDrafts(ctx)).toEqual({ links: 0, uploads: 0 });
    // The link itself stays, shown as expired; the form answers without data.
    const list = (await dus.get(`/api/clients/${client.id}/profile-links`)).json();
    const states = Object.fromEntries(
      (list.items as Array<{ id: string; state: string }>).map((l) => [l.id, l.state]),
    );
    expect(states[expired.id]).toBe('expired');
    const row = (list.items as Array<{ id: string; draftSavedAt: string | null }>).find(
      (l) => l.id === expired.id,
    );
    expect(row?.draftSavedAt).toBeNull();
    const page = await anon.get(`/api/public/profile/${expired.token}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).not.toContain('Kochen');
  });

  it('shows no draft time on a revoked link (its draft and uploads are gone)', async () => {
    const client = await consentedClient(dus);
    const link = await filledLink(client.id);
    const r = await dus.post(`/api/clients/${client.id}/profile-links/${link.id}/revoke`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().link).toMatchObject({ state: 'revoked', draftSavedAt: null });
    expect(await state(link.id)).toEqual({ draft: null, uploads: 0 });
  });
});
