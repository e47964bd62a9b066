import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_LANGUAGES, ZLetterKind } from '../../../contracts/self-service';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { formatAppointment } from './language';
import { consentedClient } from './self-service.fixture';

const AT = '2027-03-15T09:30:00.000Z'; // 10:30 in Berlin

describe('self-service: letters and the sent-log', () => {
  let t: TestApp;
  let hagen: TestClient;
  let dus: TestClient;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'kausa-outbox-'));
    t = await createTestApp({ MAIL_OUTBOX_DIR: outbox });
    hagen = await t.client(DEMO.counsellorHagen);
    dus = await t.client(DEMO.counsellor);
  });
  afterAll(async () => {
    await t.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('renders every template in all seven languages with the client data, dates per language', async () => {
    const client = await consentedClient(hagen, { givenNames: 'Rania', spokenName: 'Rani <b>' });
    for (const kind of ZLetterKind.options) {
      for (const language of CLIENT_LANGUAGES) {
        const res = await hagen.get(
          `/api/clients/${client.id}/letters/${kind}/preview?language=${language}&appointmentAt=${AT}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const p = res.json();
        const when = formatAppointment(new Date(AT), language);
        expect(p).toMatchObject({
          kind,
          language,
          usedLanguage: language,
          fallback: false,
          missingValues: [],
        });
        expect(p.dir).toBe(language === 'ar' || language === 'fa' ? 'rtl' : 'ltr');
        expect(p.text).toContain('Rani <b>');
        expect(p.text).toContain(when.date);
        expect(p.text).toContain(when.time);
        expect(p.text).toContain('KAUSA Servicestelle Hagen');
        expect(p.html).toContain('Rani &lt;b&gt;');
        expect(p.html).not.toContain('<b>');
        expect(p.html).toContain(`dir="${p.dir}"`);
      }
    }
    const de = formatAppointment(new Date(AT), 'de');
    expect(de).toEqual({ date: 'Montag, 15. März 2027', time: '10:30' });
  });

  it('prints an entered appointment (office wall time, no offset) exactly as given, winter and summer', async () => {
    const client = await consentedClient(hagen);
    for (const [at, date] of [
      ['2027-03-15T10:30', 'Montag, 15. März 2027'],
      ['2027-07-05T10:30', 'Montag, 5. Juli 2027'],
    ] as const) {
      const res = await hagen.get(
        `/api/clients/${client.id}/letters/invitation/preview?language=de&appointmentAt=${at}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().text).toContain(date);
      expect(res.json().text).toContain('10:30');
      expect(res.json().text).not.toContain('11:30');
      expect(res.json().text).not.toContain('12:30');
    }
  });

  it('takes the next planned session as the appointment and shows blanks without one', async () => {
    const client = await consentedClient(hagen);
    const bare = (await hagen.get(`/api/clients/${client.id}/letters/invitation/preview?language=de`)).json();
    expect(bare.missingValues).toEqual(['appointmentDate', 'appointmentTime']);
    expect(bare.text).toContain('________');
    const kase = (await hagen.post('/api/cases', { clientId: client.id })).json().case;
    const session = await hagen.post(`/api/cases/${kase.id}/sessions`, {
      startsAt: AT,
      status: 'planned',
      channel: 'in_person',
    });
    expect(session.statusCode, session.body).toBe(201);
    const filled = (await hagen.get(`/api/clients/${client.id}/letters/reminder/preview?language=en`)).json();
    expect(filled.missingValues).toEqual([]);
    expect(filled.text).toContain('Monday, 15 March 2027');
  });

  it('e-mails under the counselling consent and logs what went to whom', async () => {
    const client = await consentedClient(hagen, { email: 'rania@example.org' });
    const full = (await hagen.get(`/api/clients/${client.id}`)).json().client;
    const consentId = full.consents.find((c: { purpose: string }) => c.purpose === 'counselling').id;
    const sent = await hagen.post(`/api/clients/${client.id}/letters/invitation/send`, {
      language: 'ar',
      appointmentAt: AT,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().entry).toMatchObject({
      kind: 'invitation',
      language: 'ar',
      usedLanguage: 'ar',
      channel: 'email',
      recipient: 'rania@example.org',
      consentId,
      sentByName: expect.any(String),
      messageId: expect.stringContaining('@kausa.outbox'),
    });
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(outbox, files[0] as string), 'utf8');
    expect(eml).toContain('To: rania@example.org');
    expect(eml).toContain('Content-Language: ar');

    const pdf = await hagen.get(
      `/api/clients/${client.id}/letters/document_checklist/pdf?language=de-x-ls&appointmentAt=${AT}`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain('Diese Papiere bitte mitbringen');
    const arPdf = await hagen.get(
      `/api/clients/${client.id}/letters/invitation/pdf?language=fa&appointmentAt=${AT}`,
    );
    expect(arPdf.statusCode).toBe(200);

    const log = (await hagen.get(`/api/clients/${client.id}/letters/sent`)).json().items;
    expect(log.map((l: { channel: string; usedLanguage: string }) => [l.channel, l.usedLanguage])).toEqual([
      ['print', 'fa'],
      ['print', 'de-x-ls'],
      ['email', 'ar'],
    ]);
    expect(log.every((l: { consentId: string }) => l.consentId === consentId)).toBe(true);
    expect((await dus.get(`/api/clients/${client.id}/letters/sent`)).statusCode).toBe(404);
    expect((await dus.get(`/api/clients/${client.id}/letters/invitation/preview`)).statusCode).toBe(404);
  });

  it('refuses e-mail without address, without consent or without an appointment (422)', async () => {
    const noMail = await consentedClient(hagen, { email: null });
    const a = await hagen.post(`/api/clients/${noMail.id}/letters/reminder/send`, { appointmentAt: AT });
    expect([a.statusCode, a.json().code]).toEqual([422, 'letter_email_missing']);
    const withMail = await consentedClient(hagen);
    const b = await hagen.post(`/api/clients/${withMail.id}/letters/reminder/send`, {});
    expect([b.statusCode, b.json().code]).toEqual([422, 'letter_values_missing']);
    const full = (await hagen.get(`/api/clients/${withMail.id}`)).json().client;
    const consentId = full.consents[0].id;
    await hagen.post(`/api/clients/${withMail.id}/consents/${consentId}/withdraw`, {
      withdrawnOn: full.consents[0].givenOn,
    });
    // Withdrawal clears the e-mail too (minimal record): put the address back is impossible without consent.
    const c = await hagen.post(`/api/clients/${withMail.id}/letters/reminder/send`, { appointmentAt: AT });
    expect(c.statusCode).toBe(422);
    expect(['letter_email_missing', 'counselling_consent_required']).toContain(c.json().code);
  });

  it('lists templates with review states and the translations editors owe', async () => {
    const list = (await hagen.get('/api/letters/templates')).json().items;
    expect(list.map((x: { kind: string }) => x.kind)).toEqual([
      'invitation',
      'reminder',
      'document_checklist',
    ]);
    expect(list[0].translations).toHaveLength(7);
    const missing = (await hagen.get('/api/letters/templates/missing')).json().items;
    expect(missing.every((m: { reason: string }) => m.reason === 'draft')).toBe(true);
    expect((await t.client().then((c) => c.get('/api/letters/templates'))).statusCode).toBe(401);
  });
});
