import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** A hand-made demo place of the Düsseldorf office (demo.places.ts): Friseur/-in, 40227, B1, ESA, 2027-08-01. */
const PLACE = 'Ausbildung Friseur/-in im Salon Aydın';

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

/** Clicks `button` in `dialog` and waits for the dialog to close; fails with the dialog's error message if it shows one. */
async function submitDialog(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  const error = dialog.getByTestId('form-error');
  await Promise.race([dialog.waitFor({ state: 'detached' }), error.waitFor()]).catch(() => undefined);
  if (await dialog.count()) expect(await dialog.textContent(), `${button}: the dialog stays open`).toBe('');
}

/** Takes a young person in through the intake API (client with counselling consent and an open case). */
async function intake(
  page: Page,
  client: Record<string, unknown>,
): Promise<{ clientId: string; caseId: string }> {
  const created = await apiCall<{ case: { id: string; clientId: string } }>(page, 'POST', '/api/cases', {
    client: { ...client, counsellingConsent: { givenOn: day(-7), form: 'paper' } },
  });
  return { clientId: created.case.clientId, caseId: created.case.id };
}

describe('matching: explained suggestions both ways, a placement that moves the case, runs and weights', () => {
  const baseUrl = inject('baseUrl');
  const suffix = Date.now().toString(36).slice(-4);
  const family = `Rahimi-${suffix}`;
  const name = `Yasmin ${family}`;
  const otherName = `Omid Sadeghi-${suffix}`;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let clientId = '';
  let otherId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    // A young person who wants to become a hairdresser, lives at the salon's postcode, speaks German at B1,
    // has the ESA, is tolerated (Duldung) without a recorded work permit, and consents to matching.
    ({ clientId } = await intake(page, {
      givenNames: 'Yasmin',
      familyName: family,
      dateOfBirth: '2006-04-02',
      postcode: '40227',
      germanLevel: 'B1',
      schoolQualification: 'esa',
      wishedOccupationIds: ['friseur'],
      availableFrom: '2027-07-01',
      availableUntil: '2027-10-31',
      wantedPlaceKinds: ['apprenticeship'],
      residenceStatus: 'duldung',
    }));
    await apiCall(page, 'POST', `/api/clients/${clientId}/consents`, {
      purpose: 'matching',
      givenOn: day(-7),
      form: 'paper',
    });
    // Someone without consent to matching.
    ({ clientId: otherId } = await intake(page, {
      givenNames: 'Omid',
      familyName: `Sadeghi-${suffix}`,
      dateOfBirth: '2005-09-20',
      postcode: '40210',
      wishedOccupationIds: ['koch'],
    }));
  });
  afterAll(() => browser.close());

  it('client page: "Vorschläge" lists places with the score as a bar, every factor in plain German and the work-permit flag; filters work', async () => {
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const section = page.getByTestId('suggestions-section');
    await section.getByRole('heading', { level: 2, name: 'Vorschläge' }).waitFor();
    const card = section.getByTestId('suggestion').filter({ hasText: PLACE });
    await card.waitFor();
    expect(await section.getByTestId('suggestion').count()).toBeLessThanOrEqual(10);
    expect(await section.getByTestId('suggestions-case-stage').textContent()).toBe('Fallphase: Erstkontakt');

    // The score as a named bar with its percentage, and each factor explained with its points.
    await card.getByRole('progressbar', { name: `Passung: ${PLACE}` }).waitFor();
    expect(await card.getByTestId('score-percent').textContent()).toMatch(/^\d{1,3} %$/);
    const factors = card.getByTestId('factor');
    expect(await factors.count()).toBe(6);
    const text = async (key: string) =>
      card.locator(`[data-factor="${key}"]`).getByTestId('factor-text').textContent();
    expect(await text('occupation')).toBe('Wunschberuf genau');
    expect(await text('distance')).toMatch(
      /^\d+(,\d)?\skm entfernt \(Standard-Umkreis 30\skm, kein eigener erfasst\)$/,
    );
    expect(await text('language')).toBe('Deutsch B1, verlangt B1: erfüllt');
    expect(await text('school')).toBe('Verlangter Abschluss vorhanden');
    expect(await text('start')).toMatch(/^Beginn .*2027: im gewünschten Zeitraum$/);
    expect(await text('kind')).toBe('Ausbildung: gewünscht');
    // Duldung without a recorded work permit: flagged, not dropped.
    await card.getByTestId('flag').filter({ hasText: 'Arbeitserlaubnis fehlt' }).waitFor();
    await expectAxeClean(page, 'client page with suggestions');
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-client.png'), fullPage: true });

    // Filter by kind: internships only (none wanted, but the filter narrows to them) — then reset.
    await section.getByLabel('Art des Platzes').selectOption('internship');
    await expect
      .poll(async () => (await section.getByTestId('suggestion').filter({ hasText: PLACE }).count()) === 0)
      .toBe(true);
    // Without flags: every suggestion of this person carries the work-permit flag, so none is left.
    await section.getByLabel('Art des Platzes').selectOption('');
    await section.getByLabel('Nur Vorschläge ohne Hinweise', { exact: false }).check();
    await section.getByTestId('suggestions-empty').getByText('Kein passender Platz').waitFor();
    await expectAxeClean(page, 'client page, nothing within the filters');
    await section.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await card.waitFor();

    // "Why is this place not suggested?": the car workshop's apprenticeship is unrelated to her wish.
    const check = section.getByTestId('explain-pair');
    await check
      .getByRole('combobox', { name: 'Platz suchen' })
      .pressSequentially('Kfz-Mechatroniker', { delay: 20 });
    await page
      .getByRole('option', { name: /Kfz-Mechatroniker/ })
      .first()
      .click();
    await check
      .getByTestId('pair-excluded')
      .getByText('Der Beruf hat keinen Bezug zu den Wunschberufen oder Interessen.', { exact: false })
      .waitFor();
    expect(await check.getByTestId('factor').count()).toBe(6);
    await expectAxeClean(page, 'client page with an explained excluded place');
  });

  it('client page without consent to matching: the empty state says why and links to the consents', async () => {
    await page.goto(`${baseUrl}/clients/${otherId}`);
    await page.getByRole('heading', { level: 1, name: otherName }).waitFor();
    const empty = page.getByTestId('suggestions-section').getByTestId('suggestions-empty');
    await empty.getByText('Keine Einwilligung in das Matching').waitFor();
    expect(await page.getByTestId('suggestions-section').getByTestId('suggestion').count()).toBe(0);
    await expectAxeClean(page, 'client page without matching consent');
    await empty.getByRole('link', { name: 'Zur Einwilligung (Zweck „Matching“)' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#client-consents');
    // The keyboard focus moves there too (it stayed on the page's body).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('client-consents');
    // Recording the consent brings the suggestions on the same page, without a reload.
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await dialog.getByLabel('Zweck').selectOption('matching');
    await submitDialog(dialog, 'Einwilligung speichern');
    await page.getByTestId('suggestions-section').getByTestId('suggestion').first().waitFor();
    expect(await empty.count()).toBe(0);
  });

  it('place page: "Passende Bewerber*innen" lists the person, explained, with the stage of the case', async () => {
    await page.goto(`${baseUrl}/clients/${clientId}`);
    const section = page.getByTestId('suggestions-section');
    await section
      .getByTestId('suggestion')
      .filter({ hasText: PLACE })
      .getByRole('link', { name: PLACE })
      .click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${PLACE} bei`) }).waitFor();
    const candidates = page.getByTestId('matching-candidates-section');
    await candidates.getByRole('heading', { level: 2, name: 'Passende Bewerber*innen' }).waitFor();
    const card = candidates.getByTestId('suggestion').filter({ hasText: name });
    await card.waitFor();
    await card.getByRole('progressbar', { name: `Passung: ${name}` }).waitFor();
    expect(await card.locator('[data-factor="occupation"]').getByTestId('factor-text').textContent()).toBe(
      'Wunschberuf genau',
    );
    expect(await card.locator('[data-factor="language"]').getByTestId('factor-text').textContent()).toBe(
      'Deutsch B1, verlangt B1: erfüllt',
    );
    expect(await card.getByTestId('client-case-stage').textContent()).toBe('Fall: Erstkontakt');
    await card.getByTestId('flag').filter({ hasText: 'Arbeitserlaubnis fehlt' }).waitFor();
    await expectAxeClean(page, 'place page with matching candidates');
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-place.png'), fullPage: true });

    // The same explanations in English.
    await page.getByRole('button', { name: 'English' }).click();
    await candidates.getByRole('heading', { level: 2, name: 'Fitting applicants' }).waitFor();
    expect(await card.locator('[data-factor="occupation"]').getByTestId('factor-text').textContent()).toBe(
      'Wished occupation exactly',
    );
    expect(await card.locator('[data-factor="language"]').getByTestId('factor-text').textContent()).toBe(
      'German B1, required B1: met',
    );
    await card.getByTestId('flag').filter({ hasText: 'Work permit missing' }).waitFor();
    await expectAxeClean(page, 'place page in English');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await candidates.getByRole('heading', { level: 2, name: 'Passende Bewerber*innen' }).waitFor();
  });

  it('"Vermittlung anlegen" from a suggestion creates a placement and moves the case to "Bewerbung"', async () => {
    await page.goto(`${baseUrl}/clients/${clientId}`);
    const section = page.getByTestId('suggestions-section');
    const card = section.getByTestId('suggestion').filter({ hasText: PLACE });
    await card.getByRole('button', { name: `Vermittlung anlegen: ${PLACE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
    await dialog
      .getByTestId('case-move-hint')
      .getByText('„Erstkontakt“ in die Phase „Bewerbung“', { exact: false })
      .waitFor();
    expect(await dialog.getByLabel('Vorgeschlagen am').inputValue()).toBe(day());
    expect(await axeViolations(page), 'create placement dialog').toEqual([]);
    await submitDialog(dialog, 'Vermittlung anlegen');

    // The placement is listed, the suggestion links to it, and the case stage shown has moved.
    const placements = page.getByTestId('client-placements');
    const row = placements.getByTestId('placement-row').filter({ hasText: PLACE });
    await row.getByTestId('placement-stage').filter({ hasText: 'Vorgeschlagen' }).waitFor();
    expect(await row.textContent()).toContain('aus dem Matching');
    await card.getByTestId('suggestion-placement').waitFor();
    await section.getByTestId('suggestions-case-stage').filter({ hasText: 'Fallphase: Bewerbung' }).waitFor();
    await expectAxeClean(page, 'client page with a placement');

    await page.getByRole('link', { name: 'Zum Beratungsfall' }).click();
    await page.getByRole('heading', { level: 1, name: `Beratungsfall ${name}` }).waitFor();
    await page.getByTestId('case-stage').filter({ hasText: 'Bewerbung' }).waitFor();
    expect(await page.getByTestId('case-stage').textContent()).toBe('Bewerbung');
    // Closing the case would leave the placement running: the dialog names it (then: cancel).
    await page.getByRole('button', { name: 'Phase ändern' }).first().click();
    const stageDialog = page.getByRole('dialog', { name: /^Phase ändern: / });
    await stageDialog.getByLabel('Neue Phase').selectOption('closed');
    const hint = stageDialog.getByTestId('open-placements-hint');
    await hint.getByRole('link', { name: PLACE }).waitFor();
    expect(await hint.textContent()).toContain('Eine Vermittlung läuft noch.');
    expect(await axeViolations(page), 'closing a case with a running placement').toEqual([]);
    await stageDialog.getByRole('button', { name: 'Abbrechen' }).click();
    await stageDialog.waitFor({ state: 'detached' });
  });

  it('placement page: a dated stage move, then a rejection that needs its reason', async () => {
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await page.getByTestId('client-placements').getByRole('link', { name: PLACE }).click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`^Vermittlung: .*${family} – ${PLACE}$`) })
      .waitFor();
    await page.getByTestId('score-snapshot').waitFor();
    await expectAxeClean(page, 'placement page');

    const stageSection = page.getByTestId('placement-stage-section');
    await stageSection.getByRole('button', { name: 'Phase ändern' }).click();
    let dialog = page.getByRole('dialog', { name: new RegExp(`^Phase ändern: .*${family}`) });
    await dialog.getByLabel('Neue Phase').selectOption('company_contacted');
    await dialog.getByLabel('Datum des Wechsels').fill(day());
    expect(await axeViolations(page), 'stage dialog').toEqual([]);
    await submitDialog(dialog, 'Phase ändern');
    await page
      .getByTestId('placement-summary')
      .getByTestId('placement-stage')
      .filter({ hasText: 'Betrieb kontaktiert' })
      .waitFor();
    expect(await page.getByTestId('placement-history-entry').count()).toBe(2);

    // "Vertrag" first says what it moves and waits for an explicit confirmation; "Zurück" sends nothing.
    await stageSection.getByRole('button', { name: 'Phase ändern' }).click();
    dialog = page.getByRole('dialog', { name: new RegExp(`^Phase ändern: .*${family}`) });
    await dialog.getByLabel('Neue Phase').selectOption('contract');
    await dialog.getByRole('button', { name: 'Phase ändern' }).click();
    const confirm = dialog.getByTestId('contract-confirm');
    await confirm.getByText('Der Fall wechselt in die Phase „Vermittelt“', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Ja, Vertrag erfassen' }).waitFor();
    expect(await axeViolations(page), 'contract confirmation').toEqual([]);
    await dialog.getByRole('button', { name: 'Zurück' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('placement-history-entry').count()).toBe(2);

    await stageSection.getByRole('button', { name: 'Phase ändern' }).click();
    dialog = page.getByRole('dialog', { name: new RegExp(`^Phase ändern: .*${family}`) });
    await dialog.getByLabel('Neue Phase').selectOption('rejected');
    await dialog.getByRole('button', { name: 'Phase ändern' }).click();
    await dialog.getByText('Bitte den Grund der Ablehnung wählen.').waitFor();
    expect(await dialog.getByLabel('Grund der Ablehnung').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'rejection dialog with an error').toEqual([]);
    await dialog.getByLabel('Grund der Ablehnung').selectOption('company_declined');
    await dialog
      .getByLabel('Notiz (optional)')
      .fill('Der Betrieb hat sich für eine andere Bewerberin entschieden.');
    await submitDialog(dialog, 'Phase ändern');
    await page
      .getByTestId('placement-rejection')
      .getByText('Grund: Betrieb hat abgesagt', { exact: false })
      .waitFor();
    expect(await stageSection.getByRole('button', { name: 'Phase ändern' }).count()).toBe(0);
    await expectAxeClean(page, 'rejected placement');
    await page.screenshot({ path: join(SCREENSHOTS, 'matching-placement.png'), fullPage: true });
  });

  it('runs page: a batch run over the office shows its progress and its stored results', async () => {
    await page.goto(`${baseUrl}/matching/runs`);
    await page.getByRole('heading', { level: 1, name: 'Matching-Läufe' }).waitFor();
    await page.getByRole('columnheader', { name: 'Gestartet', exact: true }).waitFor();
    expect(await page.getByTestId('runs-no-own-cases').count()).toBe(0);
    await expectAxeClean(page, 'runs page');
    const form = page.getByRole('form', { name: 'Neuen Lauf starten' });
    await form.getByLabel('Vorschläge je Liste (1–50)').fill('0');
    await form.getByRole('button', { name: 'Lauf starten' }).click();
    await form.getByText('Bitte eine ganze Zahl von 1 bis 50 eingeben.').waitFor();
    await form.getByLabel('Vorschläge je Liste (1–50)').fill('5');
    await form.getByLabel('Listen').selectOption('both');
    await form.getByRole('button', { name: 'Lauf starten' }).click();
    const row = page.getByTestId('run-row').first();
    await row.getByTestId('run-status').filter({ hasText: 'fertig' }).waitFor({ timeout: 60_000 });
    await row.getByRole('progressbar').waitFor();
    await expectAxeClean(page, 'runs page with a finished run');

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Matching-Lauf vom / }).waitFor();
    await page.getByTestId('run-facts').getByText('Beides').waitFor();
    await page.getByTestId('result-row').first().waitFor();
    // Each place with its company, postcode and town (two places of one company differ there).
    expect(await page.getByTestId('result-place-detail').first().textContent()).toMatch(/ · \d{5} /);
    await page.getByLabel('Listen anzeigen').selectOption('clients');
    await page.getByTestId('result-row').first().waitFor();
    await expectAxeClean(page, 'run page with results');

    // The same settings once more: a new run whose data stamp shows the same short code (same data).
    const firstUrl = page.url();
    const code = (await page.getByTestId('data-stamp').textContent())?.trim();
    expect(code).toMatch(/^[0-9a-f]{4} [0-9a-f]{4}$/);
    await page.getByRole('button', { name: 'Mit denselben Einstellungen erneut starten' }).click();
    await page.waitForURL(
      (url) => url.href !== firstUrl && /\/matching\/runs\/[0-9a-f-]{36}$/.test(url.pathname),
    );
    await page.getByTestId('run-facts').getByText('Beides').waitFor();
    await page.getByTestId('result-row').first().waitFor({ timeout: 60_000 });
    expect((await page.getByTestId('data-stamp').textContent())?.trim()).toBe(code);
  });

  it('weights: counsellors read them; a coordinator changes them for a service centre (all zero refused) and restores the defaults', async () => {
    await page.goto(`${baseUrl}/matching/settings`);
    await page.getByRole('heading', { level: 1, name: 'Matching-Gewichte' }).waitFor();
    await page.getByTestId('settings-readonly').waitFor();
    expect(await page.getByRole('button', { name: 'Gewichte speichern' }).count()).toBe(0);
    await expectAxeClean(page, 'settings page (counsellor, read only)');

    const coordinator = await launchBrowser();
    const other = await coordinator.context.newPage();
    await signIn(other, baseUrl, 'coordinator@kausa.example', PASSWORD);
    await other.goto(`${baseUrl}/matching/settings`);
    await other.getByRole('heading', { level: 1, name: 'Matching-Gewichte' }).waitFor();
    await other.getByLabel('Stelle').selectOption({ label: 'KAUSA Servicestelle Düsseldorf' });
    const form = other.getByRole('form', { name: 'Matching-Gewichte' });
    for (const label of ['Beruf', 'Entfernung', 'Deutsch', 'Schulabschluss', 'Beginn', 'Art des Platzes']) {
      await form.getByLabel(label, { exact: true }).fill('0');
    }
    await form.getByRole('button', { name: 'Gewichte speichern' }).click();
    await form.getByText('Mindestens ein Gewicht muss größer als 0 sein.').waitFor();
    await form.getByRole('button', { name: 'Standardwerte einsetzen' }).click();
    // German decimals: "12,5" is 12.5 (share 12.5 / 92.5 = 13.5 %, shown as 13 % so that the shares add up
    // to 100: 38 + 13 + 16 + 11 + 11 + 11), not 125; out-of-range values are marked at the field, never
    // clamped silently.
    await form.getByLabel('Entfernung', { exact: true }).fill('12,5');
    await form.getByTestId('weight-shares').getByText('Entfernung 13 %', { exact: false }).waitFor();
    await form.getByTestId('weight-shares').getByText('Beruf 38 %', { exact: false }).waitFor();
    await form.getByLabel('Beruf', { exact: true }).fill('-5');
    await form.getByLabel('Halbwertsentfernung (km)').fill('0');
    await form.getByRole('button', { name: 'Gewichte speichern' }).click();
    await form.getByText('Der Wert darf nicht negativ sein.').waitFor();
    await form.getByText('Der Wert muss größer als 0 sein.').waitFor();
    expect(await form.getByLabel('Beruf', { exact: true }).inputValue()).toBe('-5');
    await form.getByRole('button', { name: 'Standardwerte einsetzen' }).click();
    await form.getByLabel('Entfernung', { exact: true }).fill('40');
    await form.getByTestId('weight-shares').getByText('Entfernung 33 %', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Gewichte speichern' }).click();
    await form.getByTestId('settings-state').getByText('Zuletzt geändert am', { exact: false }).waitFor();
    expect(await axeViolations(other), 'settings page (coordinator)').toEqual([]);
    await form.getByRole('button', { name: 'Standardwerte einsetzen' }).click();
    await form.getByRole('button', { name: 'Gewichte speichern' }).click();
    await expect.poll(() => form.getByTestId('weight-shares').textContent()).toContain('Entfernung 20 %');

    // The coordinator's Landesstelle holds no people or places: the runs page suggests a region run, and
    // the form starts with it.
    await other.goto(`${baseUrl}/matching/runs`);
    await other.getByRole('heading', { level: 1, name: 'Matching-Läufe' }).waitFor();
    await other
      .getByTestId('runs-no-own-cases')
      .getByText('Starten Sie einen Regionslauf', { exact: false })
      .waitFor();
    expect(await axeViolations(other), 'runs page (coordinator)').toEqual([]);
    const start = other.getByRole('form', { name: 'Neuen Lauf starten' });
    await expect.poll(() => start.getByLabel('Bereich').inputValue()).toBe('region');
    await start.getByLabel('Vorschläge je Liste (1–50)').fill('3');
    await start.getByRole('button', { name: 'Lauf starten' }).click();
    const row = other.getByTestId('run-row').first();
    await row.getByTestId('run-scope-region').waitFor();
    await row.getByTestId('run-status').filter({ hasText: 'fertig' }).waitFor({ timeout: 60_000 });
    await row.getByRole('link').first().click();
    // One row per office; the offices below show numbers only, the own office opens as a run.
    const parts = other.getByTestId('run-part');
    await parts
      .filter({ hasText: 'KAUSA Servicestelle Hagen' })
      .getByTestId('run-status')
      .filter({ hasText: 'fertig' })
      .waitFor();
    expect(await parts.count()).toBe(3);
    const dusPart = parts.filter({ hasText: 'KAUSA Servicestelle Düsseldorf' });
    expect(await dusPart.getByRole('link').count()).toBe(0);
    expect(
      Number((await dusPart.getByRole('cell').nth(1).textContent())?.replace(/\./g, '')),
    ).toBeGreaterThan(100);
    await other.getByTestId('open-own-part').waitFor();
    await expectAxeClean(other, 'region run page (coordinator)');
    await coordinator.close();

    // Düsseldorf sees its part of the region run as a run of its own, with its lists.
    await page.goto(`${baseUrl}/matching/runs`);
    const part = page
      .getByTestId('run-row')
      .filter({ has: page.getByTestId('run-part-of') })
      .first();
    await part
      .getByText('Teil des Regionslaufs der Stelle „KAUSA Landesstelle Nordrhein-Westfalen“')
      .waitFor();
    await part.getByRole('link').first().click();
    await page.getByTestId('result-row').first().waitFor();
    await page.getByTestId('run-facts').getByTestId('run-part-of').waitFor();
    await expectAxeClean(page, 'part of a region run (counsellor)');
  });
});
