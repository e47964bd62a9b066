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

/** True when a GeoNames place name is an organisation rather than a town. */
export function isOrganisationPlace(place: string): boolean {
  return ORGANISATION.test(place) || ACRONYM.test(place);
}

/**
 * Parses the GeoNames postal-code CSV (data/postcodes-geonames/zipcodes.de.csv, CC BY 4.0).
 * Postcodes stay strings; the Land is the first two digits of the AGS (`community_code`), since
 * the `state` column mixes German and English names. A postcode's centroid is the mean of its town
 * places (organisation places only when it has no other).
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
    const basis = towns.length > 0 ? towns : list;
    const first = basis[0]?.row as GeoNamesRow;
    postcodes.push({
      postcode,
      landCode: first.community_code.slice(0, 2),
      kreisAgs: first.community_code,
      lat: basis.reduce((s, x) => s + Number(x.row.latitude), 0) / basis.length,
      lon: basis.reduce((s, x) => s + Number(x.row.longitude), 0) / basis.length,
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
