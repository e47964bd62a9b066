import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

/** Waits for the page's h1, the network to settle, and expects no axe violations. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

/** Picks an occupation in the occupation search field `label` by typing `text` and choosing `option`. */
async function pickOccupation(page: Page, label: string, text: string, option: RegExp): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.pressSequentially(text, { delay: 20 });
  await page.getByRole('option', { name: option }).first().click();
}

/** Opens "Phase ändern", keeps the preselected next stage, dates it today and saves; waits for the badge. */
async function moveToNextStage(page: Page, expected: string): Promise<void> {
  await page.getByRole('button', { name: 'Phase ändern' }).first().click();
  const dialog = page.getByRole('dialog');
  expect(await dialog.getByRole('combobox', { name: 'Neue Phase' }).inputValue()).toBeTruthy();
  const selected = await dialog
    .getByRole('combobox', { name: 'Neue Phase' })
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  expect(selected).toBe(expected);
  await dialog.getByLabel('Datum des Wechsels').fill(day());
  await dialog.getByRole('button', { name: 'Phase ändern' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('case-stage').filter({ hasText: expected }).waitFor();
}

describe('counselling: a counsellor takes a young person from first contact to a training contract', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let caseUrl = '';
  const given = 'Mohammad Reza';
  const family = `Karimi-${Date.now().toString(36).slice(-4)}`;
  const name = `${given} ${family}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
  });
  afterAll(() => browser.close());

  it('intake: records the client with languages, German level, wished occupation, residence facts and counselling consent, then opens the case', async () => {
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByText('Beratung').waitFor();
    await nav.getByRole('link', { name: 'Neuaufnahme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuaufnahme' }).waitFor();
    await expectAxeClean(page, '/intake empty');

    await page.getByLabel('Vornamen', { exact: true }).fill(given);
    await page.getByLabel('Familienname', { exact: true }).fill(family);
    // A birth date in the future is refused at the field, nothing is saved.
    await page.getByLabel('Geburtsdatum (optional)').fill(day(3));
    await page.getByRole('button', { name: 'Aufnehmen und Fall anlegen' }).click();
    await page.getByText('Das Geburtsdatum kann nicht in der Zukunft liegen.').waitFor();
    expect(await page.getByLabel('Geburtsdatum (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/intake');
    await page.getByLabel('Geburtsdatum (optional)').fill('2007-03-14');
    await page.getByLabel('Geschlecht (optional)').selectOption('male');
    await page.getByLabel('Telefon (optional)').fill('0211 1234567');
    const postcode = page.getByLabel('Postleitzahl (optional)');
    await postcode.fill('99999');
    await page.getByText('Diese Postleitzahl gibt es nicht.').first().waitFor();
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    await postcode.fill('40210');
    await page.getByText('Ort: Düsseldorf', { exact: false }).waitFor();
    await page.getByLabel('Herkunftsland (optional)').selectOption('AF');
    await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await page.getByLabel('Sprache 1', { exact: true }).selectOption('fa');
    await page.getByLabel('Niveau Sprache 1').selectOption('C2');
    await page.getByLabel('Deutschniveau (GER) (optional)').selectOption('B1');
    await page.getByLabel('Quelle des Deutschniveaus (optional)').selectOption('certificate');
    await pickOccupation(page, 'Wunschberufe (optional)', 'Kaufmann für Büro', /Büromanagement/);
    await page.getByTestId('chosen-occupation').filter({ hasText: 'Büromanagement' }).waitFor();
    await page.getByLabel('Aufenthaltsstatus (optional)').selectOption('aufenthaltserlaubnis');
    await page.getByLabel('Aufenthaltsdokument gültig bis (optional)').fill(day(60));
    await page.getByLabel('Beschäftigungserlaubnis (optional)', { exact: true }).selectOption('yes');
    expect(await page.getByLabel('Die Einwilligung in die Beratung liegt vor').isChecked()).toBe(true);
    await page.getByLabel('auf Papier').check();
    await expectAxeClean(page, '/intake filled');
    await page.screenshot({ path: join(SCREENSHOTS, 'counselling-intake.png'), fullPage: true });

    await page.getByRole('button', { name: 'Aufnehmen und Fall anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Beratungsfall ${name}` }).waitFor();
    caseUrl = page.url();
    expect(new URL(caseUrl).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('case-stage').textContent()).toBe('Erstkontakt');
    // The residence document expires within 60 days: the case shows the reminder with its date.
    await page.getByTestId('reminders').waitFor();
    await expectAxeClean(page, 'case page after intake');
  });

  it('the client page shows the profile, the active counselling consent and the programme fields', async () => {
    await page.getByRole('link', { name: 'Zum Profil' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const consent = page.getByTestId('consent-row').first();
    expect(await consent.textContent()).toContain('Beratung');
    expect(await consent.textContent()).toContain('gültig');
    const profile = page.getByTestId('client-profile');
    expect(await profile.textContent()).toContain('40210 Düsseldorf');
    expect(await profile.textContent()).toContain('Kaufmann/-frau für Büromanagement');
    await page.getByTestId('programme').waitFor();
    await expectAxeClean(page, 'client page');

    // Two people editing: someone else saves the phone number first; this save gets 409 and names it.
    await page.getByRole('button', { name: 'Profil bearbeiten' }).click();
    const edit = page.getByRole('form', { name: 'Profil bearbeiten' });
    await edit.getByLabel('Messenger (optional)').fill('Signal 0170 1234567');
    const clientId = new URL(page.url()).pathname.split('/').pop();
    const status = await page.evaluate(async (id) => {
      const { token } = await (await fetch('/api/auth/csrf')).json();
      const { client } = await (await fetch(`/api/clients/${id}`)).json();
      const response = await fetch(`/api/clients/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify({ version: client.version, phone: '0211 7654321' }),
      });
      return response.status;
    }, clientId);
    expect(status).toBe(200);
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.getByText('Jemand anderes hat das Profil inzwischen geändert.', { exact: false }).waitFor();
    expect(await edit.getByTestId('conflict-fields').textContent()).toContain('Telefon');
    expect(await axeViolations(page), 'client page with a conflict').toEqual([]);
    await edit.getByRole('button', { name: 'Neu laden (eigene Änderungen verwerfen)' }).click();
    await page.getByRole('form', { name: 'Profil bearbeiten' }).getByLabel('Telefon (optional)').waitFor();
    expect(
      await page
        .getByRole('form', { name: 'Profil bearbeiten' })
        .getByLabel('Telefon (optional)')
        .inputValue(),
    ).toBe('0211 7654321');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('link', { name: 'Zum Beratungsfall' }).click();
    await page.getByRole('heading', { level: 1, name: `Beratungsfall ${name}` }).waitFor();
  });

  it('a session with a next step creates a task that appears in "Meine Aufgaben"', async () => {
    await page.getByRole('button', { name: 'Gespräch erfassen' }).click();
    const form = page.getByRole('form', { name: 'Beratungsgespräch erfassen' });
    await form.getByLabel('Dauer in Minuten (optional)').fill('50');
    await form.getByLabel('Kontaktweg').selectOption('in_person');
    await form.getByRole('checkbox', { name: 'Berufswahl' }).check();
    await form.getByRole('checkbox', { name: 'Bewerbung' }).check();
    await form
      .getByLabel('Notizen (optional)')
      .fill('Interesse an kaufmännischen Berufen; Lebenslauf fehlt noch.');
    await form.getByRole('button', { name: 'Nächsten Schritt hinzufügen' }).click();
    await form.getByLabel('Schritt 1', { exact: true }).fill('Lebenslauf mit Foto mitbringen');
    await form.getByLabel('Fällig am (Schritt 1) (optional)').fill(day(7));
    await expectAxeClean(page, 'case page with session form');
    await form.getByRole('button', { name: 'Gespräch speichern' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('session').first().waitFor();
    const task = page
      .getByTestId('case-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Lebenslauf mit Foto mitbringen' });
    await task.waitFor();

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Meine Aufgaben' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();
    const mine = page
      .getByTestId('open-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Lebenslauf mit Foto mitbringen' })
      .filter({ hasText: name });
    await mine.waitFor();
    expect(await mine.getByRole('link', { name }).count()).toBe(1);
    await expectAxeClean(page, '/tasks');
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: `Beratungsfall ${name}` }).waitFor();
  });

  it('a referral to the employment agency is listed on the case', async () => {
    await page.getByRole('button', { name: 'Verweisung anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verweisung anlegen' });
    await dialog.getByLabel('Partner', { exact: true }).selectOption('employment_agency');
    await dialog.getByLabel('Name der Stelle (optional)').fill('Agentur für Arbeit Düsseldorf');
    await dialog.getByLabel('Anlass').fill('Berufsberatung und Ausbildungsvermittlung');
    expect(await axeViolations(page), 'referral dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Verweisung speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    const referral = page.getByTestId('referral').first();
    await referral.waitFor();
    expect(await referral.textContent()).toContain('Agentur für Arbeit Düsseldorf');
  });

  it('stages: first contact → orientation → preparation → applying → placed (with contract) → in training; the history shows each change', async () => {
    await moveToNextStage(page, 'Orientierung');
    await moveToNextStage(page, 'Vorbereitung');
    await moveToNextStage(page, 'Bewerbung');

    // Placed needs the signed contract: record it first.
    await page.getByRole('button', { name: 'Ausbildungsvertrag erfassen' }).click();
    const contract = page.getByRole('form', { name: 'Ausbildungsvertrag erfassen' });
    await contract.getByLabel('Betrieb', { exact: true }).fill('Rheinhandel GmbH');
    await contract.getByLabel('Postleitzahl des Betriebs (optional)').fill('40210');
    await pickOccupation(page, 'Ausbildungsberuf', 'Büromanagement', /Büromanagement/);
    await contract.getByLabel('Beginn der Ausbildung').fill(day(30));
    await contract.getByLabel('Zuständige Stelle').selectOption('IHK');
    await contract.getByLabel('Davor im Betrieb').selectOption('internship');
    await expectAxeClean(page, 'case page with contract form');
    await contract.getByRole('button', { name: 'Vertrag speichern' }).click();
    await page.getByTestId('contract').waitFor();
    expect(await page.getByTestId('contract').textContent()).toContain('Rheinhandel GmbH');

    await moveToNextStage(page, 'Vermittelt');
    await moveToNextStage(page, 'In Ausbildung');

    const history = page.getByTestId('stage-history');
    const entries = await history.getByTestId('history-entry').allTextContents();
    const expected = [
      'Erstkontakt → Orientierung',
      'Orientierung → Vorbereitung',
      'Vorbereitung → Bewerbung',
      'Bewerbung → Vermittelt',
      'Vermittelt → In Ausbildung',
    ];
    for (const change of expected) {
      expect(
        entries.some((entry) => entry.includes(change)),
        change,
      ).toBe(true);
    }
    expect(entries.filter((entry) => entry.includes('→')).length).toBeGreaterThanOrEqual(expected.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'counselling-case.png'), fullPage: true });
    await expectAxeClean(page, 'case page in training');
  });

  it('board: the case sits in "In Ausbildung"; its "move to" menu works with the keyboard', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Fall-Board' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Fall-Board' }).waitFor();
    const column = page.getByTestId('board-column-in_training');
    const card = column.getByTestId('case-card').filter({ hasText: name });
    await card.waitFor();
    await expectAxeClean(page, '/board');

    const move = card.getByRole('button', { name: `${name} verschieben nach …` });
    await move.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Erstkontakt',
      'Orientierung',
      'Vorbereitung',
      'Bewerbung',
      'Vermittelt',
      'Abgeschlossen',
    ]);
    expect(await axeViolations(page), '/board with the move menu open').toEqual([]);
    // Choosing with the keyboard opens the stage dialog for that stage ("Abgeschlossen" asks for the outcome).
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Phase ändern: ${name}` });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Neue Phase' }).inputValue()).toBe('closed');
    await dialog.getByRole('combobox', { name: 'Ergebnis' }).waitFor();
    expect(await axeViolations(page), '/board stage dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await card.count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'counselling-board.png'), fullPage: true });
  });

  it('case list: filtering by stage "In Ausbildung" and "Nur meine Fälle" finds the case', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Fallliste' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Fallliste' }).waitFor();
    await page.getByLabel('Phase', { exact: true }).selectOption('in_training');
    await page.getByLabel('Nur meine Fälle').check();
    await page.getByTestId('case-row').filter({ hasText: name }).waitFor();
    expect(new URL(page.url()).searchParams.get('stage')).toBe('in_training');
    await expectAxeClean(page, '/cases filtered');
    await page.getByLabel('Phase', { exact: true }).selectOption('first_contact');
    await page.getByTestId('case-row').filter({ hasText: name }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('stage')).toBe('first_contact');
  });

  it('home: the agenda lists the open task; the client search finds the client', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Start' })
      .click();
    await page.getByTestId('agenda').waitFor();
    await page
      .getByTestId('agenda-open')
      .getByTestId('task')
      .filter({ hasText: 'Lebenslauf mit Foto mitbringen' })
      .filter({ hasText: name })
      .waitFor();
    await expectAxeClean(page, '/ (agenda)');

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Jugendliche' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Jugendliche' }).waitFor();
    await page.getByLabel('Suche', { exact: true }).fill(family);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByTestId('client-row').filter({ hasText: name }).waitFor();
    await expectAxeClean(page, '/clients search');
  });

  it('intake: another spelling of the same person with the same birth date shows "Mögliche Doppelung" before saving', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Neuaufnahme' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Neuaufnahme' }).waitFor();
    await page.getByLabel('Vornamen', { exact: true }).fill('Muhammad Reza');
    await page.getByLabel('Familienname', { exact: true }).fill(family);
    await page.getByLabel('Geburtsdatum (optional)').fill('2007-03-14');
    const hit = page.getByTestId('duplicate-hit').filter({ hasText: name });
    await hit.waitFor();
    expect(await page.getByTestId('duplicate-hint').textContent()).toContain('Mögliche Doppelung');
    expect(await hit.textContent()).toContain('gleiches Geburtsdatum');
    await expectAxeClean(page, '/intake with a possible duplicate');
  });

  it('intake of a 14-year-old: the guardian gives consent, and the full profile is saved after it', async () => {
    const minorFamily = `Haddad-${Date.now().toString(36).slice(-4)}`;
    await page.goto(`${baseUrl}/intake`);
    await page.getByRole('heading', { level: 1, name: 'Neuaufnahme' }).waitFor();
    await page.getByLabel('Vornamen', { exact: true }).fill('Lina');
    await page.getByLabel('Familienname', { exact: true }).fill(minorFamily);
    await page.getByLabel('Geburtsdatum (optional)').fill(day(-14 * 365 - 30));
    await page.getByTestId('minor-hint').waitFor();
    await page.getByLabel('Deutschniveau (GER) (optional)').selectOption('A2');
    await page.getByLabel('Postleitzahl (optional)').fill('40210');
    await page.getByLabel('Erteilt am').fill(day());
    await page.getByLabel('Name der erziehungsberechtigten Person').fill('Samira Haddad');
    await page.getByLabel('Beziehung').selectOption('mother');
    await page.getByLabel('Sprache (optional)', { exact: true }).selectOption('ar');
    await expectAxeClean(page, '/intake of a minor');
    await page.getByRole('button', { name: 'Aufnehmen und Fall anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Beratungsfall Lina ${minorFamily}` }).waitFor();

    await page.getByRole('link', { name: 'Zum Profil' }).click();
    await page.getByRole('heading', { level: 1, name: `Lina ${minorFamily}` }).waitFor();
    const consent = page.getByTestId('consent-row').first();
    expect(await consent.textContent()).toContain('erziehungsberechtigte Person (Samira Haddad)');
    expect(await consent.textContent()).toContain('gültig');
    expect(await page.getByTestId('guardian').first().textContent()).toContain('Samira Haddad');
    expect(await page.getByTestId('client-profile').textContent()).toContain('40210 Düsseldorf');
    await expectAxeClean(page, 'client page of a minor');
  });

  it('my tasks: ticking a task done takes it off the open list', async () => {
    await page.goto(`${baseUrl}/tasks`);
    await page.getByRole('heading', { level: 1, name: 'Meine Aufgaben' }).waitFor();
    const task = page
      .getByTestId('open-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Lebenslauf mit Foto mitbringen' })
      .filter({ hasText: name });
    await task.getByRole('checkbox', { name: 'Lebenslauf mit Foto mitbringen' }).check();
    await task.waitFor({ state: 'detached' });
    await page.goto(caseUrl);
    const done = page
      .getByTestId('case-tasks')
      .getByTestId('task')
      .filter({ hasText: 'Lebenslauf mit Foto mitbringen' });
    expect(await done.getByRole('checkbox').isChecked()).toBe(true);
  });

  it('possible duplicates: a second intake of the same person is listed as a pair and merged into the first', async () => {
    const variant = `Muhammad Reza ${family}`;
    await page.goto(`${baseUrl}/intake`);
    await page.getByRole('heading', { level: 1, name: 'Neuaufnahme' }).waitFor();
    await page.getByLabel('Vornamen', { exact: true }).fill('Muhammad Reza');
    await page.getByLabel('Familienname', { exact: true }).fill(family);
    await page.getByLabel('Geburtsdatum (optional)').fill('2007-03-14');
    await page.getByTestId('duplicate-hit').filter({ hasText: name }).waitFor();
    await page.getByRole('button', { name: 'Aufnehmen und Fall anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Beratungsfall ${variant}` }).waitFor();

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Mögliche Doppelungen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mögliche Doppelungen' }).waitFor();
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: name }).filter({ hasText: variant });
    await pair.waitFor();
    await expectAxeClean(page, '/duplicates');
    await pair.getByRole('button', { name: /^Zusammenführen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Datensätze zusammenführen' });
    await dialog.getByRole('radio', { name }).check();
    expect(await dialog.textContent()).toContain(`${variant} wird in ${name} zusammengeführt.`);
    expect(await axeViolations(page), 'merge dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await pair.waitFor({ state: 'detached' });
  });
});
