import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CLIENT_LANGUAGES,
  directionOf,
  intlLocaleOf,
  type TClientLanguage,
  type TCreatedProfileLink,
  type TProfileForm,
} from '../src/contracts/self-service';
import { publicText } from '../src/web/modules/self-service/public/public-texts';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** The smallest valid PNG (1×1 pixel). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A local calendar day `YYYY-MM-DD`, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Waits for the page's h1, the network to settle, and expects no WCAG 2.1 AA violations. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

/** Calls the API with the page's session (and its CSRF token for writes); returns the JSON body. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (method !== 'GET') {
        const csrf = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
        headers['x-csrf-token'] = csrf.token;
      }
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

/** The bytes of a GET answer (with the page's session) and its content type. */
async function download(page: Page, path: string): Promise<{ type: string; bytes: Buffer }> {
  const result = await page.evaluate(async (path) => {
    const response = await fetch(path);
    const buffer = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const b of buffer) binary += String.fromCharCode(b);
    return { status: response.status, type: response.headers.get('content-type') ?? '', data: btoa(binary) };
  }, path);
  expect(result.status, path).toBe(200);
  return { type: result.type, bytes: Buffer.from(result.data, 'base64') };
}

/** Creates a profile link through the API; answers the path of its public page (`/profile/<token>`). */
async function createLink(
  page: Page,
  clientId: string,
  language: TClientLanguage,
): Promise<{ path: string; token: string }> {
  const created = await apiCall<TCreatedProfileLink>(page, 'POST', `/api/clients/${clientId}/profile-links`, {
    language,
    expiresInDays: 7,
  });
  return { path: new URL(created.url).pathname, token: created.token };
}

