import type { TabularData, TabularRow } from '../../../platform/tabular/index';
import type { TBaOffer, TBaSearchResponse } from './ba.schema';

/**
 * Maps job-search offers to the columns of a place import, so BA responses run through the same
 * checks, dry run and commit as CSV/XLSX files (source `ba`): employer → company name, `beruf` →
 * occupation (matched against the recognised occupations), `titel` → title, `arbeitsort` → postcode
 * (integers padded to five digits), place and street, `eintrittsdatum` → start date, `refnr` →
 * external reference (a second import of the same refnr updates the place). Every offer of
 * `angebotsart=4` is a training place: kind `apprenticeship`, one seat, status open, not published.
 */

/** Column headers of a BA table, and the field each maps to. */
export const BA_COLUMNS = {
  externalRef: 'Referenznummer (refnr)',
  companyName: 'Arbeitgeber',
  occupation: 'Beruf',
  title: 'Titel',
  postcode: 'PLZ Arbeitsort',
  place: 'Arbeitsort',
  street: 'Straße',
  startsOn: 'Eintrittsdatum',
  kind: 'Art',
} as const;

/** The fixed mapping of BA tables (field → header). */
export const BA_MAPPING: Record<string, string> = { ...BA_COLUMNS };

const HEADERS = Object.values(BA_COLUMNS);

/** A postcode from `arbeitsort.plz`: integers (as the description types them) padded to five digits. */
export function baPostcode(plz: string | number | null | undefined): string {
  if (plz === null || plz === undefined) return '';
  const s = String(plz).trim();
  return /^\d{1,5}$/.test(s) ? s.padStart(5, '0') : s;
}

/** The cells of one offer, in `BA_COLUMNS` order. */
export function baOfferCells(o: TBaOffer): string[] {
  const w = o.arbeitsort ?? {};
  const cells: Record<keyof typeof BA_COLUMNS, string> = {
    externalRef: o.refnr.trim(),
    companyName: o.arbeitgeber?.trim() ?? '',
    occupation: o.beruf?.trim() ?? '',
    title: o.titel?.trim() ?? '',
    postcode: baPostcode(w.plz),
    place: w.ort?.trim() ?? '',
    street: w.strasse?.trim() ?? '',
    startsOn: o.eintrittsdatum?.trim() ?? '',
    kind: 'Ausbildung',
  };
  return (Object.keys(BA_COLUMNS) as Array<keyof typeof BA_COLUMNS>).map((k) => cells[k]);
}

/** The offers of all pages, in order. */
export function baOffers(pages: readonly TBaSearchResponse[]): TBaOffer[] {
  return pages.flatMap((p) => p.stellenangebote ?? []);
}

/**
 * A table of the offers of one or more pages: one row per offer, numbered by its position in the
 * response (first offer = row 1, pages counted on).
 */
export function baTable(pages: readonly TBaSearchResponse[]): TabularData {
  const rows: TabularRow[] = baOffers(pages).map((o, i) => ({ row: i + 1, cells: baOfferCells(o) }));
  return { format: 'json', encoding: 'utf-8', delimiter: null, headers: [...HEADERS], headerRow: 0, rows };
}
