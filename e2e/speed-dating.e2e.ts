import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** Demo companies of the Düsseldorf office (demo.places.ts) with open apprenticeships. */
const COMPANIES = ['Friseursalon Aydın', 'Kfz-Werkstatt Haddad GmbH', 'Restaurant Anatolia'];

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

/**
 * Takes a young person in (counselling consent, open case) and records the consent to matching unless
 * `matching` is false. Returns the client's id.
 */
async function intakeWithMatching(
  page: Page,
  client: Record<string, unknown>,
  matching = true,
): Promise<string> {
  return page.evaluate(
    async ({ client, givenOn, matching }) => {
      const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const post = async (path: string, body: unknown) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const created = (await post('/api/cases', {
        client: { ...client, counsellingConsent: { givenOn, form: 'paper' } },
      })) as { case: { clientId: string } };
      const id = created.case.clientId;
      if (matching)
        await post(`/api/clients/${id}/consents`, { purpose: 'matching', givenOn, form: 'paper' });
      return id;
    },
    { client, givenOn: day(-7), matching },
  );
}

describe('speed-dating planner: people and companies, rounds, a plan without double bookings', () => {
  const baseUrl = inject('baseUrl');
  const family = `Tesfaye-${Date.now().toString(36).slice(-4)}`;
  const people = [
    { givenNames: 'Hana', wishedOccupationIds: ['friseur', 'koch'], postcode: '40227' },
    { givenNames: 'Dawit', wishedOccupationIds: ['kraftfahrzeugmechatroniker', 'koch'], postcode: '40231' },
    { givenNames: 'Selam', wishedOccupationIds: ['koch', 'friseur'], postcode: '40210' },
  ];
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    const record = {
      familyName: family,
      dateOfBirth: '2005-05-05',
      germanLevel: 'B1',
      schoolQualification: 'esa',
      mobilityRadiusKm: 40,
    };
    for (const p of people) await intakeWithMatching(page, { ...p, ...record });
    // Wishes to cook like the others, but has not consented to matching.
    await intakeWithMatching(
      page,
      { givenNames: 'Meron', wishedOccupationIds: ['koch'], postcode: '40210', ...record },
      false,
    );
  });
  afterAll(() => browser.close());

  it('plans by keyboard and mouse, shows the grid without double bookings, per person, CSV; axe clean', async () => {
    await page.goto(`${baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Speed-Dating planen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Speed-Dating planen' }).waitFor();
    await expectAxeClean(page, 'speed-dating planner, empty');

    // Nothing chosen: the form says what is missing.
    const form = page.getByRole('form', { name: 'Speed-Dating planen' });
    await form.getByRole('button', { name: 'Plan erstellen' }).click();
    await form.getByText('Bitte mindestens eine Person auswählen.').waitFor();

    // People: search by the shared family name, add all three (the first by keyboard).
    const clients = page.getByTestId('pick-clients');
    await clients.getByLabel('Person suchen').fill(family);
    const first = clients.getByRole('button', { name: `Hinzufügen: Hana ${family}` });
    await first.focus();
    await page.keyboard.press('Enter');
    for (const p of people.slice(1)) {
      await clients.getByRole('button', { name: `Hinzufügen: ${p.givenNames} ${family}` }).click();
    }
    expect(await clients.getByTestId('pick-count').textContent()).toBe('3 ausgewählt');

    // Companies: search each, add it.
    const targets = page.getByTestId('pick-targets');
    for (const company of COMPANIES) {
      // The full name: the synthetic demo companies share family names such as Haddad.
      await targets.getByLabel('Betrieb suchen').fill(company);
      await targets.getByRole('button', { name: `Hinzufügen: ${company}`, exact: true }).click();
    }
    expect(await targets.getByTestId('pick-count').textContent()).toBe('3 ausgewählt');
    await expectAxeClean(page, 'planner with people and companies');

    // Rounds: a bad number is refused at the field, then 3 rounds of 20 minutes from 9:30, at most 2 each.
    const slotCount = form.getByLabel('Anzahl der Gesprächsrunden (1–48)');
    await slotCount.fill('0');
    await form.getByRole('button', { name: 'Plan erstellen' }).click();
    await form.getByText('Bitte eine ganze Zahl von 1 bis 48 eingeben.').waitFor();
    expect(await slotCount.getAttribute('aria-invalid')).toBe('true');
    await slotCount.fill('3');
    await form.getByLabel('Beginn der ersten Runde (optional)').fill('09:30');
    await form.getByLabel('Minuten je Runde').fill('20');
    await form.getByLabel('Höchstens Gespräche je Person (optional)').fill('2');
    await form.getByRole('button', { name: 'Plan erstellen' }).click();

    const schedule = page.getByTestId('schedule');
    await schedule.getByRole('heading', { level: 2, name: 'Gesprächsplan' }).waitFor();
    const table = schedule.getByTestId('schedule-table');
    expect(await table.getByTestId('schedule-company').allTextContents()).toEqual(COMPANIES);
    const rows = table.getByTestId('schedule-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.getByRole('rowheader').allTextContents()).toEqual(['09:30', '09:50', '10:10']);

    // No double booking: nobody twice in a round, each person–company pair at most once, ≤ 2 per person.
    const grid: Array<Array<string | null>> = [];
    for (let r = 0; r < 3; r++) {
      grid.push(
        await rows
          .nth(r)
          .getByTestId('schedule-cell')
          .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-client-id'))),
      );
    }
    const meetings = grid.flatMap((row, r) => row.flatMap((id, col) => (id ? [{ r, col, id }] : [])));
    expect(meetings.length).toBeGreaterThanOrEqual(3);
    for (const row of grid) {
      const ids = row.filter((id): id is string => id !== null);
      expect(new Set(ids).size, `round ${JSON.stringify(row)}`).toBe(ids.length);
    }
    const pairs = meetings.map((m) => `${m.id}/${m.col}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const perPerson = new Map<string, number>();
    for (const m of meetings) perPerson.set(m.id, (perPerson.get(m.id) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(2);
    expect(perPerson.size).toBe(3);
    // Each person meets the company of their first wish.
    const hana = await table
      .getByTestId('schedule-cell')
      .filter({ hasText: `Hana ${family}` })
      .count();
    expect(hana).toBeGreaterThanOrEqual(1);
    await table
      .getByText(/^Passung \d{1,3} %$/)
      .first()
      .waitFor();

    // Per person, in time order.
    const list = schedule.getByTestId('client-schedule');
    expect(await list.count()).toBe(3);
    expect(await list.filter({ hasText: `Dawit ${family}` }).textContent()).toContain(
      'Kfz-Werkstatt Haddad GmbH',
    );
    await expectAxeClean(page, 'planner with a plan');
    await page.screenshot({ path: join(SCREENSHOTS, 'speed-dating.png'), fullPage: true });

    // The scrolling table can be reached by keyboard.
    await schedule.getByRole('region', { name: 'Plan nach Runde und Betrieb' }).focus();

    // CSV: BOM, semicolons, one line per meeting.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      schedule.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^speed-dating-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFFRunde;Betrieb;Person;Passung (%)\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(meetings.length + 1);
    expect(csv).toContain(`09:30;`);

    // Print: only the plan is on paper.
    await page.emulateMedia({ media: 'print' });
    expect(await form.isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'speed-dating-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('a 404 from the server is shown at the chosen entry it names', async () => {
    await page.route('**/api/matching/assignment', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Nicht gefunden',
          status: 404,
          code: 'not_found',
          errors: [{ field: 'body.clientIds.1', code: 'not_found', message: 'Nicht gefunden.' }],
        }),
      }),
    );
    const form = page.getByRole('form', { name: 'Speed-Dating planen' });
    await form.getByRole('button', { name: 'Plan erstellen' }).click();
    const picked = page.getByTestId('pick-clients').getByTestId('picked');
    await picked
      .nth(1)
      .getByTestId('picked-error')
      .getByText('Nicht (mehr) in Ihrer Stelle gefunden')
      .waitFor();
    expect(await picked.nth(0).getByTestId('picked-error').count()).toBe(0);
    await form.getByTestId('form-error').getByText('Bitte prüfen Sie die markierten Angaben.').waitFor();
    expect(await axeViolations(page), 'planner with a 404 at an entry').toEqual([]);
    // Removing the entry removes its error.
    await picked
      .nth(1)
      .getByRole('button', { name: /^Entfernen: / })
      .click();
    expect(await page.getByTestId('pick-clients').getByTestId('picked-error').count()).toBe(0);
    await page.unroute('**/api/matching/assignment');
  });

  it('says why people have no meeting: every round taken, or no consent to matching', async () => {
    // Left from the tests before: Hana and Selam (both wish to cook), three companies, three rounds.
    const targets = page.getByTestId('pick-targets');
    for (const company of COMPANIES.slice(0, 2)) {
      await targets.getByRole('button', { name: `Entfernen: ${company}`, exact: true }).click();
    }
    const clients = page.getByTestId('pick-clients');
    await clients.getByLabel('Person suchen').fill(family);
    await clients.getByRole('button', { name: `Hinzufügen: Meron ${family}` }).click();
    expect(await clients.getByTestId('pick-count').textContent()).toBe('3 ausgewählt');
    // One round at the restaurant: room for one of the two cooks only.
    const form = page.getByRole('form', { name: 'Speed-Dating planen' });
    await form.getByLabel('Anzahl der Gesprächsrunden (1–48)').fill('1');
    await form.getByRole('button', { name: 'Plan erstellen' }).click();

    const schedule = page.getByTestId('schedule');
    await schedule
      .getByTestId('schedule-summary')
      .getByText(/^1 Gespräch in 1 Runde,/)
      .waitFor();
    const unmatched = schedule.getByTestId('schedule-unmatched');
    await unmatched.getByRole('heading', { level: 3, name: 'Ohne Gespräch' }).waitFor();
    const groups = unmatched.getByTestId('unmatched-group');
    expect(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-reason')))).toEqual([
      'no_slot',
      'no_fit',
    ]);
    const noSlot = groups.nth(0);
    expect(await noSlot.textContent()).toContain(
      '1 Person passt zu mindestens einem gewählten Betrieb, aber dort sind alle Runden mit Personen belegt, die sonst kein Gespräch hätten.',
    );
    expect(await noSlot.getByRole('listitem').textContent()).toMatch(new RegExp(`^(Hana|Selam) ${family}$`));
    const noFit = groups.nth(1);
    expect(await noFit.textContent()).toContain(
      '1 Person passt zu keinem gewählten Betrieb, oder die Einwilligung in das Matching fehlt:',
    );
    expect(await noFit.getByRole('listitem').allTextContents()).toEqual([`Meron ${family}`]);
    await expectAxeClean(page, 'planner with people without a meeting');
    await unmatched.screenshot({ path: join(SCREENSHOTS, 'speed-dating-unmatched.png') });
  });
});
