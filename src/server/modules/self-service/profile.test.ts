import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { consentedClient, createLink, PDF, PNG, rawRequest, todayBerlin } from './self-service.fixture';
import { FORMS } from './templates/form.index';

const SCRIPT = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "Zitat" \'ok\'';

describe('self-service: the public form, submit and confirmation', () => {
  let t: TestApp;
  let hagen: TestClient;
  let dus: TestClient;
  let anon: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ PROFILE_UPLOAD_MAX_BYTES: '4096' });
    hagen = await t.client(DEMO.counsellorHagen);
    dus = await t.client(DEMO.counsellor);
    anon = await t.client();
  });
  afterAll(() => t.close());

  it('saves drafts idempotently, ignores stale saves and remembers the language', async () => {
    const client = await consentedClient(hagen);
    const { token, link } = await createLink(hagen, client.id, { language: 'de' });
    const put = (body: unknown) => anon.request('PUT', `/api/public/profile/${token}/draft`, body);
    const first = await put({
      language: 'ar',
      seq: 2,
      answers: { spokenName: 'Amina', interests: 'Kochen' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ seq: 2, stale: false });
    const again = await put({
      language: 'ar',
      seq: 2,
      answers: { spokenName: 'Amina', interests: 'Kochen' },
    });
    expect(again.json()).toMatchObject({ seq: 2, stale: false });
    const late = await put({ language: 'ar', seq: 1, answers: { spokenName: 'A' } });
    expect(late.json()).toMatchObject({ seq: 2, stale: true });
    const form = (await anon.get(`/api/public/profile/${token}`)).json();
    expect(form.language).toBe('ar');
    expect(form.dir).toBe('rtl');
    expect(form.draft.answers).toEqual({ spokenName: 'Amina', interests: 'Kochen' });
    const links = (await hagen.get(`/api/clients/${client.id}/profile-links`)).json().items;
    expect(links.find((l: { id: string }) => l.id === link.id)).toMatchObject({
      language: 'ar',
      state: 'open',
    });
  });

  it('keeps one record when the form is submitted twice, and the same receipt', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'tr' });
    const body = { language: 'tr', answers: { spokenName: 'Amina', germanCanDo: ['a1_1', 'a1_2', 'a1_3'] } };
    const [a, b] = await Promise.all([
      anon.post(`/api/public/profile/${token}/submit`, body),
      anon.post(`/api/public/profile/${token}/submit`, body),
    ]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(a.json()).toEqual(b.json());
    expect(a.json().message).toBe(FORMS.tr.texts.thanks);
    // The page's heading already thanks ("Vielen Dank!", "شكرًا لك!"): the message does not again.
    expect(FORMS.ar.texts.thanks).not.toMatch(/شكر/);
    expect(FORMS.fa.texts.thanks).not.toMatch(/سپاس|تشکر/);
    expect(FORMS.de.texts.thanks).not.toMatch(/Dank/);
    expect(FORMS.en.texts.thanks).not.toMatch(/Thank/);
    const c = await anon.post(`/api/public/profile/${token}/submit`, { answers: { spokenName: 'Anders' } });
    expect(c.json()).toEqual(a.json());
    const subs = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items;
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      answers: { spokenName: 'Amina' },
      suggestedGermanLevel: 'A1',
      state: 'pending',
    });
  });

  it('stores script typed into fields as text and returns it unchanged', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id);
    const answers = { spokenName: 'Amina', workExperience: SCRIPT, interests: `  ${SCRIPT}\n` };
    await anon.request('PUT', `/api/public/profile/${token}/draft`, { answers });
    expect((await anon.get(`/api/public/profile/${token}`)).json().draft.answers).toEqual(answers);
    await anon.post(`/api/public/profile/${token}/submit`, { answers });
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    expect(sub.answers.workExperience).toBe(SCRIPT);
    expect(sub.answers.interests).toBe(`  ${SCRIPT}\n`);
  });

  it('refuses a submit without a name or with an unknown occupation (400, fields)', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'en' });
    const res = await anon.post(`/api/public/profile/${token}/submit`, {
      answers: { wishedOccupationIds: ['friseur', 'gibt-es-nicht'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().language).toBe('en');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.answers.spokenName',
      'body.answers.wishedOccupationIds.1',
    ]);
  });

  it('stores upload names as text: long names keep their extension, markup stays, no path separators', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'de' });
    const up = (name: string) =>
      rawRequest(t, {
        method: 'POST',
        url: `/api/public/profile/${token}/uploads?kind=document&fileName=${encodeURIComponent(name)}`,
        body: PDF,
        contentType: 'application/pdf',
      });
    const long = await up(`${'a'.repeat(296)}.pdf`);
    expect(long.statusCode, long.body).toBe(201);
    expect(long.json().upload.fileName).toBe(`${'a'.repeat(196)}.pdf`);
    const markup = await up(`<b>x</b>${'a'.repeat(10)}.pdf`);
    expect(markup.statusCode, markup.body).toBe(201);
    expect(markup.json().upload.fileName).toBe(`<b>x<b>${'a'.repeat(10)}.pdf`);
    const path = await up('..\\..\\zeug\u202enis.pdf');
    expect(path.statusCode, path.body).toBe(201);
    expect(path.json().upload.fileName).toBe('....zeugnis.pdf');
  });

  it('accepts images and PDF by their bytes and rejects too large or other files with a reason', async () => {
    const client = await consentedClient(hagen);
    const { token } = await createLink(hagen, client.id, { language: 'de' });
    const up = (kind: string, body: Buffer, contentType?: string, lang = '') =>
      rawRequest(t, {
        method: 'POST',
        url: `/api/public/profile/${token}/uploads?kind=${kind}&fileName=zeugnis.pdf${lang}`,
        body,
        contentType,
      });
    const photo = await up('photo', PNG, 'image/png');
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().upload).toMatchObject({
      kind: 'photo',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
    });
    const doc = await up('document', PDF, 'application/octet-stream');
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().upload.mimeType).toBe('application/pdf');

    const big = await up('document', Buffer.concat([PDF, Buffer.alloc(5000)]), 'application/pdf', '&lang=en');
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'upload_too_large', language: 'en' });
    expect(big.json().detail).toBe('The file is too large. The limit is 0.0039 MB.');
    const exe = await up('document', Buffer.from('MZ\x90\x00 this is no picture'), 'image/png');
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({
      code: 'upload_type_not_allowed',
      detectedType: 'application/x-msdownload',
    });
    expect(exe.json().detail).toBe(FORMS.de.texts['error.upload_type_not_allowed']);
    const html = await up(
      'document',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'application/pdf',
    );
    expect(html.statusCode).toBe(415);
    expect(html.json().detectedType).toBeNull();
    const pdfAsPhoto = await up('photo', PDF, 'image/jpeg');
    expect(pdfAsPhoto.statusCode).toBe(415);
    expect(pdfAsPhoto.json()).toMatchObject({
      code: 'upload_photo_not_image',
      detectedType: 'application/pdf',
    });

    const form = (await anon.get(`/api/public/profile/${token}`)).json();
    expect(form.uploads).toHaveLength(2);
    const removed = await anon.request(
      'DELETE',
      `/api/public/profile/${token}/uploads/${doc.json().upload.id}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    await anon.post(`/api/public/profile/${token}/submit`, {
      answers: { spokenName: 'Amina', uploadIds: [photo.json().upload.id] },
    });
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    expect(sub.uploads.map((u: { id: string }) => u.id)).toEqual([photo.json().upload.id]);
    const file = await hagen.get(
      `/api/clients/${client.id}/profile-submissions/${sub.id}/uploads/${photo.json().upload.id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(
      (
        await dus.get(
          `/api/clients/${client.id}/profile-submissions/${sub.id}/uploads/${photo.json().upload.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('confirms chosen answers into the client record, self-assessed level, 409 on a stale version', async () => {
    const client = await consentedClient(hagen, { languages: [{ code: 'ar', level: 'C2' }] });
    const { token } = await createLink(hagen, client.id, { language: 'ar' });
    await anon.post(`/api/public/profile/${token}/submit`, {
      answers: {
        spokenName: 'Mina',
        phone: '0176 5550101',
        languages: [
          { code: 'ar', skill: 'native' },
          { code: 'en', skill: 'good' },
        ],
        germanCanDo: ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a2_1', 'a2_2', 'a2_3', 'b1_1'],
        schoolCountry: 'SY',
        schoolYears: 9,
        schoolQualification: 'esa',
        wishedOccupationIds: ['friseur'],
        interests: SCRIPT,
        mobilityRadiusKm: 25,
        drivingLicence: false,
      },
    });
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    expect(sub.suggestedGermanLevel).toBe('A2');
    const url = `/api/clients/${client.id}/profile-submissions/${sub.id}/confirm`;

    const other = await dus.post(url, { fields: ['germanLevel'], version: client.version });
    expect(other.statusCode).toBe(404);

    const changed = await hagen.patch(`/api/clients/${client.id}`, {
      version: client.version,
      strengths: 'Geduld',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await hagen.post(url, { fields: ['germanLevel'], version: client.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().changedFields).toEqual(['strengths']);
    expect((await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0].state).toBe(
      'pending',
    );

    const ok = await hagen.post(url, {
      fields: [
        'germanLevel',
        'school',
        'languages',
        'wishedOccupationIds',
        'interests',
        'mobility',
        'spokenName',
      ],
      version: changed.json().client.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client).toMatchObject({
      spokenName: 'Mina',
      phone: null,
      germanLevel: 'A2',
      germanLevelSource: 'self_assessment',
      germanLevelDate: todayBerlin(),
      schoolQualification: 'esa',
      schoolCountry: 'SY',
      schoolForeign: true,
      languages: [
        { code: 'ar', level: 'C2' },
        { code: 'en', level: null },
      ],
      wishedOccupationIds: ['friseur'],
      interests: SCRIPT,
      mobilityRadiusKm: 25,
      drivingLicence: false,
    });
    expect(ok.json().submission).toMatchObject({ state: 'confirmed', confirmedByName: expect.any(String) });
    expect([...ok.json().submission.confirmedFields].sort()).toEqual(
      [
        'germanLevel',
        'interests',
        'languages',
        'mobility',
        'school',
        'spokenName',
        'wishedOccupationIds',
      ].sort(),
    );
  });
});
