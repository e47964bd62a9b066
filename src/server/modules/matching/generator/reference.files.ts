import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { GeneratorOccupation, GeneratorPostcode, GeneratorReference } from './generator.types';

/**
 * Reads the generator's reference data from the files under `data/` (the only I/O of the generator).
 * The reference module parses the same files into the database but exports no parser, so this reads them
 * directly, simplified: a postcode's centroid is the mean of its GeoNames rows within the Kreis holding
 * most of them. Postcodes of large organisations (Großkunden-PLZ such as 40196 "Rheinische Post") are left
 * out: nobody lives there, so no synthetic person, company or place gets one (see `isOrganisationRow`).
 * Population: Destatis 2018 via the `landkreise-deutschland` package.
 */

/** The project's `data/` folder. */
export const DATA_ROOT = resolve(import.meta.dirname, '../../../../../data');

interface GeoNamesRow {
  zipcode: string;
  state_code: string;
  community_code: string;
  latitude: string;
  longitude: string;
}

/**
 * True when a GeoNames row is a large-organisation entry rather than a town. In the German file the town
 * rows carry the Land as a letter code (`NW`, `BY`, …; one row has none), while the Großkunden-PLZ rows
 * ("Rheinische Post", "Agentur für Arbeit Mettmann", "Deutsche Telekom AG", …) come from a second
 * source with the numeric Land key (`05`, `07`, …) and the organisation's name as place name. The flag is
 * exact where name heuristics (legal forms, institution words) miss names like "Rheinische Post".
 */
export function isOrganisationRow(row: { state_code: string }): boolean {
  return /^\d+$/.test(row.state_code.trim());
}

/**
 * Postcodes of data/postcodes-geonames/zipcodes.de.csv with at least one organisation row
 * (`isOrganisationRow`): large-customer postcodes without residents. The three postcodes that list a town
 * beside organisations (67653 Kaiserslautern, 14461 Potsdam, 13047 Berlin) are such postcodes too.
 */
export function organisationPostcodes(csv: string): Set<string> {
  const out = new Set<string>();
  for (const r of parseRows(csv)) if (isOrganisationRow(r)) out.add(r.zipcode);
  return out;
}

function parseRows(csv: string): GeoNamesRow[] {
  return Papa.parse<GeoNamesRow>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/**
 * Parses data/postcodes-geonames/zipcodes.de.csv into one centroid per residential postcode (organisation
 * postcodes, see `organisationPostcodes`, left out), sorted by postcode.
 */
export function parsePostcodeCentroids(csv: string): GeneratorPostcode[] {
  const rows = parseRows(csv);
  const organisations = new Set<string>();
  for (const r of rows) if (isOrganisationRow(r)) organisations.add(r.zipcode);
  const groups = new Map<string, Map<string, Array<[number, number]>>>();
  for (const r of rows) {
    if (organisations.has(r.zipcode)) continue;
    if (!/^\d{5}$/.test(r.zipcode) || !/^\d{5}$/.test(r.community_code)) continue;
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !r.latitude || !r.longitude) continue;
    const byKreis = groups.get(r.zipcode) ?? new Map<string, Array<[number, number]>>();
    groups.set(r.zipcode, byKreis);
    const list = byKreis.get(r.community_code) ?? [];
    byKreis.set(r.community_code, list);
    list.push([lat, lon]);
  }
  const out: GeneratorPostcode[] = [];
  for (const [postcode, byKreis] of groups) {
    const [kreisAgs, pts] = [...byKreis.entries()].sort(
      (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    )[0] as [string, Array<[number, number]>];
    const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
    out.push({
      postcode,
      kreisAgs,
      lat: round6(pts.reduce((s, p) => s + p[0], 0) / pts.length),
      lon: round6(pts.reduce((s, p) => s + p[1], 0) / pts.length),
    });
  }
  return out.sort((a, b) => (a.postcode < b.postcode ? -1 : 1));
}

/** Population by 5-digit AGS (Destatis 2018, `landkreise-deutschland` 3.0.0, CC BY 4.0). */
export function kreisPopulation(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const rows = require('landkreise-deutschland/data/districts.json') as Array<{
    AGS: string | number;
    population: number;
  }>;
  return new Map(rows.map((r) => [String(r.AGS).padStart(5, '0'), r.population]));
}

/** Parses data/occupations.json (the fields the generator needs). */
export function parseOccupationList(json: string): GeneratorOccupation[] {
  const raw = JSON.parse(json) as Array<Record<string, unknown>>;
  return raw.map((o) => ({
    id: String(o.id),
    name: String(o.name),
    kldb: String(o.kldb),
    kind: String(o.kind),
    field: typeof o.field === 'string' ? o.field : null,
    aliases: Array.isArray(o.aliases) ? o.aliases.map(String) : [],
    chamber: Array.isArray(o.chamber) ? o.chamber.map(String) : [],
    durationMonths: Number(o.durationMonths) || 36,
  }));
}

/** Reads postcodes, Kreis populations and occupations from `dataRoot` (default: the project's data/). */
export function loadGeneratorReference(dataRoot: string = DATA_ROOT): GeneratorReference {
  const read = (p: string) => readFileSync(resolve(dataRoot, p), 'utf8');
  return {
    postcodes: parsePostcodeCentroids(read('postcodes-geonames/zipcodes.de.csv')),
    kreisPopulation: kreisPopulation(),
    occupations: parseOccupationList(read('occupations.json')),
  };
}
