import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** Postcodes of the demo directory and the office that must come first for each (nearest responsible). */
const FIRST_OFFICE = [
  { postcode: '39104', place: 'Magdeburg', office: /^KAUSA Servicestelle Sachsen-Anhalt Nord/ },
  { postcode: '40210', place: 'Düsseldorf', office: /^KAUSA Servicestelle Düsseldorf/ },
  { postcode: '58095', place: 'Hagen', office: /^KAUSA Servicestelle Hagen/ },
  { postcode: '99084', place: 'Erfurt', office: /^KAUSA-Landesstelle Thüringen/ },
] as const;

/** Waits until the map of Germany is drawn (boundaries loaded). */
async function mapDrawn(page: Page): Promise<void> {
  await page.getByTestId('germany-map').waitFor();
}

/** Searches the finder through its form ("Postleitzahl oder Ort" + "Suchen") and waits for the result list. */
async function searchPostcode(page: Page, text: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Postleitzahl oder Ort' }).fill(text);
  await page.getByRole('button', { name: 'Suchen', exact: true }).click();
}

/** Name of the first office in the result list. */
async function firstOffice(page: Page): Promise<string> {
  const first = page.getByTestId('finder-office').first();
  await first.waitFor();
  return (await first.getByRole('heading').first().textContent()) ?? '';
}

