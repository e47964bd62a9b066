import { readFileSync } from 'node:fs';
import { readCsv } from '../../platform/tabular/index';
import { companyNameKey } from '../companies/index';
import { checkPlaceRows } from './check.places';
import { OccupationMatcher } from './imports.occupations';

const occ = JSON.parse(readFileSync('/work/main/data/occupations.json', 'utf8'));
const pcs = new Set(
  readFileSync('/work/main/data/postcodes-geonames/zipcodes.de.csv', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1] ?? ''),
);
const towns = [...pcs].filter(Boolean);
const rows = ['Firmenname;PLZ;Ort;Straße;Art;Beruf;Plätze;Beginn;Deutschniveau;Schulabschluss;Führerschein'];
let seed = 1;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
const dual = occ.filter((o: any) => o.kind !== 'eq');
for (let i = 0; i < 50000; i++) {
  const c = Math.floor(rnd() * 5000);
  rows.push(
    [
      `Bäckerei Yılmaz ${c} GmbH`,
      towns[c % towns.length],
      'Ort',
      'Hauptstraße 1',
      'Ausbildung',
      pick(dual).name,
      2,
      '01.08.2027',
      'B1',
      'MSA',
      'ja',
    ].join(';'),
  );
}
const t0 = performance.now();
const table = readCsv(Buffer.from(rows.join('\n')));
const t1 = performance.now();
const matcher = new OccupationMatcher(null, occ);
const columns = new Map(
  [
    'companyName',
    'postcode',
    'place',
    'street',
    'kind',
    'occupation',
    'seats',
    'startsOn',
    'minGermanLevel',
    'minSchoolQualification',
    'drivingLicenceRequired',
  ].map((f, i) => [f, i]),
);
for (let k = 0; k < 3; k++) {
  const t2 = performance.now();
  const r = await checkPlaceRows(table, columns, {
    source: 'csv',
    today: '2026-11-30',
    postcodes: pcs,
    occupations: matcher,
    nameKey: companyNameKey,
  });
  console.log(
    'parse',
    Math.round(t1 - t0),
    'check',
    Math.round(performance.now() - t2),
    r.validRows,
    r.errors.length,
    r.companies.size,
  );
}
