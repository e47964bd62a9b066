import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** A local calendar day `YYYY-MM-DD`, `offset` days from today. */
function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Waits for the page's h1 and for every section to have loaded, then expects no axe violations. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // "networkidle" is reached once per document; in the single-page app the sections' loaders tell.
  await page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
  expect(await axeViolations(page), what).toEqual([]);
}

/** The main navigation's link `name`, clicked; waits for the page heading `heading`. */
async function navigate(page: Page, name: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Confirms the open stage dialog (stage `expected` preselected, dated today) and waits for it to close. */
/**
 * Drop point near the top of a column: the demo's columns hold dozens of cards, so a column's centre
 * lies below the screen and a native drag cannot scroll there.
 */
const NEAR_TOP = { targetPosition: { x: 40, y: 40 } };

async function confirmStage(page: Page, company: string, expected: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Phase ändern: ${company}` });
  await dialog.waitFor();
  const select = dialog.getByRole('combobox', { name: 'Neue Phase' });
  expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toBe(
    expected,
  );
  expect(await dialog.getByLabel('Datum des Wechsels').inputValue()).toBe(day());
  await dialog.getByRole('button', { name: 'Phase ändern' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('companies: a counsellor wins a company from "identified" to "offering places"', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let companyUrl = '';
  const company = `Feinkost Öztürk ${Date.now().toString(36).slice(-5)}`;
  const card = (stage: string): Locator =>
    page.getByTestId(`board-column-${stage}`).getByTestId('company-card').filter({ hasText: company });

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
  });
  afterAll(() => browser.close());

  it('list: the company list is searchable and accessible; "Neuer Betrieb" opens the form', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByText('Betriebe', { exact: true })
      .waitFor();
    await navigate(page, 'Betriebsliste', 'Betriebe');
    await page.getByTestId('company-row').first().waitFor();
    await expectAxeClean(page, '/companies');
    await page.getByLabel('Phase', { exact: true }).selectOption('offering');
    await page.getByTestId('company-row').filter({ hasText: 'Friseursalon Aydın' }).waitFor();
    expect(new URL(page.url()).searchParams.get('stage')).toBe('offering');
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.getByRole('link', { name: 'Neuer Betrieb' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Betrieb' }).waitFor();
  });

  it('create: all field groups; the owner section is marked voluntary; the company starts "Identifiziert"', async () => {
    const form = page.getByRole('form', { name: 'Neuer Betrieb' });
    await form.getByLabel('Name des Betriebs').fill(company);
    await form.getByLabel('Rechtsform (optional)').fill('e. K.');
    await form.getByLabel('Branche (WZ 2008) (optional)').selectOption('G');
    await form.getByLabel('Beschäftigte (optional)').fill('6');
    await form.getByLabel('Straße und Hausnummer (optional)').fill('Birkenstraße 20');
    await form.getByLabel('Postleitzahl (optional)').fill('40233');
    await form.getByLabel('Telefon (optional)').fill('0211 5550 3301');
    await form.getByLabel('Ausbildungserfahrung (optional)').selectOption('never');
    await form.getByLabel('Zuständige Kammer (optional)').selectOption('ihk');
    expect(await form.getByTestId('voluntary-hint').textContent()).toContain('freiwillig');
    await form.getByLabel('Inhaber*in mit Migrationsgeschichte (optional)').selectOption('yes');
    await form.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await form.getByLabel('Sprache 1', { exact: true }).selectOption('tr');
    await form.getByLabel('Akquiseweg (optional)').selectOption('cold_call');
    await form.getByLabel('Erstkontakt am (optional)').fill(day());
    await form.getByLabel('Schlagwörter (optional)').fill('Einzelhandel, Erstausbildung');
    // A future first-contact day is refused at the field before anything is sent.
    await form.getByLabel('Erstkontakt am (optional)').fill(day(2));
    await form.getByRole('button', { name: 'Betrieb anlegen' }).click();
    await form.getByText('Das Datum kann nicht in der Zukunft liegen.').waitFor();
    await form.getByLabel('Erstkontakt am (optional)').fill(day());
    await expectAxeClean(page, '/companies/new filled');
    await page.screenshot({ path: join(SCREENSHOTS, 'companies-new.png'), fullPage: true });
    await form.getByRole('button', { name: 'Betrieb anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    companyUrl = page.url();
    expect(new URL(companyUrl).pathname).toMatch(/^\/companies\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('company-stage').textContent()).toBe('Identifiziert');
    const facts = await page.getByTestId('company-facts').textContent();
    expect(facts).toContain('40233 Düsseldorf');
    expect(facts).toContain('hat noch nie ausgebildet');
    expect(facts).toContain('Kaltakquise');
    await expectAxeClean(page, 'company page after create');
  });

  it('a second company with the same name and postcode is warned about; created anyway, it is merged into the first', async () => {
    await page.goto(`${baseUrl}/companies/new`);
    const form = page.getByRole('form', { name: 'Neuer Betrieb' });
    const duplicate = company.toUpperCase();
    await form.getByLabel('Name des Betriebs').fill(duplicate);
    await form.getByLabel('Postleitzahl (optional)').fill('40233');
    await page.getByTestId('live-duplicates').getByRole('link', { name: company }).waitFor();
    await form.getByRole('button', { name: 'Betrieb anlegen' }).click();
    const warning = page.getByTestId('duplicate-warning');
    await warning.getByRole('link', { name: company }).waitFor();
    await warning.getByRole('button', { name: 'Zum vorhandenen Betrieb' }).waitFor();
    expect(await axeViolations(page), 'duplicate warning').toEqual([]);
    await warning.getByRole('button', { name: 'Trotzdem anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: duplicate }).waitFor();
    const duplicateUrl = page.url();
    expect(duplicateUrl).not.toBe(companyUrl);

    // The duplicate's page names the first company; there the duplicate is merged in.
    await page.getByTestId('merge-section').getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    expect(page.url()).toBe(companyUrl);
    const section = page.getByTestId('merge-section');
    await section.getByRole('button', { name: `${duplicate} hierher zusammenführen` }).click();
    const dialog = page.getByRole('dialog', { name: 'Betriebe zusammenführen' });
    await dialog.getByText(`„${duplicate}“ mit „${company}“ zusammenführen?`).waitFor();
    expect(await axeViolations(page), 'merge dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Zusammenführen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.waitFor({ state: 'detached' });

    await page.goto(duplicateUrl);
    await page.getByTestId('merged-notice').waitFor();
    expect(await page.getByRole('button', { name: 'Phase ändern' }).count()).toBe(0);
    await expectAxeClean(page, 'merged company (read-only)');
    await page
      .getByTestId('merged-notice')
      .getByRole('link', { name: 'Zum zusammengeführten Betrieb' })
      .click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    expect(page.url()).toBe(companyUrl);
  });

  it('a contact person, then a logged cold call moves the company to "Kontaktiert" and creates the follow-up task', async () => {
    await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ansprechperson hinzufügen' });
    await dialog.getByLabel('Name', { exact: true }).fill('Ayşe Öztürk');
    await dialog.getByLabel('Funktion').selectOption('owner');
    expect(await dialog.getByLabel('Hauptansprechperson').isChecked()).toBe(true);
    expect(await axeViolations(page), 'contact person dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('person')
      .filter({ hasText: 'Ayşe Öztürk' })
      .filter({ hasText: 'Hauptansprechperson' })
      .waitFor();

    await page.getByRole('button', { name: 'Kontakt erfassen' }).click();
    const form = page.getByRole('form', { name: 'Kontakt erfassen' });
    expect(await form.getByLabel('Datum', { exact: true }).inputValue()).toBe(day());
    await form.getByLabel('Kontaktweg').selectOption('phone');
    expect(
      await form
        .getByLabel('Gesprächspartner*in (optional)')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
    ).toBe('Ayşe Öztürk');
    await form
      .getByLabel('Ergebnis')
      .fill('Kaltakquise am Telefon: Interesse an einer Ausbildung im Einzelhandel.');
    await form
      .getByLabel('Nächster Schritt (optional)')
      .fill('Infomaterial zur Einstiegsqualifizierung schicken');
    await form.getByLabel('Fällig am (optional)').fill(day(7));
    await expectAxeClean(page, 'company page with contact form');
    await form.getByRole('button', { name: 'Kontakt speichern' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('company-stage').filter({ hasText: 'Kontaktiert' }).waitFor();
    const entry = page.getByTestId('company-contact').filter({ hasText: 'Kaltakquise am Telefon' });
    await entry
      .getByTestId('contact-task')
      .filter({ hasText: 'Infomaterial zur Einstiegsqualifizierung' })
      .waitFor();
    expect(await entry.getByTestId('contact-task').textContent()).toContain('Aufgabe offen');
    await page
      .getByTestId('company-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Infomaterial zur Einstiegsqualifizierung' })
      .waitFor();
    const history = await page.getByTestId('company-history').textContent();
    expect(history).toContain('Identifiziert → Kontaktiert');
  });

  it('"Meine Aufgaben" lists the follow-up with a link to the company', async () => {
    await navigate(page, 'Meine Aufgaben', 'Meine Aufgaben');
    const task = page
      .getByTestId('open-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Infomaterial zur Einstiegsqualifizierung' })
      .filter({ hasText: company });
    await task.waitFor();
    await expectAxeClean(page, '/tasks with a company follow-up');
    await task.getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
  });

  it('board: moved to "Beraten" with the keyboard menu, then by drag and drop to "Ausbildungsbereit" and "Bietet Plätze an"', async () => {
    // A desktop screen wide enough for the six pipeline columns: a native drag cannot scroll the board sideways.
    await page.setViewportSize({ width: 1920, height: 1000 });
    await navigate(page, 'Akquise-Board', 'Akquise-Board');
    await card('contacted').waitFor();
    await expectAxeClean(page, '/companies/board');

    const move = card('contacted').getByRole('button', { name: `${company} verschieben nach …` });
    await move.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Identifiziert',
      'Beraten',
      'Ausbildungsbereit',
      'Bietet Plätze an',
      'Bildet aus',
      'Abgesagt',
      'Ruht',
    ]);
    expect(await axeViolations(page), '/companies/board with the move menu open').toEqual([]);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Beraten');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `Phase ändern: ${company}` }).waitFor();
    expect(await axeViolations(page), 'company stage dialog').toEqual([]);
    await confirmStage(page, company, 'Beraten');
    await card('advised').waitFor();

    await card('advised').dragTo(page.getByTestId('board-column-ready_to_train'), NEAR_TOP);
    await confirmStage(page, company, 'Ausbildungsbereit');
    await card('ready_to_train').waitFor();

    // Someone else changes the company meanwhile: the move is refused with a plain message and the board reloads.
    const id = new URL(companyUrl).pathname.split('/').pop();
    const status = await page.evaluate(async (companyId) => {
      const { token } = await (await fetch('/api/auth/csrf')).json();
      const { company: current } = await (await fetch(`/api/companies/${companyId}`)).json();
      const response = await fetch(`/api/companies/${companyId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify({ version: current.version, website: 'https://feinkost.example' }),
      });
      return response.status;
    }, id);
    expect(status).toBe(200);
    await card('ready_to_train').dragTo(page.getByTestId('board-column-offering'), NEAR_TOP);
    const dialog = page.getByRole('dialog', { name: `Phase ändern: ${company}` });
    await dialog.getByRole('button', { name: 'Phase ändern' }).click();
    await dialog.getByText('Jemand anderes hat den Betrieb inzwischen geändert.', { exact: false }).waitFor();
    expect(await axeViolations(page), 'stale move message').toEqual([]);
    await dialog.getByRole('button', { name: 'Schließen und neu ansehen' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card('ready_to_train').dragTo(page.getByTestId('board-column-offering'), NEAR_TOP);
    await confirmStage(page, company, 'Bietet Plätze an');
    await card('offering').waitFor();
    expect(await card('ready_to_train').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'companies-board.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('company page: the history shows every move; an advice item is ticked done', async () => {
    await card('offering').getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    // The page may first show the cached company; wait for the fresh one.
    await page.getByTestId('company-stage').filter({ hasText: 'Bietet Plätze an' }).waitFor();
    const history = await page.getByTestId('company-history').getByTestId('history-entry').allTextContents();
    for (const change of [
      'Identifiziert → Kontaktiert',
      'Kontaktiert → Beraten',
      'Beraten → Ausbildungsbereit',
      'Ausbildungsbereit → Bietet Plätze an',
    ]) {
      expect(
        history.some((entry) => entry.includes(change)),
        change,
      ).toBe(true);
    }

    const aevo = page.getByRole('checkbox', { name: 'Ausbildereignung (AEVO)' });
    expect(await aevo.isChecked()).toBe(false);
    await aevo.check();
    const item = page.getByTestId('advice-item').filter({ hasText: 'Ausbildereignung (AEVO)' });
    await page
      .getByTestId('advice-item')
      .and(page.locator('[data-state="done"]'))
      .filter({ hasText: 'AEVO' })
      .waitFor();
    expect(await item.textContent()).toContain('erledigt seit');
    expect(await page.getByTestId('advice-section').getByRole('heading').textContent()).toContain('1 von 7');

    await item.getByRole('button', { name: 'Ausbildereignung (AEVO) bearbeiten' }).click();
    const editor = page.getByRole('form', { name: 'Ausbildereignung (AEVO) bearbeiten' });
    await editor
      .getByLabel('Notiz (optional)')
      .fill('Inhaberin hat den AEVO-Kurs bei der IHK abgeschlossen.');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await editor.waitFor({ state: 'detached' });
    await item.getByText('AEVO-Kurs bei der IHK', { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'companies-page.png'), fullPage: true });
    await expectAxeClean(page, 'company page offering places');
  });
});
