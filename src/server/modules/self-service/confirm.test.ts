import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { consentedClient, createLink, todayBerlin } from './self-service.fixture';

/** Switch to make the marking of a confirmed submission fail (after the client update ran). */
const failMarking = vi.hoisted(() => ({ on: false }));

vi.mock('./profile.repository', async (importOriginal) => {
  const original = await importOriginal<typeof import('./profile.repository')>();
  return {
    ...original,
    markConfirmed: async (...args: Parameters<typeof original.markConfirmed>) => {
      if (failMarking.on) throw new Error('marking failed (test)');
      return original.markConfirmed(...args);
    },
  };
});

describe('self-service: confirming a profile into the record', () => {
  let t: TestApp;
  let hagen: TestClient;
  let anon: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    hagen = await t.client(DEMO.counsellorHagen);
    anon = await t.client();
  });
  afterAll(() => t.close());

  /** A client with a submitted profile; returns the client and the submission. */
  async function submitted(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const client = await consentedClient(hagen, extra);
    const { token } = await createLink(hagen, client.id);
    const res = await anon.post(`/api/public/profile/${token}/submit`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    return { client, sub, url: `/api/clients/${client.id}/profile-submissions/${sub.id}/confirm` };
  }

  it('takes "now" over as the start of the availability window: the day of the profile', async () => {
    const { client, sub, url } = await submitted({ spokenName: 'Mina', availability: 'now', schoolYears: 9 });
    expect(sub.suggestedAvailableFrom).toBe(todayBerlin());
    const ok = await hagen.post(url, { fields: ['availability'], version: client.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client).toMatchObject({ availableFrom: todayBerlin(), availableUntil: null });
    expect(ok.json().submission.confirmedFields).toEqual(['availability']);
  });

  it('takes a given start date over and keeps the record’s end of the window', async () => {
    const { client, url } = await submitted(
      { spokenName: 'Mina', availability: 'from_date', availableFrom: '2027-08-01' },
      { availableUntil: '2027-12-31' },
    );
    const ok = await hagen.post(url, { fields: ['availability'], version: client.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client).toMatchObject({ availableFrom: '2027-08-01', availableUntil: '2027-12-31' });
  });

  it('refuses a start after the record’s end of the window (400 from the clients module)', async () => {
    const { client, url } = await submitted(
      { spokenName: 'Mina', availability: 'from_date', availableFrom: '2028-02-01' },
      { availableUntil: '2027-12-31' },
    );
    const res = await hagen.post(url, { fields: ['availability'], version: client.version });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ code: 'until_before_from' });
  });

  it('takes nothing over for "don’t know yet" (no day to write)', async () => {
    const { client, sub, url } = await submitted({ spokenName: 'Mina', availability: 'unknown' });
    expect(sub.suggestedAvailableFrom).toBeNull();
    const ok = await hagen.post(url, { fields: ['availability', 'spokenName'], version: client.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client.availableFrom).toBeNull();
    expect(ok.json().submission.confirmedFields).toEqual(['spokenName']);
  });

  it('is atomic: when marking the submission fails, the client record is unchanged', async () => {
    const { client, url } = await submitted({
      spokenName: 'Mina',
      interests: 'Kochen',
      availability: 'now',
    });
    const before = (await hagen.get(`/api/clients/${client.id}`)).json().client;
    failMarking.on = true;
    try {
      const res = await hagen.post(url, {
        fields: ['spokenName', 'interests', 'availability'],
        version: client.version,
      });
      expect(res.statusCode).toBe(500);
    } finally {
      failMarking.on = false;
    }
    const after = (await hagen.get(`/api/clients/${client.id}`)).json().client;
    expect(after).toEqual(before);
    expect(after).toMatchObject({ version: client.version, spokenName: null, interests: null });
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    expect(sub).toMatchObject({ state: 'pending', confirmedFields: [] });
    // The same confirmation succeeds afterwards with the unchanged version.
    const ok = await hagen.post(url, { fields: ['spokenName', 'interests'], version: client.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client).toMatchObject({ spokenName: 'Mina', interests: 'Kochen' });
  });
});
