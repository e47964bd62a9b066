import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_LANGUAGES } from '../../../contracts/self-service';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { consentedClient, createLink } from './self-service.fixture';
import { FORMS } from './templates/form.index';

describe('self-service: profile links', () => {
  let t: TestApp;
  let hagen: TestClient;
  let dus: TestClient;
  let anon: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    hagen = await t.client(DEMO.counsellorHagen);
    dus = await t.client(DEMO.counsellor);
    anon = await t.client();
  });
  afterAll(() => t.close());

  it('creates a link with a 256-bit token (only its hash stored), a URL and a QR code', async () => {
    const client = await consentedClient(hagen);
    const created = await createLink(hagen, client.id, { language: 'ar' });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toBe(`http://localhost:3000/profile/${created.token}`);
    expect(created.qrSvg).toContain('<svg');
    expect(created.link).toMatchObject({ state: 'open', language: 'ar', submissionId: null });
    const rows = await t.handle.db
      .selectFrom('profile_link')
      .selectAll()
      .where('client_id', '=', client.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const expires = new Date((created.link as unknown as { expiresAt: string }).expiresAt).getTime();
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(14);
    const qr = await anon.get(`/api/public/profile/${created.token}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
  });

  it('refuses a link for a client without counselling consent (422)', async () => {
    const minimal = (
      await hagen.post('/api/clients', { givenNames: 'Ohne', familyName: 'Einwilligung' })
    ).json().client;
    const res = await hagen.post(`/api/clients/${minimal.id}/profile-links`, { language: 'de' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('counselling_consent_required');
  });

  it('shows the form in every language with only the given name of the record', async () => {
    const client = await consentedClient(hagen, { givenNames: 'Amina Noor', phone: '0171 1234567' });
    const { token } = await createLink(hagen, client.id, { language: 'de' });
    for (const lang of CLIENT_LANGUAGES) {
      const res = await anon.get(`/api/public/profile/${token}?lang=${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      const form = res.json();
      expect(form.language).toBe(lang);
      expect(form.dir).toBe(lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');
      expect(form.prefill).toEqual({ givenName: 'Amina' });
      expect(form.texts.title).toBe(FORMS[lang].texts.title);
      expect(form.canDo).toHaveLength(20);
      expect(form.fallbackKeys).toEqual([]);
      expect(res.body).not.toContain('0171');
      expect(res.body).not.toContain(client.id);
    }
  });

  it('answers expired, used, revoked and unknown links with 410/404 in the link language, no data', async () => {
    const client = await consentedClient(hagen);
    const expired = await createLink(hagen, client.id, { language: 'uk' });
    await t.handle.db
      .updateTable('profile_link')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.link.id)
      .execute();
    const e = await anon.get(`/api/public/profile/${expired.token}`);
    expect(e.statusCode).toBe(410);
    expect(e.json()).toMatchObject({ code: 'profile_link_expired', language: 'uk', dir: 'ltr' });
    expect(e.json().detail).toBe(FORMS.uk.texts['error.profile_link_expired']);
    expect(e.body).not.toContain('Amina');

    const used = await createLink(hagen, client.id, { language: 'fa' });
    const ok = await anon.post(`/api/public/profile/${used.token}/submit`, {
      answers: { spokenName: 'Amina' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const u = await anon.get(`/api/public/profile/${used.token}`);
    expect(u.statusCode).toBe(410);
    expect(u.json()).toMatchObject({ code: 'profile_link_used', language: 'fa', dir: 'rtl' });
    expect(u.json().detail).toBe(FORMS.fa.texts['error.profile_link_used']);
    const draftAfter = await anon.request('PUT', `/api/public/profile/${used.token}/draft`, { answers: {} });
    expect(draftAfter.statusCode).toBe(410);

    const revoked = await createLink(hagen, client.id, { language: 'tr' });
    const r = await hagen.post(`/api/clients/${client.id}/profile-links/${revoked.link.id}/revoke`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().link.state).toBe('revoked');
    const rv = await anon.get(`/api/public/profile/${revoked.token}`);
    expect(rv.statusCode).toBe(410);
    expect(rv.json()).toMatchObject({ code: 'profile_link_revoked', language: 'tr' });
    expect(rv.json().detail).toBe(FORMS.tr.texts['error.profile_link_revoked']);

    anon.lang = 'ar';
    const unknown = await anon.get(`/api/public/profile/${'x'.repeat(43)}`);
    anon.lang = 'de';
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'profile_link_unknown', language: 'ar', dir: 'rtl' });
    // Malformed tokens (too short, markup, far too long) are unknown links too: 404 in the language asked for.
    for (const bad of ['xxx', '%3Cscript%3E', 'x'.repeat(300)]) {
      const res = await anon.get(`/api/public/profile/${bad}?lang=fa`);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json(), bad).toMatchObject({ code: 'profile_link_unknown', language: 'fa', dir: 'rtl' });
      expect(res.json().detail).toBe(FORMS.fa.texts['error.profile_link_unknown']);
    }

    const list = (await hagen.get(`/api/clients/${client.id}/profile-links`)).json().items;
    expect(list.map((l: { state: string }) => l.state).sort()).toEqual(['expired', 'revoked', 'submitted']);
    const submitted = (
      await hagen.post(`/api/clients/${client.id}/profile-links/${used.link.id}/revoke`)
    ).json();
    expect(submitted.code).toBe('profile_link_not_open');
  });

  it('hides links of another office (404)', async () => {
    const client = await consentedClient(hagen);
    const { link } = await createLink(hagen, client.id);
    expect((await dus.get(`/api/clients/${client.id}/profile-links`)).statusCode).toBe(404);
    expect((await dus.post(`/api/clients/${client.id}/profile-links`, { language: 'de' })).statusCode).toBe(
      404,
    );
    expect((await dus.post(`/api/clients/${client.id}/profile-links/${link.id}/revoke`)).statusCode).toBe(
      404,
    );
  });
});
