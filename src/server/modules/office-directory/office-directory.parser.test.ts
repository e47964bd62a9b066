import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOfficePage } from './office-directory.parser';
import { germanDateToIso } from './office-directory.text';

const PAGES = resolve(import.meta.dirname, '../../../../data/kausa-offices');
const page = (file: string) => parseOfficePage(readFileSync(resolve(PAGES, file), 'utf8'), file);

describe('parseOfficePage: jobstarter.de project pages', () => {
  it('reads the Sachsen-Anhalt Nord page field by field', () => {
    const r = page('002_34933ce588e444a9.txt');
    expect(r.layout).toBe('jobstarter');
    expect(r.entry).toMatchObject({
      name: 'KAUSA Servicestelle Sachsen-Anhalt Nord – Standort Magdeburg Lemsdorf',
      kind: 'service_centre',
      location: 'Magdeburg',
      postcode: '39118',
      grantNumber: '21-JP-02-103-A+B',
      fundingPeriod: null,
      landCodes: ['15'],
      operator: {
        name: 'Internationaler Bund Mitte gGmbH für Bildung und soziale Dienste Sachsen-Anhalt Nord',
        address: 'Brenneckestraße 95, 39118 Magdeburg, Sachsen-Anhalt',
        phone: '0391 / 60 77 25 12',
        fax: '0391 / 60 77 25 29',
        email: 'gerald.bache@internationaler-bund.de',
        website: null,
      },
      contactPerson: 'Gerald Bache',
      focusTopics: [],
      funders: ['BMBF', 'ESF'],
      stories: [],
      sourceFile: '002_34933ce588e444a9.txt',
    });
    expect(r.entry.description).toMatch(/^Die KAUSA Servicestelle Sachsen-Anhalt Nord hat relevante Akteure/);
    expect(r.missingFields).toEqual(['fundingPeriod', 'operator.website', 'focusTopics', 'stories']);
    expect(r.warnings).toEqual([]);
  });

  it('reads the Düsseldorf page, its focus sentence included', () => {
    const r = page('003_866ffa145791db48.txt');
    expect(r.layout).toBe('jobstarter');
    expect(r.entry).toMatchObject({
      name: 'KAUSA Servicestelle Düsseldorf',
      kind: 'service_centre',
      location: 'Düsseldorf',
      postcode: '40235',
      grantNumber: '21-JP-02-028',
      fundingPeriod: null,
      landCodes: ['05'],
      operator: {
        name: 'AWO Berufsbildungszentrum gGmbH',
        address: 'Flinger Broich 12, 40235 Düsseldorf, Nordrhein-Westfalen',
        phone: '0211 / 60 02 59 05',
        fax: '0211 / 60 02 59 96',
        email: 'christian.klevinghaus@awo-duesseldorf.de',
        website: null,
      },
      contactPerson: 'Christian Klevinghaus',
      focusTopics: ['Asylbewerber/-innen und jungen Geflüchteten'],
      funders: ['BMBF', 'ESF'],
      stories: [],
    });
    expect(r.entry.description).toMatch(/^In Düsseldorf unterstützte die KAUSA Servicestelle/);
    expect(r.missingFields).toEqual(['fundingPeriod', 'operator.website', 'stories']);
  });

  it('reads the Hagen page with its linked stories and practice examples, and no fax', () => {
    const r = page('004_725786401fbbe218.txt');
    expect(r.layout).toBe('jobstarter');
    expect(r.entry).toMatchObject({
      name: 'KAUSA Servicestelle Hagen',
      kind: 'service_centre',
      location: 'Hagen',
      postcode: '58135',
      grantNumber: '21-JP-02-029',
      fundingPeriod: null,
      landCodes: ['05'],
      operator: {
        name: 'Agentur Mark GmbH',
        address: 'Handwerkerstr. 11, 58135 Hagen, Nordrhein-Westfalen',
        phone: '02331 / 48 87 80',
        fax: null,
        email: 'laqua@agenturmark.de',
        website: null,
      },
      contactPerson: 'Simone Laqua',
      funders: ['BMBF', 'ESF'],
      stories: [
        { title: 'KAUSA-Geschichten: Mit der Ausbildung festen Boden unter den Füßen', url: null },
        { title: 'Praxisbeispiel: Ansprache junger Geflüchteter', url: null },
        { title: 'Praxisbeispiel: Bewerbungsprofil in Leichter Sprache', url: null },
        { title: 'Praxisbeispiel: Workshop-Knigge für junge Geflüchtete', url: null },
      ],
    });
    expect(r.entry.focusTopics).toHaveLength(1);
    expect(r.entry.focusTopics[0]).toMatch(/^Unterstützung der Schulen bei der Entwicklung/);
    // The page's own typo stays: the description is quoted, not corrected.
    expect(r.entry.description).toMatch(
      /^Die KAUSA Servicestellte in Hagen bildete ehrenamtliche Elternlotsen/,
    );
    expect(r.missingFields).toEqual(['fundingPeriod', 'operator.fax', 'operator.website']);
  });
});