/** `<html lang dir>` of the page. */
function htmlLangDir(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** Switches the profile form's language with its picker and waits until the page speaks it. */
async function chooseLanguage(page: Page, lang: TClientLanguage, title: string): Promise<void> {
  await page.getByTestId('profile-language').selectOption(lang);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe('self-service: the application profile in seven language variants, confirmed into the record; letters', () => {
  const baseUrl = inject('baseUrl');
  const suffix = Date.now().toString(36).slice(-4);
  const given = 'Amina';
  const family = `Haidari-${suffix}`;
  let staff: Awaited<ReturnType<typeof launchBrowser>>;
  let visitor: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let client: Page;
  let clientId = '';
  const titles = {} as Record<TClientLanguage, string>;
  const dialogs: string[] = [];

  /** The form definition as the server gives it (for the expected headings). */
  async function formOf(token: string, lang: TClientLanguage): Promise<TProfileForm> {
    const response = await fetch(`${baseUrl}/api/public/profile/${token}?lang=${encodeURIComponent(lang)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as TProfileForm;
  }

  beforeAll(async () => {
    staff = await launchBrowser();
    visitor = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await staff.context.newPage();
    client = await visitor.context.newPage();
    client.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    const created = await apiCall<{ case: { clientId: string } }>(page, 'POST', '/api/cases', {
      client: {
        givenNames: given,
        familyName: family,
        dateOfBirth: '2007-05-04',
        email: `amina.${suffix}@example.org`,
        counsellingConsent: { givenOn: day(-3), form: 'paper' },
      },
    });
    clientId = created.case.clientId;
  });
  afterAll(async () => {
    await visitor?.close();
    await staff?.close();
  });

  it('the profile link works in German, Leichte Sprache, English, Arabic, Farsi/Dari, Ukrainian and Turkish (heading, <html lang dir>, axe)', async () => {
    const { path, token } = await createLink(page, clientId, 'de');
    for (const lang of CLIENT_LANGUAGES) titles[lang] = (await formOf(token, lang)).texts.title ?? '';
    expect(
      new Set(Object.values(titles)).size,
      'a heading of its own in each language',
    ).toBeGreaterThanOrEqual(6);

    await client.goto(`${baseUrl}${path}`);
    await client.getByRole('heading', { level: 1, name: titles.de }).waitFor();
    expect(await htmlLangDir(client)).toEqual({ lang: 'de', dir: 'ltr' });
    for (const lang of CLIENT_LANGUAGES) {
      await chooseLanguage(client, lang, titles[lang]);
      expect(await htmlLangDir(client), lang).toEqual({ lang, dir: directionOf(lang) });
      // The page frame's own texts are in the chosen language too.
      await client.getByRole('button', { name: publicText(lang, 'next') }).waitFor();
      await expectAxeClean(client, `profile form in ${lang}`);
    }
    // The choice is remembered on this device: a reload opens Turkish again.
    await client.reload();
    await client.getByRole('heading', { level: 1, name: titles.tr }).waitFor();
    expect(await htmlLangDir(client)).toEqual({ lang: 'tr', dir: 'ltr' });
  });

  it('Arabic reads right to left at 360 px and at desktop width (screenshots, layout facts, 44 px targets)', async () => {
    const { path } = await createLink(page, clientId, 'ar');
    await client.evaluate(() => localStorage.removeItem('kausa.profileLanguage'));
    for (const [width, height, name] of [
      [360, 740, 'self-service-ar-360.png'],
      [1280, 900, 'self-service-ar-desktop.png'],
    ] as const) {
      await client.setViewportSize({ width, height });
      await client.goto(`${baseUrl}${path}`);
      await client.getByRole('heading', { level: 1, name: titles.ar }).waitFor();
      expect(await htmlLangDir(client)).toEqual({ lang: 'ar', dir: 'rtl' });
      await client.waitForLoadState('networkidle');
      await client.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
      const facts = await client.evaluate(() => {
        const box = (el: Element | null) => el?.getBoundingClientRect() ?? null;
        const main = box(document.querySelector('main'));
        const h1 = document.querySelector('h1');
        const range = document.createRange();
        if (h1) range.selectNodeContents(h1);
        const input = document.querySelector('[data-testid="profile-spoken-name"]');
        const label = input ? document.querySelector(`label[for="${input.id}"]`) : null;
        const labelRange = document.createRange();
        if (label) labelRange.selectNodeContents(label);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          main,
          h1Text: range.getBoundingClientRect(),
          input: box(input),
          labelText: labelRange.getBoundingClientRect(),
          next: box(document.querySelector('[data-testid="profile-next"]')),
          picker: box(document.querySelector('[data-testid="profile-language"]')),
        };
      });
      expect(facts.scrollWidth, `no horizontal scroll at ${width}px`).toBeLessThanOrEqual(facts.innerWidth);
      if (!facts.main || !facts.input || !facts.next || !facts.picker)
        throw new Error('layout boxes missing');
      // The heading and the first label start at the right edge; the field spans the column.
      expect(facts.main.right - facts.h1Text.right).toBeLessThan(40);
      expect(facts.h1Text.left - facts.main.left).toBeGreaterThan(40);
      expect(Math.abs(facts.input.right - facts.labelText.right)).toBeLessThan(4);
      expect(facts.labelText.left).toBeGreaterThan(facts.input.left + 20);
      // "Next" sits at the inline end: on the left in Arabic.
      expect(facts.next.left - facts.main.left).toBeLessThan(40);
      // Large touch targets.
      expect(facts.next.height).toBeGreaterThanOrEqual(44);
      expect(facts.input.height).toBeGreaterThanOrEqual(44);
      expect(facts.picker.height).toBeGreaterThanOrEqual(44);
    }
    // The German self-check: every statement row is at least 44 px high and starts at the right.
    await client.setViewportSize({ width: 360, height: 740 });
    for (let i = 0; i < 2; i++) await client.getByTestId('profile-next').click();
    await client.getByTestId('can-do-a1_1').waitFor();
    const rows = await client.evaluate(() =>
      [...document.querySelectorAll('.kausa-profile-choice-label')].map((el) => {
        const r = el.getBoundingClientRect();
        return { height: r.height, right: r.right };
      }),
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(row.height).toBeGreaterThanOrEqual(44);
    await client.screenshot({ path: join(SCREENSHOTS, 'self-service-ar-360-german.png'), fullPage: true });
    await expectAxeClean(client, 'Arabic German self-check at 360 px');
    await client.setViewportSize({ width: 1280, height: 900 });
  });

  it('counsellor creates a link; the client fills it on the phone (drafts saved, bad input refused), submits once; links that do not work say so', async () => {
    // Counsellor: "Link erstellen" on the client page → URL, QR code, copy.
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
    const section = page.getByTestId('client-self-service');
    await section.getByRole('heading', { level: 2, name: 'Bewerbungsprofil und Briefe' }).waitFor();
    await section.getByTestId('create-profile-link').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sprache des Formulars').selectOption('ar');
    await dialog.getByLabel('Gültig für (Tage)').fill('10');
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    await dialog.getByTestId('created-link').waitFor();
    const url = await dialog.getByLabel('Privater Link').inputValue();
    expect(url).toMatch(/\/profile\/[A-Za-z0-9_-]{43}$/);
    expect(await dialog.getByRole('img', { name: 'QR-Code des privaten Links' }).isVisible()).toBe(true);
    await expectAxeClean(page, 'link created (dialog)');
    await dialog.getByRole('button', { name: 'Schließen' }).first().click();
    await section.getByTestId('profile-link-row').first().waitFor();
    expect(await section.getByTestId('profile-link-row').first().getAttribute('data-state')).toBe('open');

    // Client, on a phone, in the link's language (Arabic).
    await client.setViewportSize({ width: 360, height: 740 });
    await client.evaluate(() => localStorage.removeItem('kausa.profileLanguage'));
    const path = new URL(url).pathname;
    await client.goto(`${baseUrl}${path}`);
    await client.getByRole('heading', { level: 1, name: titles.ar }).waitFor();
    const pt = (key: Parameters<typeof publicText>[1], values?: Record<string, string | number>) =>
      publicText('ar', key, values);
    const name = client.getByTestId('profile-spoken-name');
    expect(await name.inputValue(), 'the given name is prefilled').toBe(given);
    await name.fill('Mina');
    await client.getByTestId('profile-email').fill('mina@');
    await client.getByTestId('profile-next').click();
    await client.getByText(pt('invalidEmail')).waitFor();
    await client.getByTestId('profile-email').fill(`mina.${suffix}@example.org`);
    await client.getByTestId('profile-next').click();
    // Languages: Arabic as first language.
    await client.getByTestId('profile-language-row').first().getByRole('combobox').first().selectOption('ar');
    await client
      .getByTestId('profile-language-row')
      .first()
      .getByRole('combobox')
      .nth(1)
      .selectOption('native');
    await client.getByTestId('profile-next').click();
    // German: all of A1, three of A2 → suggested A2.
    for (const id of ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a2_1', 'a2_2', 'a2_3']) {
      await client.getByTestId(`can-do-${id}`).check();
    }
    await client.getByTestId('profile-next').click();
    // School: the range hint "0–20" is isolated left to right (not "20–0" in Arabic).
    const range = client.getByTestId('number-range').first();
    expect(await range.evaluate((e) => `${e.tagName} ${e.getAttribute('dir')}`)).toBe('BDI ltr');
    expect(await range.textContent()).toBe('0–20');
    await client.getByTestId('profile-next').click();
    // Work: markup typed into a field stays text; a wished occupation from the list.
    await client
      .getByTestId('profile-work-experience')
      .fill('<script>alert("x")</script><b>Bäckerei</b> 2 Jahre');
    // A paste beyond 2000 characters is cut with a message, not silently; the counter shows.
    await client.getByTestId('profile-interests').fill('Fußball '.repeat(300));
    await client.getByTestId('profile-interests-cut').waitFor();
    expect(await client.getByTestId('profile-interests').inputValue()).toHaveLength(2000);
    await client.getByTestId('profile-interests-count').waitFor();
    await client.getByTestId('profile-interests').fill('Fußball');
    // The occupation search is capped at the API's limit (no 400).
    expect(await client.getByTestId('profile-occupation-search').getAttribute('maxlength')).toBe('100');
    await client.getByTestId('profile-occupation-search').pressSequentially('Friseur', { delay: 20 });
    await client
      .getByRole('option', { name: /Friseur/ })
      .first()
      .click();
    await client.getByTestId('profile-chosen-occupation').first().waitFor();
    // Saved as typed.
    await client.waitForFunction(
      () =>
        document.querySelector('[data-testid="profile-save-status"]')?.getAttribute('data-state') === 'saved',
    );
    expect(await client.getByTestId('profile-save-status').textContent()).toMatch(
      /[\d\u0660-\u0669\u06F0-\u06F9]/,
    );
    // A reload (or another device) continues the draft.
    await client.reload();
    await client.getByTestId('profile-restored').waitFor();
    expect(await client.getByTestId('profile-spoken-name').inputValue()).toBe('Mina');
    for (let i = 0; i < 4; i++) await client.getByTestId('profile-next').click();
    expect(await client.getByTestId('profile-work-experience').inputValue()).toContain('<script>');
    await client.getByTestId('profile-next').click();
    await client.getByTestId('profile-next').click();
    // Uploads: a text file is refused with the server's reason; a PNG photo is accepted.
    const form = await formOf(path.split('/').pop() ?? '', 'ar');
    let chooser = client.waitForEvent('filechooser');
    await client.getByTestId('profile-upload-document').click();
    await (await chooser).setFiles({
      name: 'cv.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a pdf'),
    });
    await client.getByTestId('profile-upload-error').waitFor();
    expect(await client.getByTestId('profile-upload-error').textContent()).toBe(
      form.texts['error.upload_type_not_allowed'],
    );
    chooser = client.waitForEvent('filechooser');
    await client.getByTestId('profile-upload-photo').click();
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await client.getByTestId('profile-upload').first().waitFor();
    await client.screenshot({ path: join(SCREENSHOTS, 'self-service-ar-360-uploads.png'), fullPage: true });
    await expectAxeClean(client, 'Arabic uploads step');
    // Submit with a double tap: one record.
    await client.getByTestId('profile-submit').dblclick();
    await client.getByTestId('profile-thanks').waitFor();
    expect(await htmlLangDir(client)).toEqual({ lang: 'ar', dir: 'rtl' });
    await client.getByRole('heading', { level: 1, name: pt('thanksTitle') }).waitFor();
    await expectAxeClean(client, 'thank-you page');
    expect(dialogs, 'no script ran').toEqual([]);
    // The used link: a clear message, in the chosen language, and nothing of the client.
    await client.reload();
    await client.getByTestId('profile-link-problem').waitFor();
    await client.getByRole('heading', { level: 1, name: pt('linkProblemTitle') }).waitFor();
    expect(await client.locator('main').textContent()).not.toContain('Mina');
    expect(await client.locator('main').textContent()).not.toContain(given);
    await expectAxeClean(client, 'used link');
    // A revoked link, shown in Ukrainian (chosen on this device), and an unknown one.
    const revoked = await createLink(page, clientId, 'de');
    const links = await apiCall<{ items: Array<{ id: string; state: string }> }>(
      page,
      'GET',
      `/api/clients/${clientId}/profile-links`,
    );
    const open = links.items.filter((l) => l.state === 'open');
    for (const link of open)
      await apiCall(page, 'POST', `/api/clients/${clientId}/profile-links/${link.id}/revoke`, {});
    await client.evaluate(() => localStorage.setItem('kausa.profileLanguage', 'uk'));
    await client.goto(`${baseUrl}${revoked.path}`);
    await client.getByRole('heading', { level: 1, name: publicText('uk', 'linkProblemTitle') }).waitFor();
    expect(await htmlLangDir(client)).toEqual({ lang: 'uk', dir: 'ltr' });
    await expectAxeClean(client, 'revoked link (Ukrainian)');
    await client.evaluate(() => localStorage.setItem('kausa.profileLanguage', 'fa'));
    await client.goto(`${baseUrl}/profile/${'x'.repeat(43)}`);
    await client.getByRole('heading', { level: 1, name: publicText('fa', 'linkProblemTitle') }).waitFor();
    expect(await htmlLangDir(client)).toEqual({ lang: 'fa', dir: 'rtl' });
    await expectAxeClean(client, 'unknown link (Farsi)');
    // Malformed links (too short, markup, far too long) say the same, in the chosen language.
    for (const bad of ['xxx', '%3Cscript%3E', 'x'.repeat(300)]) {
      await client.goto(`${baseUrl}/profile/${bad}`);
      await client.getByTestId('profile-link-problem').waitFor();
      await client.getByRole('heading', { level: 1, name: publicText('fa', 'linkProblemTitle') }).waitFor();
      expect(await htmlLangDir(client)).toEqual({ lang: 'fa', dir: 'rtl' });
      const text = (await client.locator('main').textContent()) ?? '';
      expect(text, bad).not.toMatch(/Nicht gefunden|Ungültig|Bitte prüfen/);
      expect(text, bad).toMatch(/[\u0600-\u06FF]/);
    }
    await client.setViewportSize({ width: 1280, height: 900 });
  });

  it('counsellor sees the answers beside the record, confirms them (stale version → 409 message), and the field changes on the client page', async () => {
    const submissions = await apiCall<{ items: Array<{ id: string; suggestedGermanLevel: string | null }> }>(
      page,
      'GET',
      `/api/clients/${clientId}/profile-submissions`,
    );
    expect(submissions.items, 'the double tap made one record').toHaveLength(1);
    expect(submissions.items[0]?.suggestedGermanLevel).toBe('A2');

    await page.goto(`${baseUrl}/clients/${clientId}`);
    const review = page.getByTestId('profile-submission').first();
    await review.waitFor();
    const compare = review.getByTestId('submission-compare');
    // The script typed by the client is shown as text.
    expect(await compare.locator('tr[data-field="workExperience"]').textContent()).toContain(
      '<script>alert("x")</script>',
    );
    expect(await compare.locator('tr[data-field="germanLevel"]').textContent()).toContain('A2');
    await review.getByRole('checkbox', { name: 'Arbeitserfahrung übernehmen' }).check();
    expect(await review.getByRole('checkbox', { name: 'Rufname übernehmen' }).isChecked()).toBe(true);
    expect(await review.getByRole('checkbox', { name: 'Deutschniveau übernehmen' }).isChecked()).toBe(true);
    await expectAxeClean(page, 'client page with a submission');

    // Someone else changes the record meanwhile: the confirmation is refused with a clear message.
    const current = await apiCall<{ client: { version: number } }>(page, 'GET', `/api/clients/${clientId}`);
    await apiCall(page, 'PATCH', `/api/clients/${clientId}`, {
      version: current.client.version,
      phone: '0211 555',
    });
    await review.getByTestId('confirm-submission').click();
    await review.getByTestId('confirm-conflict').waitFor();
    await review.getByRole('button', { name: 'Akte neu laden' }).click();
    await review.getByTestId('confirm-conflict').waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    await review.getByTestId('confirm-submission').click();
    await page.getByText('Angaben in die Akte übernommen').waitFor();
    await page.getByTestId('client-summary').filter({ hasText: 'Mina' }).waitFor();
    await page
      .getByTestId('profile-submission')
      .first()
      .and(page.locator('[data-state="confirmed"]'))
      .waitFor();
    const after = await apiCall<{ client: Record<string, unknown> }>(page, 'GET', `/api/clients/${clientId}`);
    expect(after.client).toMatchObject({
      spokenName: 'Mina',
      germanLevel: 'A2',
      germanLevelSource: 'self_assessment',
      phone: '0211 555',
      workExperience: '<script>alert("x")</script><b>Bäckerei</b> 2 Jahre',
    });
    expect(after.client.wishedOccupationIds).toContain('friseur');
    await page
      .getByTestId('profile-submissions')
      .screenshot({ path: join(SCREENSHOTS, 'self-service-confirm.png') });
  });

  it('the one-page German PDF downloads with the name, the German level and the wished occupations', async () => {
    // It is for companies: without consent to matching the button is off and says why.
    expect(await page.getByTestId('profile-pdf-blocked').textContent()).toContain(
      'Einwilligung zum Matching',
    );
    await apiCall(page, 'POST', `/api/clients/${clientId}/consents`, {
      purpose: 'matching',
      givenOn: day(-1),
      form: 'paper',
    });
    await page.reload();
    const href = await page
      .getByTestId('profile-pdf')
      .getByRole('link', { name: 'PDF öffnen' })
      .getAttribute('href');
    expect(href).toBeTruthy();
    const pdf = await download(page, href ?? '');
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    const { totalPages, text } = await extractText(doc, { mergePages: true });
    expect(totalPages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(family);
    expect(flat).toContain('A2');
    expect(flat).toMatch(/Friseur/);
  });

  it('letters render from the templates in every language with the client’s data; print and e-mail land in the sent-log', async () => {
    // Every language variant renders with the client's name (German fallback where a translation lacks).
    for (const language of CLIENT_LANGUAGES) {
      const letter = await apiCall<{ text: string; dir: string; usedLanguage: string }>(
        page,
        'GET',
        `/api/clients/${clientId}/letters/invitation/preview?language=${encodeURIComponent(language)}&appointmentAt=${encodeURIComponent(`${day(5)}T10:00:00+01:00`)}`,
      );
      expect(letter.text, language).toContain('Mina');
      expect(letter.dir, language).toBe(directionOf(letter.usedLanguage as TClientLanguage));
    }

    // The browser's time zone never shifts the entered time (here UTC; the office is in Berlin).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
    const letters = page.getByTestId('letters');
    await letters.getByLabel('Vorlage').selectOption('invitation');
    await letters.getByTestId('letter-language').selectOption('ar');
    await letters.getByLabel('Termin (optional)').fill(`${day(5)}T10:30`);
    await letters.getByTestId('letter-preview-button').click();
    const preview = letters.getByTestId('letter-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('dir')).toBe('rtl');
    expect(await preview.textContent()).toContain('Mina');
    const arTime = new Intl.DateTimeFormat(intlLocaleOf('ar'), {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2026, 0, 1, 10, 30)));
    expect(await preview.textContent()).toContain(arTime);
    await expectAxeClean(page, 'letter preview');
    // Print: the PDF (logged as printed) …
    const printHref = await letters.getByTestId('letter-print').getAttribute('href');
    const printed = await download(page, printHref ?? '');
    expect(printed.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // … and by e-mail to the address on record.
    await letters.getByTestId('letter-send').click();
    await page.getByText(`Brief an amina.${suffix}@example.org gesendet`).waitFor();
    const log = page.getByTestId('sent-log');
    await log.getByTestId('sent-log-row').nth(1).waitFor();
    const email = log.locator('[data-testid="sent-log-row"][data-channel="email"]');
    expect(await email.textContent()).toContain(`amina.${suffix}@example.org`);
    expect(await email.textContent()).toMatch(/Beratung, erteilt am/);
    expect(
      await log.locator('[data-testid="sent-log-row"][data-channel="print"]').count(),
    ).toBeGreaterThanOrEqual(1);
    await letters.screenshot({ path: join(SCREENSHOTS, 'self-service-letters.png') });

    // Without an e-mail address, sending is off and says why.
    const other = await apiCall<{ case: { clientId: string } }>(page, 'POST', '/api/cases', {
      client: {
        givenNames: 'Dmytro',
        familyName: `Kovalenko-${suffix}`,
        dateOfBirth: '2006-01-15',
        counsellingConsent: { givenOn: day(-1), form: 'paper' },
      },
    });
    await page.goto(`${baseUrl}/clients/${other.case.clientId}`);
    await page.getByTestId('letters').getByLabel('Vorlage').selectOption('document_checklist');
    await page.getByTestId('letters').getByTestId('letter-preview-button').click();
    await page.getByTestId('letter-preview').waitFor();
    // No appointment: the missing values are named for people, not as field names.
    await page.getByText('Es fehlen Angaben: Datum des Termins, Uhrzeit.').waitFor();
    expect(await page.getByTestId('letters').textContent()).not.toContain('appointmentDate');
    expect(await page.getByTestId('letter-send').isDisabled()).toBe(true);
    expect(await page.getByTestId('letter-send-blocked').textContent()).toBe(
      'Senden geht nicht: In der Akte steht keine E-Mail-Adresse.',
    );
  });

  it('editors see which translations are missing or not reviewed', async () => {
    await page.goto(`${baseUrl}/translations`);
    await page.getByRole('heading', { level: 1, name: 'Übersetzungen' }).waitFor();
    await page.getByTestId('letter-templates').getByRole('table').waitFor();
    await expectAxeClean(page, '/translations');
  });
});
