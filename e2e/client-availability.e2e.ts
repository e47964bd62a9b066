import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';

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

describe('client profile: availability window and wanted kinds of place (matching inputs)', () => {
  const baseUrl = inject('baseUrl');
  const suffix = Date.now().toString(36).slice(-4);
  const name = `Amina Bekele-${suffix}`;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let clientId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
    clientId = await page.evaluate(
      async ({ suffix, givenOn }) => {
        const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
        const response = await fetch('/api/cases', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({
            client: {
              givenNames: 'Amina',
              familyName: `Bekele-${suffix}`,
              dateOfBirth: '2006-03-12',
              postcode: '40210',
              counsellingConsent: { givenOn, form: 'paper' },
            },
          }),
        });
        if (!response.ok) throw new Error(`intake: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { case: { clientId: string } }).case.clientId;
      },
      { suffix, givenOn: day(-3) },
    );
  });
  afterAll(() => browser.close());

  it('a counsellor sets "Verfügbar ab / bis" and the wanted kinds; an end before the start is refused at the field', async () => {
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Profil bearbeiten' }).click();
    const edit = page.getByRole('form', { name: 'Profil bearbeiten' });
    const from = edit.getByLabel('Verfügbar ab (optional)');
    const until = edit.getByLabel('Verfügbar bis (optional)');
    const kinds = edit.getByRole('group', { name: 'Gewünschte Platzarten (optional)' });
    expect(await kinds.getByRole('checkbox').count()).toBe(4);
    await expectAxeClean(page, 'client edit form with the availability fields');

    // The end before the start: the form says so at "Verfügbar bis" and does not send.
    await from.fill('2027-08-01');
    await until.fill('2027-07-01');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.getByText('Das Ende des Zeitraums liegt vor seinem Beginn.').waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'edit form with the window error').toEqual([]);

    await from.fill('2027-07-01');
    await until.fill('2027-10-31');
    await kinds.getByLabel('Ausbildung', { exact: true }).check();
    await kinds.getByLabel('Einstiegsqualifizierung (EQ)').check();
    // Keyboard: Tab moves on to the next box, Space ticks it.
    await kinds.getByLabel('Praktikum').focus();
    await page.keyboard.press('Space');
    expect(await kinds.getByLabel('Praktikum').isChecked()).toBe(true);
    await page.keyboard.press('Space');
    expect(await kinds.getByLabel('Praktikum').isChecked()).toBe(false);
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'detached' });

    // The profile shows them, and the API stored them.
    const profile = page.getByTestId('client-profile');
    await profile.getByText('ab 01.07.2027 bis 31.10.2027').waitFor();
    await profile.getByText('Ausbildung, Einstiegsqualifizierung (EQ)').waitFor();
    const stored = await page.evaluate(async (id) => {
      const { client } = await (await fetch(`/api/clients/${id}`)).json();
      return [client.availableFrom, client.availableUntil, client.wantedPlaceKinds];
    }, clientId);
    expect(stored).toEqual(['2027-07-01', '2027-10-31', ['apprenticeship', 'entry_qualification']]);
    await expectAxeClean(page, 'client profile with the availability window');

    // Opening the form again shows the stored values; an open end is shown as "ab …".
    await page.getByRole('button', { name: 'Profil bearbeiten' }).click();
    const again = page.getByRole('form', { name: 'Profil bearbeiten' });
    expect(await again.getByLabel('Verfügbar ab (optional)').inputValue()).toBe('2027-07-01');
    expect(await again.getByLabel('Ausbildung', { exact: true }).isChecked()).toBe(true);
    await again.getByLabel('Verfügbar bis (optional)').fill('');
    await again.getByRole('button', { name: 'Speichern' }).click();
    await again.waitFor({ state: 'detached' });
    await profile.getByText('ab 01.07.2027', { exact: true }).waitFor();
  });
});