describe('parseOfficePage: bildungsketten.de project page', () => {
  it('reads the Landesstelle Thüringen: period, Land, grant number from the header line', () => {
    const r = page('001_c2acb635a92f3d5b.txt');
    expect(r.layout).toBe('bildungsketten');
    expect(r.entry).toMatchObject({
      name: 'KAUSA-Landesstelle Thüringen (2. Förderung)',
      kind: 'state_office',
      location: 'Erfurt',
      postcode: '99094',
      grantNumber: '21BLVKTH',
      fundingPeriod: { from: '2024-07-01', to: '2026-12-31' },
      landCodes: ['16'],
      operator: {
        name: 'Bildungswerk der Thüringer Wirtschaft e.V.',
        address: 'Hochheimer Straße 47, 99094 Erfurt',
        phone: '0361 / 60155 334',
        fax: null,
        email: 'kausa@bwtw.de',
        website: 'www.kausa-thueringen.de',
      },
      contactPerson: 'Anja Liebscher',
      // Section headings of the project description, then the stated focus ("Fokus auf dem ländlichen Raum").
      focusTopics: ['Strukturarbeit', 'Schulungen', 'Einzelberatung nach Bedarf', 'ländlichen Raum'],
      // Funders from the funding paragraph; the BMAS logo in the site navigation does not count.
      funders: ['BMBF', 'Thüringer Ministerium für Migration, Justiz und Verbraucherschutz'],
      stories: [],
    });
    expect(r.entry.description).toMatch(/^Das Ziel der KAUSA-Landesstellen ist/);
    expect(r.missingFields).toEqual(['operator.fax', 'stories']);
    // The page names no place of the office itself: it is taken from the operator's address, and said so.
    expect(r.warnings).toEqual(["location taken from the operator's address"]);
  });
});

describe('parseOfficePage: glossary entry', () => {
  it('reads the national coordination and reports everything the entry does not state', () => {
    const r = page('000_dab44f6458477a42.txt');
    expect(r.layout).toBe('glossary');
    expect(r.entry).toMatchObject({
      name: 'Koordinierungsstelle Ausbildung und Migration (KAUSA)',
      kind: 'coordination',
      location: null,
      postcode: null,
      grantNumber: null,
      // "Erstellt …/Zuletzt geändert …" and "in den Jahren 2016-2019" are no funding period.
      fundingPeriod: null,
      landCodes: [],
      operator: { name: null, address: null, phone: null, fax: null, email: null, website: null },
      contactPerson: null,
      focusTopics: [],
      funders: ['BMBF', 'ESF'],
      stories: [],
    });
    expect(r.entry.description).toMatch(/^Sie sollen 1\. junge Migrant\*innen/);
    expect(r.missingFields).toEqual([
      'location',
      'postcode',
      'grantNumber',
      'fundingPeriod',
      'landCodes',
      'operator.name',
      'operator.address',
      'operator.phone',
      'operator.fax',
      'operator.email',
      'operator.website',
      'contactPerson',
      'focusTopics',
      'stories',
    ]);
  });
});

describe('parseOfficePage: unknown layouts', () => {
  it('imports nothing from a random text and reports every field missing', () => {
    const r = parseOfficePage(
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nSed do eiusmod.',
      'x.txt',
    );
    expect(r.layout).toBe('unknown');
    expect(r.warnings).toContain('layout not recognised: read with generic rules only');
    expect(r.entry.name).toBeNull();
    expect(r.entry.kind).toBeNull();
    expect(r.missingFields).toEqual(
      expect.arrayContaining(['name', 'kind', 'grantNumber', 'operator.phone']),
    );
    expect(r.entry.landCodes).toEqual([]);
    expect(r.entry.funders).toEqual([]);
  });

  it('takes what an unknown page states: name, kind, labelled contacts, grant number, period, Länder', () => {
    const text = [
      'Willkommen bei der KAUSA Servicestelle Bonn/Rhein-Sieg',
      '',
      'Wir beraten junge Menschen mit Migrationsgeschichte und ihre Eltern in Bonn und im Rhein-Sieg-Kreis.',
      'Förderkennzeichen: 21-JP-02-999 · Laufzeit: 01.01.2019 – 31.12.2021',
      'Bundesländer: Nordrhein-Westfalen und Rheinland-Pfalz',
      'Telefon: 0228 / 123 45',
      'Fax: 0228 / 123 46',
      'Schreiben Sie an bonn@example.org.',
    ].join('\r\n');
    const r = parseOfficePage(text, 'bonn.txt');
    expect(r.layout).toBe('unknown');
    expect(r.entry).toMatchObject({
      name: 'Willkommen bei der KAUSA Servicestelle Bonn/Rhein-Sieg',
      kind: 'service_centre',
      grantNumber: '21-JP-02-999',
      fundingPeriod: { from: '2019-01-01', to: '2021-12-31' },
      landCodes: ['05', '07'],
      operator: { name: null, phone: '0228 / 123 45', fax: '0228 / 123 46', email: 'bonn@example.org' },
    });
    expect(r.missingFields).toEqual(
      expect.arrayContaining(['location', 'operator.name', 'operator.address', 'contactPerson', 'stories']),
    );
    expect(r.missingFields).not.toContain('grantNumber');
  });

  it('reports an unknown Land name instead of guessing, and a half-stated period by its missing end', () => {
    const text = [
      'KAUSA Landesstelle Atlantis',
      '',
      '01.02.2025 - | Atlantis | 21BLVKXX',
      '',
      'Ein Text über die Landesstelle, der lang genug ist, um als Beschreibung zu gelten.',
    ].join('\n');
    const r = parseOfficePage(text, 'a.txt');
    expect(r.layout).toBe('bildungsketten');
    expect(r.entry.fundingPeriod).toEqual({ from: '2025-02-01', to: null });
    expect(r.entry.landCodes).toEqual([]);
    expect(r.missingFields).toEqual(expect.arrayContaining(['fundingPeriod.to', 'landCodes']));
    expect(r.missingFields).not.toContain('fundingPeriod');
    expect(r.warnings).toContain('unknown Land name "Atlantis" ignored');
  });
});

describe('germanDateToIso', () => {
  it('converts dd.mm.yyyy and refuses impossible dates', () => {
    expect(germanDateToIso('01.07.2024')).toBe('2024-07-01');
    expect(germanDateToIso('1.7.2024')).toBe('2024-07-01');
    expect(germanDateToIso('31.02.2024')).toBeNull();
  });
});
