import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../engine';
import { generateDataset, regionFilter } from './generator';
import { ORIGINS } from './generator.names';
import { isoDay } from './generator.parts';
import { generateRecords } from './generator.records';
import {
  DATA_ROOT,
  isOrganisationRow,
  loadGeneratorReference,
  organisationPostcodes,
} from './reference.files';

const ref = loadGeneratorReference();
const centre = ref.postcodes.find((p) => p.postcode === '40235');
const today = '2026-11-30';
const opts = {
  seed: 7,
  clients: 400,
  places: 300,
  region: { around: [{ postcode: '40235', radiusKm: 15 }] },
  today,
};
const r = generateRecords(ref, opts);

describe('generator regions', () => {
  it('keeps postcodes within the radius of a centre postcode', () => {
    const inside = ref.postcodes.filter(regionFilter(ref, opts.region));
    expect(inside.length).toBeGreaterThan(50);
    expect(inside.map((p) => p.postcode)).toContain('40213');
    expect(inside.map((p) => p.postcode)).not.toContain('58095');
    for (const p of inside) {
      expect(greatCircleKm(centre?.lat ?? 0, centre?.lon ?? 0, p.lat, p.lon)).toBeLessThanOrEqual(15);
    }
    for (const x of [...r.clients, ...r.places, ...r.companies]) {
      if (x.lat !== null && x.lon !== null) {
        expect(greatCircleKm(centre?.lat ?? 0, centre?.lon ?? 0, x.lat, x.lon)).toBeLessThanOrEqual(15);
      }
    }
  });

  it('takes Kreis AGS prefixes and an allow-list on top', () => {
    const nrw = ref.postcodes.filter(regionFilter(ref, { kreise: ['05'] }));
    expect(nrw.every((p) => p.kreisAgs.startsWith('05'))).toBe(true);
    expect(nrw.length).toBeGreaterThan(800);
    const only = regionFilter(ref, { kreise: ['05111'], only: ['40213', '58095'] });
    expect(ref.postcodes.filter(only).map((p) => p.postcode)).toEqual(['40213']);
    expect(() => regionFilter(ref, { around: [{ postcode: '00000', radiusKm: 5 }] })).toThrow(
      'unknown centre',
    );
    expect(() => regionFilter(ref, { around: [{ postcode: '40213', radiusKm: 0 }] })).toThrow('positive');
  });
});

describe('organisation postcodes (Großkunden-PLZ)', () => {
  const organisations = organisationPostcodes(
    readFileSync(resolve(DATA_ROOT, 'postcodes-geonames/zipcodes.de.csv'), 'utf8'),
  );

  it('are recognised by the numeric Land key of their GeoNames rows, towns are not', () => {
    expect(isOrganisationRow({ state_code: '07' })).toBe(true);
    expect(isOrganisationRow({ state_code: 'NW' })).toBe(false);
    expect(isOrganisationRow({ state_code: '' })).toBe(false);
    // 40196 "Rheinische Post", 40816 "Agentur für Arbeit Mettmann".
    expect(organisations.has('40196')).toBe(true);
    expect(organisations.has('40816')).toBe(true);
    expect(organisations.has('40213')).toBe(false);
    expect(organisations.has('40822')).toBe(false);
    expect(organisations.size).toBeGreaterThan(2000);
  });

  it('are never the postcode of a generated person, company or place, and not in the reference', () => {
    expect(ref.postcodes.some((p) => organisations.has(p.postcode))).toBe(false);
    expect(() => regionFilter(ref, { around: [{ postcode: '40196', radiusKm: 5 }] })).toThrow(
      'unknown centre',
    );
    const wide = generateRecords(ref, { ...opts, clients: 2000, places: 1500, region: { kreise: ['05'] } });
    const used = [
      ...wide.clients,
      ...wide.places,
      ...wide.companies,
      ...r.clients,
      ...r.places,
      ...r.companies,
    ]
      .map((x) => x.postcode)
      .filter((pc): pc is string => pc !== null);
    expect(used.length).toBeGreaterThan(3000);
    expect(used.filter((pc) => organisations.has(pc))).toEqual([]);
  });
});

