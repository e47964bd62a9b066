/** What the user asked the finder for, read from the page address (`?plz=39104` or `?land=15`). */
export type TFinderSearch = { kind: 'postcode'; postcode: string } | { kind: 'land'; land: string };

/** What the text in the "Postleitzahl oder Ort" field means. */
export type TFinderInput =
  | { kind: 'empty' }
  /** Digits first: a postcode, passed on as typed ("1067" too, so the server can explain the lost zero). */
  | { kind: 'postcode'; postcode: string }
  /** Anything else: a place name to look up ("Magdeburg"). */
  | { kind: 'place'; text: string };

const LAND_CODE = /^(0[1-9]|1[0-6])$/;

/**
 * Reads the finder field: a postcode (leading digits, also from a picked suggestion such as
 * "39104 Magdeburg" or with a "D-" prefix), a place name, or nothing.
 */
export function parseFinderInput(text: string): TFinderInput {
  const value = text.trim();
  if (!value) return { kind: 'empty' };
  const digits = /^(?:D-|DE-)?(\d+)(?:\s.*)?$/i.exec(value);
  if (digits?.[1]) return { kind: 'postcode', postcode: digits[1] };
  return { kind: 'place', text: value };
}

/** The search in the page address: `plz` wins over `land`; an invalid Land code is ignored. */
export function finderSearchFromParams(params: URLSearchParams): TFinderSearch | null {
  const plz = params.get('plz')?.trim();
  if (plz) return { kind: 'postcode', postcode: plz.slice(0, 20) };
  const land = params.get('land')?.trim();
  if (land && LAND_CODE.test(land)) return { kind: 'land', land };
  return null;
}
