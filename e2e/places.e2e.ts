import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** The demo company of the Düsseldorf office that is in stage "offering" (demo.companies.ts). */
const COMPANY = 'Friseursalon Aydın';

/** A local calendar day `YYYY-MM-DD`, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Waits for the page's h1, the network to settle, and expects no axe violations. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

/** Picks an occupation in the occupation search field `label` of `scope` by typing `text` and choosing `option`. */
async function pickOccupation(page: Page, scope: Locator, text: string, option: RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: 'Beruf' }).pressSequentially(text, { delay: 20 });
  await page.getByRole('option', { name: option }).first().click();
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

describe('places: a counsellor adds two places to a company in "offering" and finds them in the lists', () => {
  const baseUrl = inject('baseUrl');
  const suffix = Date.now().toString(36).slice(-4);
  const apprenticeship = `Ausbildung im Salon ${suffix}`;
  const internship = `Praktikum im Salon ${suffix}`;
  const nextAugust = `${new Date().getFullYear() + 1}-08-01`;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let companyId = '';
  let clientId = '';
  const candidateFamily = `Haidari-${suffix}`;
  const candidate = `Samira ${candidateFamily}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    // The company is found through the API with the session (the company list is another module's page).
    const found = await apiCall<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      `/api/companies?q=${encodeURIComponent(COMPANY)}&stage=offering`,
    );
    companyId = found.items.find((c) => c.name === COMPANY)?.id ?? '';
    expect(companyId).not.toBe('');
    // A young person of the office with a counselling consent only (no consent to matching yet).
    const created = await apiCall<{ client: { id: string } }>(page, 'POST', '/api/clients', {
      givenNames: 'Samira',
      familyName: candidateFamily,
      dateOfBirth: '2006-05-12',
      counsellingConsent: { givenOn: day(-10), form: 'paper' },
    });
    clientId = created.client.id;
  });
  afterAll(() => browser.close());

  it('company page: adds an apprenticeship (occupation required; an EQ field and a past start refused at the fields by the server, with its suggestion) and a published internship', async () => {
    await page.goto(`${baseUrl}/companies/${companyId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(COMPANY) }).waitFor();
    const section = page.getByTestId('company-places');
    await section.waitFor();
    await expectAxeClean(page, 'company page');

    await section.getByRole('button', { name: 'Ausbildungsplatz hinzufügen' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ausbildungsplatz hinzufügen' });
    await dialog.getByText(`Betrieb: ${COMPANY}`).waitFor();
    // The place takes the company's address.
    await expect.poll(() => dialog.getByLabel('Postleitzahl (optional)').inputValue()).toBe('40227');
    expect(await dialog.getByLabel('Ort (optional)').inputValue()).toBe('Düsseldorf');
    expect(await axeViolations(page), 'place form dialog').toEqual([]);

    // An apprenticeship without an occupation is refused before sending.
    await dialog.getByLabel('Bezeichnung (optional)').fill(apprenticeship);
    await dialog.getByRole('button', { name: 'Platz anlegen' }).click();
    await dialog
      .getByText('Für eine Ausbildung oder eine Einstiegsqualifizierung bitte den Beruf auswählen.')
      .waitFor();
    // An EQ field for an apprenticeship and a start in the past: the server's field errors show at the
    // fields, with its suggestion of the nearest recognised occupation.
    await pickOccupation(page, dialog, 'EQ Friseur', /^EQ Friseur/);
    await dialog.getByTestId('chosen-occupation').filter({ hasText: 'EQ Friseur' }).waitFor();
    await dialog.getByLabel('Anzahl Plätze').fill('2');
    await dialog.getByLabel('Beginn (optional)').fill(day(-3));
    await dialog.getByRole('button', { name: 'Platz anlegen' }).click();
    await dialog.getByText('Ein offener Platz kann nicht in der Vergangenheit beginnen.').waitFor();
    await dialog
      .getByText('Eine Ausbildung braucht einen anerkannten Ausbildungsberuf', { exact: false })
      .waitFor();
    expect(await dialog.getByLabel('Beginn (optional)').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Beruf übernehmen: Friseur/-in' }).click();
    await dialog
      .getByTestId('chosen-occupation')
      .filter({ hasText: /^Friseur\/-in$/ })
      .waitFor();
    await dialog.getByLabel('Beginn (optional)').fill(nextAugust);
    await dialog.getByLabel('Mindestens erforderliches Deutschniveau').selectOption('B1');
    await dialog.getByRole('button', { name: 'Platz anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByRole('link', { name: apprenticeship }).waitFor();

    await section.getByRole('button', { name: 'Ausbildungsplatz hinzufügen' }).click();
    dialog = page.getByRole('dialog', { name: 'Ausbildungsplatz hinzufügen' });
    await dialog.getByLabel('Art des Platzes').selectOption('internship');
    await dialog.getByLabel('Bezeichnung (optional)').fill(internship);
    await dialog.getByLabel('Beginn (optional)').fill(day(30));
    await dialog.getByLabel('Auf der öffentlichen Liste freier Ausbildungsplätze zeigen').check();
    await dialog.getByRole('button', { name: 'Platz anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByRole('link', { name: internship }).waitFor();
    expect(await section.getByTestId('place-row').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'places-company.png'), fullPage: true });
  });

  it('place list: filtered by the company (picked in the filter) shows both places with status badges', async () => {
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Ausbildungsplätze', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsplätze' }).waitFor();
    await expectAxeClean(page, '/places');

    await page.getByRole('combobox', { name: 'Betrieb' }).pressSequentially('Aydın', { delay: 20 });
    await page
      .getByRole('option', { name: new RegExp(COMPANY) })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('companyId')).toBe(companyId);
    const list = page.getByTestId('place-list');
    await list.getByRole('link', { name: apprenticeship }).waitFor();
    await list.getByRole('link', { name: internship }).waitFor();
    const rows = list.getByTestId('place-row');
    for (const row of await rows.all()) {
      expect(await row.getByRole('link', { name: COMPANY }).count()).toBe(1);
    }
    const internshipRow = rows.filter({ hasText: internship });
    expect(await internshipRow.getByTestId('place-status').textContent()).toBe('offen');
    expect(await internshipRow.getByTestId('place-published').count()).toBe(1);

    // Near a postcode: the distance column appears.
    await page.getByLabel('In der Nähe von (PLZ)').fill('40210');
    await page.getByLabel('Umkreis in km').fill('20');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await list.getByTestId('place-distance').first().waitFor();
    await expectAxeClean(page, '/places filtered by company and distance');
    await page.screenshot({ path: join(SCREENSHOTS, 'places-list.png'), fullPage: true });
  });

  it('place page: details, requirement profile, publication and a stale edit (409 → reload) pass axe', async () => {
    await page.getByTestId('place-list').getByRole('link', { name: apprenticeship }).click();
    await page.getByRole('heading', { level: 1, name: `${apprenticeship} bei ${COMPANY}` }).waitFor();
    await page.getByTestId('place-facts').getByText('Friseur', { exact: false }).first().waitFor();
    await expectAxeClean(page, 'place page');

    const profile = page.getByTestId('profile-section');
    await profile.getByRole('button', { name: 'Profil anlegen' }).click();
    await profile
      .getByLabel('Aufgaben (optional)')
      .fill('Kundinnen und Kunden empfangen, waschen, schneiden');
    await profile
      .getByLabel('Muss-Kriterien (optional)')
      .fill('Freude am Umgang mit Menschen\nPünktlichkeit');
    await profile.getByRole('button', { name: 'Speichern' }).click();
    await profile.getByTestId('profile-facts').getByText('Pünktlichkeit').waitFor();

    // The switch changes once the server saved the change (a versioned PATCH).
    await page.getByTestId('publish-switch').click();
    await page.getByTestId('place-summary').getByTestId('place-published').waitFor();
    await expectAxeClean(page, 'place page after saving the profile and publishing');

    // Someone else saves the place while the form is open: 409 → message, reload, then the save works.
    const placeId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('details-section').getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ausbildungsplatz bearbeiten' });
    await dialog.getByLabel('Anzahl Plätze').waitFor();
    const { place } = await apiCall<{ place: { version: number } }>(page, 'GET', `/api/places/${placeId}`);
    await apiCall(page, 'PATCH', `/api/places/${placeId}`, { version: place.version, seats: 3 });
    await dialog.getByLabel('Beschreibung (optional)').fill('Moderner Salon mit acht Plätzen');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Jemand anderes hat diesen Platz inzwischen geändert.').waitFor();
    await dialog.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => dialog.getByLabel('Anzahl Plätze').inputValue()).toBe('3');
    await dialog.getByLabel('Beschreibung (optional)').fill('Moderner Salon mit acht Plätzen');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('place-facts').getByText('Moderner Salon mit acht Plätzen').waitFor();
  });

  it("candidates: a client without consent to matching is refused with the server's message; with it, proposed and answered", async () => {
    const section = page.getByTestId('candidates-section');
    await section
      .getByRole('combobox', { name: 'Jugendliche*r' })
      .pressSequentially(candidateFamily, { delay: 20 });
    await page
      .getByRole('option', { name: new RegExp(candidateFamily) })
      .first()
      .click();
    await section.getByRole('button', { name: 'Hinzufügen' }).click();
    await section.getByText('Ohne aktive Einwilligung in das Matching', { exact: false }).waitFor();
    expect(await section.getByTestId('candidate-row').count()).toBe(0);

    await apiCall(page, 'POST', `/api/clients/${clientId}/consents`, {
      purpose: 'matching',
      givenOn: day(),
      form: 'paper',
    });
    await section.getByRole('button', { name: 'Hinzufügen' }).click();
    const row = section.getByTestId('candidate-row').filter({ hasText: candidate });
    await row.waitFor();
    await expectAxeClean(page, 'place page with a candidate');

    await section.getByRole('button', { name: 'Vorschlag an den Betrieb' }).click();
    const proposal = page.getByRole('dialog', { name: 'Vorschlag an den Betrieb senden' });
    expect(await proposal.getByRole('checkbox', { name: candidate }).isChecked()).toBe(true);
    await proposal.getByLabel('Weg').selectOption('phone');
    expect(await axeViolations(page), 'proposal dialog').toEqual([]);
    await proposal.getByRole('button', { name: 'Vorschlag erfassen' }).click();
    await proposal.waitFor({ state: 'detached' });
    await section.getByTestId('proposal').first().waitFor();

    await row.getByRole('button', { name: `Antwort des Betriebs erfassen: ${candidate}` }).click();
    const answer = page.getByRole('dialog', { name: `Antwort des Betriebs zu ${candidate}` });
    await answer.getByLabel('Antwort des Betriebs', { exact: true }).selectOption('rejected');
    await answer.getByRole('button', { name: 'Speichern' }).click();
    await answer.getByText('Bei einer Absage bitte den Grund angeben.').waitFor();
    await answer.getByLabel('Antwort des Betriebs', { exact: true }).selectOption('interview');
    await answer.getByRole('button', { name: 'Speichern' }).click();
    await answer.waitFor({ state: 'detached' });
    await row.getByTestId('candidate-answer').filter({ hasText: 'Vorstellungsgespräch' }).waitFor();
    await expectAxeClean(page, 'place page after the answer');
    await page.screenshot({ path: join(SCREENSHOTS, 'places-place.png'), fullPage: true });
  });

  it('place list: a taster day created there (company picked in the form) opens its page and is withdrawn', async () => {
    const tasterDay = `Schnuppertag im Salon ${suffix}`;
    await page.goto(`${baseUrl}/places`);
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsplätze' }).waitFor();
    await page.getByRole('button', { name: 'Ausbildungsplatz hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ausbildungsplatz hinzufügen' });
    await dialog
      .getByRole('combobox', { name: 'Betrieb', exact: true })
      .pressSequentially('Aydın', { delay: 20 });
    await page
      .getByRole('option', { name: new RegExp(COMPANY) })
      .first()
      .click();
    await expect.poll(() => dialog.getByLabel('Postleitzahl (optional)').inputValue()).toBe('40227');
    await dialog.getByLabel('Art des Platzes').selectOption('taster_day');
    await dialog.getByLabel('Bezeichnung (optional)').fill(tasterDay);
    await dialog.getByLabel('Beginn (optional)').fill(day(10));
    expect(await axeViolations(page), 'place form with company picker').toEqual([]);
    await dialog.getByRole('button', { name: 'Platz anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `${tasterDay} bei ${COMPANY}` }).waitFor();

    await page.getByTestId('status-section').getByRole('button', { name: 'Zurückziehen' }).click();
    await page
      .getByTestId('place-summary')
      .getByTestId('place-status')
      .filter({ hasText: 'zurückgezogen' })
      .waitFor();
    await page
      .getByTestId('candidates-section')
      .getByText('Der Platz ist nicht mehr offen', { exact: false })
      .waitFor();
    await expectAxeClean(page, 'withdrawn place');
  });

  it('public place list (signed out): shows the published places near Düsseldorf with company, place, start and seats', async () => {
    await browser.context.clearCookies();
    const visitor = await browser.context.newPage();
    await visitor.goto(`${baseUrl}/training-places`);
    await visitor.getByRole('heading', { level: 1, name: 'Freie Ausbildungsplätze' }).waitFor();
    await visitor.getByRole('navigation', { name: 'Öffentliche Seiten' }).waitFor();
    await expectAxeClean(visitor, '/training-places');

    await visitor.getByLabel('Meine Postleitzahl').fill('40227');
    await visitor.getByLabel('Umkreis in km').fill('10');
    await visitor.getByRole('button', { name: 'Suchen', exact: true }).click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('near')).toBe('40227');
    const card = visitor.getByTestId('public-place').filter({ hasText: internship });
    await card.waitFor();
    await card.getByText(COMPANY).waitFor();
    await card.getByText('40227 Düsseldorf', { exact: false }).waitFor();
    // The apprenticeship was published on its page too; both are open and current. The demo holds many
    // published places around Düsseldorf (the list is paged), so narrow it to hairdresser apprenticeships.
    const search = visitor.getByRole('search');
    await search.getByLabel('Art').selectOption('apprenticeship');
    await pickOccupation(visitor, search, 'Friseur', /^Friseur\/-in$/);
    await visitor.getByRole('button', { name: 'Suchen', exact: true }).click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('kind')).toBe('apprenticeship');
    await visitor.getByTestId('public-place').filter({ hasText: apprenticeship }).waitFor();
    await expectAxeClean(visitor, '/training-places near 40227');
    await visitor.screenshot({ path: join(SCREENSHOTS, 'places-public.png'), fullPage: true });
    await visitor.close();
  });
});
