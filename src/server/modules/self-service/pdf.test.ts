import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { consentedClient, createLink, todayBerlin } from './self-service.fixture';

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('self-service: the one-page application profile PDF', () => {
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

  it('renders name, German level and wished occupations in German on one page', async () => {
    const client = await consentedClient(hagen, {
      givenNames: 'Jürgen Özlem',
      familyName: 'Çelik-Weiß',
      phone: '0176 9990001',
      residenceStatus: 'duldung',
      workExperience: 'Zwei Jahre Mithilfe in der Bäckerei der Familie in Aleppo. '.repeat(20),
    });
    await hagen.post(`/api/clients/${client.id}/consents`, {
      purpose: 'matching',
      givenOn: todayBerlin(),
      form: 'paper',
    });
    const { token } = await createLink(hagen, client.id, { language: 'ar' });
    await anon.post(`/api/public/profile/${token}/submit`, {
      answers: {
        spokenName: 'Özlem',
        germanCanDo: ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a2_1', 'a2_2', 'a2_3', 'a2_4', 'b1_1', 'b1_2', 'b1_3'],
        wishedOccupationIds: ['friseur', 'koch'],
        availability: 'from_date',
        availableFrom: '2027-08-01',
      },
    });
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    const current = (await hagen.get(`/api/clients/${client.id}`)).json().client;
    const confirmed = await hagen.post(`/api/clients/${client.id}/profile-submissions/${sub.id}/confirm`, {
      fields: ['germanLevel', 'wishedOccupationIds'],
      version: current.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const res = await hagen.get(`/api/clients/${client.id}/application-profile.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('Bewerbungsprofil');
    expect(text).toContain('Jürgen Özlem Çelik-Weiß');
    expect(text).toContain('B1 (Selbsteinschätzung');
    expect(text).toContain('Friseur/-in');
    expect(text).toContain('Koch/Köchin');
    expect(text).toContain('ab 01.08.2027');
    expect(text).not.toContain('0176 9990001');
    expect(text).not.toMatch(/Duldung/i);

    const withContact = await pdfText(
      (await hagen.get(`/api/clients/${client.id}/application-profile.pdf?includeContact=true`)).rawPayload,
    );
    expect(withContact.text).toContain('0176 9990001');
    expect((await dus.get(`/api/clients/${client.id}/application-profile.pdf`)).statusCode).toBe(404);
  });

  it('confirming "no qualification" over MSA + "anerkannt" clears the recognition; the PDF agrees', async () => {
    const client = await consentedClient(hagen, {
      schoolQualification: 'msa',
      schoolCountry: 'SY',
      schoolForeign: true,
      schoolRecognition: 'recognised',
    });
    await hagen.post(`/api/clients/${client.id}/consents`, {
      purpose: 'matching',
      givenOn: todayBerlin(),
      form: 'paper',
    });
    const { token } = await createLink(hagen, client.id);
    const answers = { spokenName: 'Mina', schoolQualification: 'none', schoolCountry: 'SY' };
    expect((await anon.post(`/api/public/profile/${token}/submit`, { answers })).statusCode).toBe(200);
    const sub = (await hagen.get(`/api/clients/${client.id}/profile-submissions`)).json().items[0];
    const current = (await hagen.get(`/api/clients/${client.id}`)).json().client;
    const ok = await hagen.post(`/api/clients/${client.id}/profile-submissions/${sub.id}/confirm`, {
      fields: ['school'],
      version: current.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client).toMatchObject({ schoolQualification: 'none', schoolRecognition: null });
    const res = await hagen.get(`/api/clients/${client.id}/application-profile.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('ohne Schulabschluss');
    expect(text).not.toContain('anerkannt');
  });

  it('needs the matching consent: handing the profile to a company passes data on (422)', async () => {
    const client = await consentedClient(hagen);
    const res = await hagen.get(`/api/clients/${client.id}/application-profile.pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('matching_consent_required');
  });
});