describe('public office finder and occupation browser (no sign-in)', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => browser.close());

  it('the login page links to the finder and the occupations without signing in', async () => {
    const page = await browser.context.newPage();
    // Signed out is not an error: no failed request in the console (it used to log a 401 on every page).
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`${baseUrl}/login`);
    const publicNav = page.getByRole('navigation', { name: 'Öffentliche Seiten' });
    await publicNav.getByRole('link', { name: 'KAUSA-Stelle finden' }).click();
    await page.getByRole('heading', { level: 1, name: 'KAUSA-Stelle finden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/finder');
    await publicNav.getByRole('link', { name: 'Ausbildungsberufe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsberufe' }).waitFor();
    await publicNav.getByRole('link', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('finder: passes axe before a search, suggests "39104 Magdeburg" for "Magdeb", lists the Magdeburg office first with its distance and draws the map', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/finder`);
    await page.getByRole('heading', { level: 1, name: 'KAUSA-Stelle finden' }).waitFor();
    await mapDrawn(page);
    expect(await axeViolations(page), '/finder before a search').toEqual([]);

    await page.getByRole('combobox', { name: 'Postleitzahl oder Ort' }).pressSequentially('Magdeb');
    await page.getByRole('option', { name: /^39104 Magdeburg/ }).click();
    expect(await firstOffice(page)).toMatch(/^KAUSA Servicestelle Sachsen-Anhalt Nord/);
    expect(new URL(page.url()).searchParams.get('plz')).toBe('39104');
    await page.getByRole('heading', { name: 'KAUSA-Stellen für 39104 Magdeburg' }).waitFor();
    // Distance formatted for German: decimal comma.
    expect(await page.getByTestId('finder-distance').first().textContent()).toMatch(/^\d+,\d\s?km entfernt$/);
    // Contact as links: phone (tel:) and e-mail (mailto:).
    const card = page.getByTestId('finder-office').first();
    expect(await card.locator('a[href^="tel:+49"]').count()).toBeGreaterThan(0);
    expect(await card.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);

    // The map: markers, the searched postcode, a text alternative naming them, the BKG attribution.
    const map = page.getByTestId('germany-map');
    await page.getByTestId('map-origin').waitFor();
    expect(await page.getByTestId('map-marker').count()).toBeGreaterThan(0);
    expect(await map.getAttribute('role')).toBe('img');
    const label = await map.evaluate((svg) => {
      const id = svg.getAttribute('aria-labelledby') ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
    expect(label).toContain('39104');
    expect(label).toContain('KAUSA Servicestelle Sachsen-Anhalt Nord');
    const attribution = page.getByRole('link', { name: '© GeoBasis-DE / BKG 2021 (Daten verändert)' });
    expect(await attribution.getAttribute('href')).toBe('https://www.bkg.bund.de');
    await attribution.waitFor({ state: 'visible' });
    const box = await map.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(250);
    await page.locator('figure.kausa-map').screenshot({ path: join(SCREENSHOTS, 'finder-map.png') });

    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page), '/finder after a search').toEqual([]);

    // English: the distance uses a decimal point.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a KAUSA office' }).waitFor();
    expect(await page.getByTestId('finder-distance').first().textContent()).toMatch(/^\d+\.\d\s?km away$/);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'KAUSA-Stelle finden' }).waitFor();
    await page.close();
  });

  for (const { postcode, place, office } of FIRST_OFFICE) {
    it(`finder: ${postcode} ${place} lists ${office.source.replace(/[\\^]/g, '')} first`, async () => {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl}/finder`);
      await searchPostcode(page, postcode);
      await page.getByRole('heading', { name: `KAUSA-Stellen für ${postcode} ${place}` }).waitFor();
      expect(await firstOffice(page)).toMatch(office);
      await page.close();
    });
  }

  it('finder: a typed town name lands in that town (Hagen the city), and a region without office says so', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/finder`);
    await searchPostcode(page, 'Hagen');
    await page.getByRole('heading', { name: /^KAUSA-Stellen für 58\d{3} Hagen/ }).waitFor();
    expect(await firstOffice(page)).toMatch(/Hagen/);
    await searchPostcode(page, '80331');
    await page.getByTestId('finder-no-local-office').waitFor();
    expect(await axeViolations(page), '/finder without a local office').toEqual([]);
    await page.close();
  });

  it('finder: explains a 4-digit postcode, an unknown postcode and an unknown place; a Land lists its offices', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/finder`);
    const field = page.getByRole('combobox', { name: 'Postleitzahl oder Ort' });
    await searchPostcode(page, '1067');
    await page.getByText('Postleitzahlen haben genau fünf Ziffern', { exact: false }).first().waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await searchPostcode(page, '99999');
    await page.getByText('Diese Postleitzahl gibt es nicht.').first().waitFor();
    await searchPostcode(page, 'Xyzqwert');
    await page.getByText('Zu „Xyzqwert“ wurde kein Ort gefunden', { exact: false }).first().waitFor();
    expect(await axeViolations(page), '/finder with an error').toEqual([]);

    await page.getByRole('combobox', { name: 'Bundesland' }).selectOption('15');
    await page.getByRole('button', { name: 'Stellen anzeigen' }).click();
    await page.getByRole('heading', { name: 'KAUSA-Stellen in Sachsen-Anhalt' }).waitFor();
    expect(await firstOffice(page)).toMatch(/Sachsen-Anhalt/);
    await page.close();
  });

  it('occupations: finds "Frisör" and "Kfz-Mechaniker" (alias shown), browses A–Z and KldB areas, passes axe', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/occupations`);
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsberufe' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Beruf suchen' });

    await search.fill('Frisör');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Suchergebnisse für „Frisör“' }).waitFor();
    const friseur = page.getByRole('rowheader', { name: /^Friseur\/-in/ });
    await friseur.waitFor();
    expect(await friseur.textContent()).toContain('auch: Frisör');
    const row = page.getByRole('row', { name: /^Friseur\/-in/ });
    expect(await row.textContent()).toContain('HWK (Handwerkskammer)');
    expect(await row.textContent()).toContain('36 Monate');

    await search.fill('Kfz-Mechaniker');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Suchergebnisse für „Kfz-Mechaniker“' }).waitFor();
    const first = page.getByTestId('occupation').first();
    await first.getByText('auch: Kfz-Mechaniker').waitFor();
    expect(await first.getByRole('rowheader').textContent()).toMatch(/^Kraftfahrzeugmechatroniker/);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page), '/occupations after a search').toEqual([]);

    await page.getByRole('button', { name: 'K', exact: true }).click();
    await page.getByRole('heading', { name: 'Berufe mit K' }).waitFor();
    expect(await page.getByRole('button', { name: 'K', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.getByRole('tab', { name: 'Nach Berufsbereich (KldB)' }).click();
    await page.getByRole('heading', { name: 'Die 10 Berufsbereiche' }).waitFor();
    await page.getByRole('button', { name: /^2 Rohstoffgewinnung, Produktion und Fertigung/ }).click();
    await page.getByRole('heading', { name: /^Berufshauptgruppen in 2 Rohstoffgewinnung/ }).waitFor();
    await page.getByRole('heading', { name: /^Berufe in 2 Rohstoffgewinnung/ }).waitFor();
    expect(await page.getByTestId('occupation').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page), '/occupations after opening a KldB area').toEqual([]);

    await page.getByRole('button', { name: /^25 Maschinen- und Fahrzeugtechnikberufe/ }).click();
    await page.getByRole('heading', { name: /^Berufsgruppen in 25 / }).waitFor();
    await page.getByRole('navigation', { name: 'Pfad in der Klassifikation der Berufe' }).waitFor();
    await page.close();
  });

  it('signed in, the same pages open inside the app shell from the "Informationen" navigation', async () => {
    const page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByText('Informationen').waitFor();
    await nav.getByRole('link', { name: 'KAUSA-Stelle finden' }).click();
    await page.getByRole('heading', { level: 1, name: 'KAUSA-Stelle finden' }).waitFor();
    await searchPostcode(page, '99084');
    expect(await firstOffice(page)).toMatch(/^KAUSA-Landesstelle Thüringen/);
    await mapDrawn(page);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page), '/finder in the shell').toEqual([]);
    await nav.getByRole('link', { name: 'Ausbildungsberufe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsberufe' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Öffentliche Seiten' }).count()).toBe(0);
    await page.close();
  });
});
