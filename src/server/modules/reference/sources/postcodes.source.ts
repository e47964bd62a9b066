import Papa from 'papaparse';
import { foldForSearch } from './files';

/** One postcode with Land, Kreis and centroid (mean of its places, WGS84 degrees). */
export interface PostcodeRecord {
  postcode: string;
  landCode: string;
  kreisAgs: string;
  lat: number;
  lon: number;
}

/** One place under a postcode. */
export interface PlaceRecord {
  postcode: string;
  name: string;
  searchName: string;
  organisation: boolean;
}

interface GeoNamesRow {
  zipcode: string;
  place: string;
  community: string;
  community_code: string;
  latitude: string;
  longitude: string;
}

/**
 * Places of large-organisation postcodes (Großkunden-PLZ) carry the organisation's name instead of a
 * town; GeoNames does not flag them, so we recognise legal forms and typical institution words.
 */
const ORGANISATION = new RegExp(
  [
    'GmbH',
    'mbH',
    '\\bAG\\b',
    '\\bKG\\b',
    'KGaA',
    '\\bSE\\b',
    'e\\.\\s?V\\.',
    '\\bOHG\\b',
    '\\bGbR\\b',
    '\\bCo\\.',
    '&',
    'Bank',
    '\\w*kasse\\b',
    'Versicherung',
    'Versand',
    'verwaltung',
    '\\w+amt\\b',
    'Ministerium',
    'Universität',
    'Hochschule',
    'Klinik',
    'Krankenhaus',
    '\\w+schule\\b',
    'Verlag',
    'Druckerei',
    'Postfach',
    'Deutsche Post',
    'Telekom',
    'Vodafone',
    'Zentrale',
    'Service',
    '\\w*dienst\\b',
    'Gesellschaft',
    'Stiftung',
    'Institut',
  ].join('|'),
  'i',
);

/** Acronyms in capitals (AOK, SWR, BARMER): GeoNames writes towns in mixed case. */
const ACRONYM = /(^|[\s(-])[A-ZÄÖÜ]{2,}($|[\s).,-])/;

/** Rounds degrees to 6 decimals (≈ 0.1 m): more would only be floating-point noise. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** True when a GeoNames place name is an organisation rather than a town. */
export function isOrganisationPlace(place: string): boolean {
  return ORGANISATION.test(place) || ACRONYM.test(place);
}

/**
 * Parses the GeoNames postal-code CSV (data/postcodes-geonames/zipcodes.de.csv, CC BY 4.0).
 * Postcodes stay strings; the Land is the first two digits of the AGS (`community_code`), since
 * the `state` column mixes German and English names. A postcode's centroid is the mean of its town
 * places (organisation places only when it has no other) within the Kreis holding most of them.
 * @returns postcodes, places, and the 1-based CSV line numbers that were skipped (no AGS or coordinates)
 */
export function parsePostcodes(csv: string): {
  postcodes: PostcodeRecord[];
  places: PlaceRecord[];
  skipped: number[];
} {
  const parsed = Papa.parse<GeoNamesRow>(csv, { header: true, skipEmptyLines: true });
  const groups = new Map<string, Array<{ row: GeoNamesRow; org: boolean }>>();
  const skipped: number[] = [];
  parsed.data.forEach((row, i) => {
    const ok =
      /^\d{5}$/.test(row.zipcode) && /^\d{5}$/.test(row.community_code) && row.latitude && row.longitude;
    if (!ok) {
      skipped.push(i + 2);
      return;
    }
    const list = groups.get(row.zipcode) ?? [];
    list.push({ row, org: isOrganisationPlace(row.place) });
    groups.set(row.zipcode, list);
  });
  // Names seen in postcodes without any organisation row are towns; in a postcode that has
  // organisation rows, any other unknown name is taken for an organisation too (Großkunden-PLZ).
  const townNames = new Set<string>();
  for (const list of groups.values())
    if (list.every((x) => !x.org)) for (const x of list) townNames.add(x.row.place);
  for (const list of groups.values()) {
    if (list.some((x) => x.org)) for (const x of list) x.org ||= !townNames.has(x.row.place);
  }
  const postcodes: PostcodeRecord[] = [];
  const places: PlaceRecord[] = [];
  for (const [postcode, list] of groups) {
    const towns = list.filter((x) => !x.org);
    // A postcode can span Kreise (and organisation postcodes even Länder): Kreis, Land and centroid
    // come from the Kreis holding most of its rows, so a centroid never falls between two cities.
    const rows = (towns.length > 0 ? towns : list).map((x) => x.row);
    const byKreis = new Map<string, GeoNamesRow[]>();
    for (const r of rows) byKreis.set(r.community_code, [...(byKreis.get(r.community_code) ?? []), r]);
    const basis = [...byKreis.values()].sort((a, b) => b.length - a.length)[0] ?? rows;
    const first = basis[0] as GeoNamesRow;
    postcodes.push({
      postcode,
      landCode: first.community_code.slice(0, 2),
      kreisAgs: first.community_code,
      lat: round6(basis.reduce((sum, r) => sum + Number(r.latitude), 0) / basis.length),
      lon: round6(basis.reduce((sum, r) => sum + Number(r.longitude), 0) / basis.length),
    });
    const seen = new Set<string>();
    for (const { row, org } of list) {
      if (seen.has(row.place)) continue;
      seen.add(row.place);
      places.push({ postcode, name: row.place, searchName: foldForSearch(row.place), organisation: org });
    }
  }
  return { postcodes, places, skipped };
}
