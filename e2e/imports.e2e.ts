import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signIn } from './browser';

const PASSWORD = 'kausa-demo-2026';
const ROOT = join(import.meta.dirname, '..');
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const ROWS = 50_000;

/** Waits for the page's h1 and the network to settle, and expects no axe violations. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

/**
 * Recognised training occupations (not EQ fields) and town postcodes with their place, from the
 * reference files under data/ — the same files the server loads its reference data from.
 */
function referenceData(): { occupations: string[]; postcodes: Array<{ postcode: string; place: string }> } {
  const occupations = (
    JSON.parse(readFileSync(join(ROOT, 'data/occupations.json'), 'utf8')) as Array<{
      name: string;
      kind: string;
    }>
  )
    .filter((o) => o.kind !== 'eq')
    .map((o) => o.name);
  const rows = Papa.parse<{ zipcode: string; place: string; community_code: string; latitude: string }>(
    readFileSync(join(ROOT, 'data/postcodes-geonames/zipcodes.de.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const seen = new Set<string>();
  const postcodes: Array<{ postcode: string; place: string }> = [];
  for (const r of rows) {
    // Towns only (organisation postcodes carry names like "… GmbH" or acronyms).
    if (!/^\d{5}$/.test(r.zipcode) || !/^\d{5}$/.test(r.community_code) || !r.latitude) continue;
    if (/GmbH|AG\b|[A-ZÄÖÜ]{2,}|\d/.test(r.place) || seen.has(r.zipcode)) continue;
    seen.add(r.zipcode);
    postcodes.push({ postcode: r.zipcode, place: r.place });
  }
  return { occupations, postcodes };
}

/**
 * A place CSV of `rows` rows as a German Excel saves it (UTF-8 with BOM, `;`, CRLF): 2,000 companies
 * (each with its own postcode), occupations and postcodes drawn in turn from the reference data,
 * start 1 August next year, 1–3 seats, unique reference numbers.
 */
function placeCsv(rows: number): string {
  const { occupations, postcodes } = referenceData();
  const year = new Date().getFullYear() + 1;
  const trades = [
    'Bäckerei',
    'Autohaus',
    'Malerbetrieb',
    'Elektro',
    'Praxis',
    'Hotel',
    'Logistik',
    'Tischlerei',
  ];
  const names = [
    'Yılmaz',
    'Nowak',
    'Haddad',
    'Müller',
    'Kowalski',
    'Rahimi',
    'Schmidt',
    'Petrenko',
    'Öztürk',
  ];
  const lines = ['Betrieb;PLZ;Ort;Art;Beruf;Plätze;Beginn;Referenznummer'];
  for (let i = 0; i < rows; i++) {
    const c = i % 2000;
    const where = postcodes[(c * 7) % postcodes.length] as { postcode: string; place: string };
    const company = `${trades[c % trades.length]} ${names[c % names.length]} ${c + 1} GmbH`;
    const occupation = occupations[(i * 13) % occupations.length] as string;
    lines.push(
      [
        company,
        where.postcode,
        where.place,
        'Ausbildung',
        occupation,
        1 + (i % 3),
        `01.08.${year}`,
        `E2E-${i + 1}`,
      ]
        .map((v) => (/[;"]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v)))
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts recording every `aria-valuenow` the progress bars show, with ms since the start (into `window`). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __progressSeen: Array<[number, number]>;
      __progressObserver?: MutationObserver;
    };
    const start = performance.now();
    w.__progressSeen = [];
    w.__progressObserver?.disconnect();
    const record = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const v = Number(bar.getAttribute('aria-valuenow'));
        if (w.__progressSeen.at(-1)?.[0] !== v)
          w.__progressSeen.push([v, Math.round(performance.now() - start)]);
      }
    };
    w.__progressObserver = new MutationObserver(record);
    w.__progressObserver.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
}

/** The `aria-valuenow` values seen since {@link recordProgress}, each with the ms it appeared at. */
async function progressSeen(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(
    () => (window as unknown as { __progressSeen: Array<[number, number]> }).__progressSeen,
  );
}

/** Total of the office's place list (`GET /api/places`). */
async function placeTotal(page: Page): Promise<number> {
  return page.evaluate(async () => (await (await fetch('/api/places?limit=1')).json()).total as number);
}

/** Waits for `testId` to appear, or fails with the error the wizard shows instead. */
async function waitForResult(page: Page, testId: string, timeout = 30_000): Promise<void> {
  const error = page.getByTestId('form-error');
  await page.getByTestId(testId).or(error).first().waitFor({ timeout });
  if (await error.isVisible()) throw new Error(`the wizard shows an error: ${await error.textContent()}`);
}

/** Uploads `path` as a training-place file from the upload step and waits for the mapping table. */
async function uploadPlaces(page: Page, path: string): Promise<void> {
  const step = page.getByTestId('upload-step');
  await step.getByLabel('Ausbildungsplätze').check();
  await step.locator('input[type="file"]').setInputFiles(path);
  await step.getByRole('button', { name: 'Hochladen und Spalten erkennen' }).click();
  await waitForResult(page, 'mapping-table', 60_000);
}

describe('imports: a counsellor imports training places from a file', () => {
  const baseUrl = inject('baseUrl');
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kausa-import-e2e-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, baseUrl, 'counsellor@kausa.example', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a malformed file (Windows-1252, semicolons) lists every bad row with the reason and cannot be imported', async () => {
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Daten importieren' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Daten importieren' }).waitFor();
    await expectAxeClean(page, '/imports upload step');

    const year = new Date().getFullYear() + 1;
    const text = [
      'Betrieb;PLZ;Ort;Beruf;Plätze;Beginn',
      `Bäckerei Müller;40210;Düsseldorf;Bäcker/-in;2;01.08.${year}`,
      `Schreinerei Weiß;40211;Düsseldorf;Tischler/-in;0;01.08.${year}`,
      `Café Öztürk;40212;Düsseldorf;Kaufmann für Büromanagment;1;01.08.${year}`,
    ].join('\r\n');
    const path = join(dir, 'plaetze-alt.csv');
    writeFileSync(path, Buffer.from(`${text}\r\n`, 'latin1'));
    await uploadPlaces(page, path);

    expect(await page.getByTestId('fact-encoding').textContent()).toContain('Windows-1252');
    expect(await page.getByTestId('fact-delimiter').textContent()).toContain('Semikolon');
    expect(await page.getByTestId('fact-rows').textContent()).toContain('3');
    // Umlauts decoded, and the suggestion preselected from the headers ("Plätze" → seats).
    expect(await page.getByLabel('Plätze', { exact: true }).inputValue()).toBe('Plätze');
    expect(await page.getByLabel('Betrieb', { exact: true }).inputValue()).toBe('Betrieb');
    expect(await page.getByTestId('mapping-table').textContent()).toContain('Bäckerei Müller');
    await expectAxeClean(page, '/imports mapping step');

    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await waitForResult(page, 'report-invalid');
    const seats = page.locator('[data-testid="error-row"][data-row="3"]');
    expect(await seats.getAttribute('data-code')).toBe('seats_not_positive');
    const occupation = page.locator('[data-testid="error-row"][data-row="4"]');
    expect(await occupation.getAttribute('data-code')).toBe('unknown_occupation');
    expect(await occupation.textContent()).toContain('Kaufmann für Büromanagment');
    expect(await occupation.getByTestId('suggestion').textContent()).toContain('Büromanagement');
    expect(await page.getByTestId('error-row').count()).toBe(2);
    expect(await page.getByTestId('count-invalid').textContent()).toContain('2');
    // Nothing can be imported while rows are invalid.
    expect(await page.getByRole('button', { name: 'Importieren', exact: true }).isDisabled()).toBe(true);
    await expectAxeClean(page, '/imports dry run with errors');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-errors.png'), fullPage: true });
  });

  it('a saved BA job-search response (JSON) becomes a place import with its fixed mapping', async () => {
    await page.getByRole('button', { name: 'Andere Datei wählen' }).click();
    await uploadPlaces(
      page,
      join(ROOT, 'src/server/modules/imports/ba/samples/ausbildung-duesseldorf-seite-1.json'),
    );
    expect(await page.getByTestId('fact-format').textContent()).toContain('BA-Jobsuche (JSON)');
    expect(await page.getByTestId('fact-rows').textContent()).toContain('4');
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await waitForResult(page, 'dry-run-report');
    expect(await page.getByTestId('count-rows').textContent()).toContain('4');
    await expectAxeClean(page, '/imports BA dry run');
  });

  it(`a ${ROWS.toLocaleString('de-DE')}-row place file runs with a visible progress bar and imports every place`, async () => {
    const t0 = Date.now();
    const path = join(dir, 'ausbildungsplaetze.csv');
    writeFileSync(path, placeCsv(ROWS), 'utf8');
    const before = await placeTotal(page);
    const tGenerated = Date.now();

    await page.getByRole('button', { name: 'Andere Datei wählen' }).click();
    await uploadPlaces(page, path);
    const tUploaded = Date.now();
    expect(await page.getByTestId('fact-rows').textContent()).toContain('50.000');
    expect(await page.getByTestId('fact-encoding').textContent()).toContain('UTF-8');
    await expectAxeClean(page, '/imports mapping of the large file');

    await recordProgress(page);
    const tDryRun = Date.now();
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await page.getByRole('progressbar', { name: 'Fortschritt des Prüflaufs' }).waitFor({ state: 'attached' });
    await waitForResult(page, 'report-valid', 60_000);
    const tChecked = Date.now();
    const dryRunSeen = await progressSeen(page);
    expect(await page.getByTestId('count-valid').textContent()).toContain('50.000');
    expect(await page.getByTestId('warning-table').isVisible()).toBe(true);
    expect(await page.getByTestId('warning-table').textContent()).toContain('wird neu angelegt');
    await expectAxeClean(page, '/imports valid dry run');

    await recordProgress(page);
    const tCommit = Date.now();
    await page.getByRole('button', { name: 'Importieren', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Fortschritt des Imports' }).waitFor({ state: 'attached' });
    await waitForResult(page, 'import-done', 90_000);
    const tCommitted = Date.now();
    const commitSeen = await progressSeen(page);
    expect(await page.getByTestId('done-imported').textContent()).toBe('50.000 Ausbildungsplätze importiert');
    expect(await page.getByTestId('done-companies').textContent()).toContain('2.000 Betriebe');
    await expectAxeClean(page, '/imports done');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-done.png'), fullPage: true });

    // The bar showed intermediate values (server-sent events) before it reached 100 %.
    for (const [what, seen] of [
      ['dry run', dryRunSeen],
      ['commit', commitSeen],
    ] as const) {
      const values = seen.map(([v]) => v);
      expect(
        values.some((v) => v > 0 && v < 100),
        `${what} progress ${values.join(',')}`,
      ).toBe(true);
      expect(values.at(-1), `${what} ends full`).toBe(100);
    }
    expect(await placeTotal(page)).toBe(before + ROWS);
    await page.locator('[data-testid="recent-import"][data-status="committed"]').first().waitFor();

    await page.getByRole('link', { name: 'Zur Liste der Ausbildungsplätze' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausbildungsplätze' }).waitFor();
    // The list offers the export of what it shows (its filters, every page).
    await page.getByRole('button', { name: 'Plätze exportieren' }).click();
    const xlsx = page.getByRole('menuitem', { name: 'als Excel-Datei (.xlsx)' });
    expect(await xlsx.getAttribute('href')).toMatch(/^\/api\/exports\/places\?(.+&)?format=xlsx$/);
    await page.keyboard.press('Escape');

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Betriebsliste' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Betriebe' }).waitFor();
    await page.getByRole('button', { name: 'Betriebe exportieren' }).click();
    const csvHref = await page
      .getByRole('menuitem', { name: 'als CSV (Excel, Semikolon)' })
      .getAttribute('href');
    expect(csvHref).toMatch(/^\/api\/exports\/companies\?(.+&)?format=csv$/);
    const exported = await page.evaluate(async (href) => {
      const response = await fetch(href as string);
      const text = await response.text();
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        lines: text.split('\n').length,
      };
    }, csvHref);
    expect(exported.status).toBe(200);
    expect(exported.type).toContain('text/csv');
    expect(exported.lines).toBeGreaterThan(2000);
    await page.keyboard.press('Escape');
    console.log(
      `imports e2e (${ROWS} rows): generate ${tGenerated - t0} ms, upload+read ${tUploaded - tGenerated} ms, ` +
        `dry run ${tChecked - tDryRun} ms (percent@ms ${dryRunSeen.map(([v, ms]) => `${v}@${ms}`).join(' ')}), ` +
        `commit ${tCommitted - tCommit} ms (percent@ms ${commitSeen.map(([v, ms]) => `${v}@${ms}`).join(' ')})`,
    );
  });
});