describe('generated records', () => {
  it('are reproducible and keep the engine fields of generateDataset', () => {
    expect(JSON.stringify(generateRecords(ref, opts))).toBe(JSON.stringify(r));
    const d = generateDataset(ref, opts);
    // Every field of generateDataset's clients but the names (made unique in the records) is kept.
    const keys = Object.keys(d.clients[0] ?? {}).filter((k) => k !== 'givenNames' && k !== 'familyName');
    const engine = (c: object) => keys.map((k) => (c as Record<string, unknown>)[k]);
    expect(r.clients.map(engine)).toEqual(d.clients.map(engine));
    expect(r.places.map(({ published: _, ...p }) => p)).toEqual(d.places);
    expect(JSON.stringify(generateRecords(ref, { ...opts, seed: 8 }).clients)).not.toBe(
      JSON.stringify(r.clients),
    );
  });

  it('makes clients of 16 to 27 with names of their origin, unique in the data set', () => {
    const day = isoDay(today);
    const names = new Set(r.clients.map((c) => `${c.givenNames}|${c.familyName}`));
    expect(names.size).toBe(r.clients.length);
    for (const c of r.clients) {
      const age = (day - isoDay(c.dateOfBirth)) / 365.25;
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThan(28);
      const origin = ORIGINS.find((o) => o.country === c.countryOfOrigin);
      expect(origin?.[c.gender === 'male' ? 'male' : 'female']).toContain(c.givenNames);
      expect(c.residenceStatus === 'eu_citizen').toBe(origin?.eu === true);
      if (c.residenceStatus === 'german_citizen') expect(c.citizenship).toBe('DE');
      expect(c.languages[0]?.code).toBe(origin?.languages[0]);
      expect(c.germanLevelSource === null).toBe(c.germanLevel === null);
    }
  });

  it('gives every client an open case with an ordered history and consents from the day it opened', () => {
    for (const c of r.clients) {
      const h = c.case.history;
      expect(h[0]).toEqual({ stage: 'first_contact', on: c.case.openedOn, note: null });
      for (let i = 1; i < h.length; i++) expect((h[i]?.on ?? '') >= (h[i - 1]?.on ?? '')).toBe(true);
      expect(h.every((x) => x.on <= today)).toBe(true);
      expect(h.at(-1)?.stage === 'placed').toBe(h.at(-1)?.note !== null);
      expect(c.case.lastContactOn >= (h.at(-1)?.on ?? '')).toBe(true);
      expect(c.case.lastContactOn <= today).toBe(true);
      // Old enough to consent alone on the day the case opened.
      const sixteen = `${Number(c.dateOfBirth.slice(0, 4)) + 16}${c.dateOfBirth.slice(4)}`;
      expect(c.consents.counsellingOn >= sixteen).toBe(true);
      expect(c.consents.counsellingOn).toBe(c.case.openedOn);
      expect(c.consents.matchingOn === null).toBe(!c.matchingConsent);
      if (c.consents.matchingOn) expect(c.consents.matchingOn >= c.case.openedOn).toBe(true);
    }
    const consenting = r.clients.filter((c) => c.matchingConsent).length / r.clients.length;
    expect(consenting).toBeGreaterThan(0.8);
    expect(consenting).toBeLessThan(1);
    const stages = new Set(r.clients.map((c) => c.case.history.at(-1)?.stage));
    expect(stages).toEqual(new Set(['first_contact', 'orientation', 'preparation', 'applying', 'placed']));
  });

  it('puts companies with an open place into offering or training, with a dated pipeline and an owner', () => {
    const open = new Set(r.places.filter((p) => p.status === 'open').map((p) => p.companyId));
    const withPlaces = new Set(r.places.map((p) => p.companyId));
    for (const c of r.companies) {
      if (open.has(c.id)) expect(['offering', 'training']).toContain(c.stage);
      if (!withPlaces.has(c.id)) expect(['offering', 'training']).not.toContain(c.stage);
      expect(c.history[0]?.stage).toBe('identified');
      expect(c.history.at(-1)?.stage).toBe(c.stage);
      for (let i = 1; i < c.history.length; i++) {
        expect((c.history[i]?.on ?? '') >= (c.history[i - 1]?.on ?? '')).toBe(true);
      }
      // The owner bears the family name in the company's name ("Bäckerei Schmidt GmbH" → "… Schmidt").
      expect(c.name).toContain(c.ownerName.split(' ').at(-1));
    }
  });

  it('starts places within a year, publishes only open ones', () => {
    const day = isoDay(today);
    for (const p of r.places) {
      const d = isoDay(p.startsOn ?? today) - day;
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual(366);
      if (p.published) expect(p.status).toBe('open');
    }
    expect(r.places.filter((p) => p.published).length).toBeGreaterThan(r.places.length / 2);
  });
});
