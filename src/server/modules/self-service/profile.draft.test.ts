import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlLocaleOf } from '../../../contracts/self-service';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { consentedClient, createLink } from './self-service.fixture';
import { FORMS } from './templates/form.index';

/** Input on the way to valid answers: what a client has typed half-way. */
const HALF_TYPED = {
  spokenName: 'Amina',
  email: 'amina@',
  phone: '0170 ',
  schoolYears: 99,
  mobilityRadiusKm: '2 5',
  availability: 'from_date',
  availableFrom: '2027-0',
};

describe('self-service: drafts keep every input, the submit checks strictly', () => {
  let t: TestApp;
  let hagen: TestClient;
  let anon: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    hagen = await t.client(DEMO.counsellorHagen);
    anon = await t.client();
  });
  afterAll(() => t.close());

  it('saves a half-typed e-mail, out-of-range and non-numbers and a partial date as typed', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'ar' });
    const saved = await anon.request('PUT', `/api/public/profile/${token}/draft`, {
      seq: 1,
      answers: HALF_TYPED,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const form = (await anon.get(`/api/public/profile/${token}`)).json();
    expect(form.draft.answers).toEqual(HALF_TYPED);
  });

  it('still bounds drafts for safety: too long text, too many entries, unknown choices (400)', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id);
    const put = (answers: unknown) => anon.request('PUT', `/api/public/profile/${token}/draft`, { answers });
    expect((await put({ email: 'x'.repeat(255) })).statusCode).toBe(400);
    expect((await put({ interests: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await put({ schoolYears: '1'.repeat(21) })).statusCode).toBe(400);
    expect((await put({ wishedOccupationIds: ['a', 'b', 'c', 'd', 'e', 'f'] })).statusCode).toBe(400);
    expect((await put({ availability: 'someday' })).statusCode).toBe(400);
    expect((await put({ schoolYears: { $gt: 1 } })).statusCode).toBe(400);
    // Unknown fields are dropped, not refused.
    expect((await put({ spokenName: 'A', nickname: 'x' })).statusCode).toBe(200);
    expect((await anon.get(`/api/public/profile/${token}`)).json().draft.answers).toEqual({
      spokenName: 'A',
    });
  });

  it('refuses the half-typed answers at submit with field messages in the client language', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'ar' });
    const res = await anon.post(`/api/public/profile/${token}/submit`, {
      language: 'ar',
      answers: { ...HALF_TYPED, spokenName: '  ' },
    });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem).toMatchObject({ code: 'validation', language: 'ar', dir: 'rtl' });
    expect(problem.detail).toBe(FORMS.ar.texts['error.validation']);
    const byField = Object.fromEntries(
      problem.errors.map((e: { field: string; code: string; message: string }) => [e.field, e]),
    );
    expect(Object.keys(byField).sort()).toEqual(
      [
        'body.answers.availableFrom',
        'body.answers.email',
        'body.answers.mobilityRadiusKm',
        'body.answers.schoolYears',
        'body.answers.spokenName',
      ].sort(),
    );
    expect(byField['body.answers.spokenName']).toMatchObject({
      code: 'required',
      message: FORMS.ar.texts.required,
    });
    expect(byField['body.answers.email'].message).toBe(FORMS.ar.texts['error.field.email']);
    const n = new Intl.NumberFormat(intlLocaleOf('ar'));
    expect(byField['body.answers.schoolYears'].message).toBe(
      FORMS.ar.texts['error.field.number']?.replace('{{min}}', n.format(0)).replace('{{max}}', n.format(20)),
    );
    expect(byField['body.answers.availableFrom'].message).toBe(FORMS.ar.texts['error.field.invalid']);
    // Nothing was submitted: the link is still open and the draft can be finished.
    const fixed = await anon.post(`/api/public/profile/${token}/submit`, {
      language: 'ar',
      answers: {
        ...HALF_TYPED,
        email: 'amina@example.org',
        schoolYears: 9,
        mobilityRadiusKm: 25,
        availableFrom: '2027-08-01',
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    expect(sub.answers).toMatchObject({ email: 'amina@example.org', schoolYears: 9, mobilityRadiusKm: 25 });
    expect(sub.suggestedAvailableFrom).toBe('2027-08-01');
  });
});
