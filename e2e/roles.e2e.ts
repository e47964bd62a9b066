import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';

/** Pages each demo role can open (navigation entries), and those it must not reach. */
const ROLES = [
  {
    email: 'admin@kausa.example',
    role: 'admin',
    pages: ['/', '/account', '/offices', '/users', '/audit'],
    denied: ['/intake', '/clients', '/board', '/cases', '/tasks', '/companies', '/places', '/imports'],
  },
  {
    email: 'coordinator@kausa.example',
    role: 'coordinator',
    pages: [
      '/',
      '/account',
      '/offices',
      '/users',
      '/audit',
      '/intake',
      '/clients',
      '/board',
      '/cases',
      '/tasks',
      '/duplicates',
      '/companies',
      '/companies/board',
      '/places',
      '/imports',
    ],
    denied: [],
  },
  {
    email: 'counsellor@kausa.example',
    role: 'counsellor',
    pages: [
      '/',
      '/account',
      '/intake',
      '/clients',
      '/board',
      '/cases',
      '/tasks',
      '/duplicates',
      '/companies',
      '/companies/board',
      '/places',
      '/imports',
    ],
    denied: ['/offices', '/users', '/audit'],
  },
  {
    email: 'volunteer@kausa.example',
    role: 'volunteer',
    pages: ['/', '/account'],
    denied: ['/offices', '/users', '/audit', '/intake', '/clients', '/board', '/companies', '/places'],
  },
  {
    email: 'viewer@kausa.example',
    role: 'viewer',
    pages: ['/', '/account'],
    denied: ['/offices', '/users', '/audit', '/intake', '/clients', '/board', '/companies', '/places'],
  },
] as const;

describe('every role signs in and every page passes axe (WCAG 2.1 A/AA)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the login page has no axe violations and refuses a wrong password with a message', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-Mail').fill('counsellor@kausa.example');
    await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a session that ended on the server leads to the login page, which says so and returns afterwards', async () => {
    const own = await launchBrowser();
    try {
      const page = await own.context.newPage();
      await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
      await page.goto(`${baseUrl}/clients`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // The server forgets the session (as when it expires): the next request answers 401.
      await own.context.clearCookies({ name: 'kausa_session' });
      await page.getByRole('link', { name: 'Meine Aufgaben' }).first().click();
      await page
        .getByTestId('session-lost')
        .getByText('Ihre Sitzung ist abgelaufen.', { exact: false })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/tasks');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('E-Mail').fill('counsellor@kausa.example');
      await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL((url) => url.pathname === '/tasks');
    } finally {
      await own.close();
    }
  });

  for (const r of ROLES) {
    it(`${r.role}: signs in, opens ${r.pages.join(', ')}, is kept out of ${r.denied.join(', ') || 'nothing'}, signs out`, async () => {
      const page = await browser.context.newPage();
      await signIn(page, baseUrl, r.email, PASSWORD);
      for (const path of r.pages) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const title = await page.getByRole('heading', { level: 1 }).first().textContent();
        expect(title, `${r.role} ${path}`).not.toBe('Kein Zugriff');
        expect(await axeViolations(page), `${r.role} ${path}`).toEqual([]);
      }
      for (const path of r.denied) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('heading', { name: 'Kein Zugriff' }).waitFor();
      }
      await page.goto(`${baseUrl}/`);
      await page
        .getByRole('button', { name: /Benutzermenü|Deniz|Clara|Administrator|Vera|Viktor/ })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Abmelden' }).click();
      await page.getByRole('button', { name: 'Anmelden' }).waitFor();
      await page.goto(`${baseUrl}/users`);
      await page.getByRole('button', { name: 'Anmelden' }).waitFor();
      await page.close();
    });
  }
});
