import type { TOfficeKind } from '../../../contracts/common';
import type { TDirectoryEntry } from '../../../contracts/office-directory';

/**
 * Text rules of the office-page parser: Land names, line patterns (dates, grant numbers, contact
 * lines), the contact block, focus topics and funders. Pure functions over lines of text.
 */

/** German Länder by AGS 2-digit code (source: Destatis, Amtlicher Gemeindeschlüssel). */
export const LAND_NAMES: Readonly<Record<string, string>> = {
  '01': 'Schleswig-Holstein',
  '02': 'Hamburg',
  '03': 'Niedersachsen',
  '04': 'Bremen',
  '05': 'Nordrhein-Westfalen',
  '06': 'Hessen',
  '07': 'Rheinland-Pfalz',
  '08': 'Baden-Württemberg',
  '09': 'Bayern',
  '10': 'Saarland',
  '11': 'Berlin',
  '12': 'Brandenburg',
  '13': 'Mecklenburg-Vorpommern',
  '14': 'Sachsen',
  '15': 'Sachsen-Anhalt',
  '16': 'Thüringen',
};

/** Lower case, ß → ss, accents and repeated spaces removed: for comparing names. */
export const fold = (s: string): string =>
  s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();

const LAND_BY_NAME = new Map<string, string>([
  ...Object.entries(LAND_NAMES).map(([code, name]) => [fold(name), code] as [string, string]),
  ['nrw', '05'],
  ['freie und hansestadt hamburg', '02'],
  ['freie hansestadt bremen', '04'],
]);

/** A German date `d.m.yyyy` as a capture group. */
export const DATE = String.raw`(\d{1,2}\.\d{1,2}\.\d{4})`;
/** jobstarter layout: `Datum: <from> - <to> , <place> <grant>` (dates optional). */
export const DATUM_LINE = new RegExp(String.raw`^Datum:\s*${DATE}?\s*[-–]?\s*${DATE}?\s*,\s*(.*)$`);
/** bildungsketten layout: `<from> - <to> | <Länder> | <grant>`. */
export const BK_HEADER = new RegExp(String.raw`^${DATE}?\s*[-–]\s*${DATE}?\s*\|\s*(.*?)\s*\|\s*(\S.*)$`);
/** glossary layout: `Erstellt: dd.mm.yyyy | Zuletzt geändert: …`. */
export const GLOSSARY_STAMP = /^Erstellt:\s*\d{1,2}\.\d{1,2}\.\d{4}/;
/** A grant number token: upper-case letters, digits, `-` and `+`, with at least one digit (21-JP-02-103-A+B, 21BLVKTH). */
export const GRANT_TOKEN = /^(?=.*\d)[A-Z0-9][A-Z0-9+\-/]{5,}$/;
/** A JOBSTARTER grant number inside running text (21-JP-02-028, 21-JP-02-103-A+B). */
export const GRANT_IN_TEXT = /\b\d{2}-[A-Z]{2}-\d{2}-\d{3}(?:-[A-Z](?:\+[A-Z])*)?(?![\w+-])/;
const KIND_WORDS: ReadonlyArray<[RegExp, TOfficeKind]> = [
  [/Koordinierungsstelle/i, 'coordination'],
  [/Landesstelle/i, 'state_office'],
  [/Servicestelle/i, 'service_centre'],
];
/** Headings that end the contact block. */
export const STOP_HEADINGS =
  /^(Bundesländer|Bundesland|Links|Weitere Informationen|Förderung und Projektbegleitung)$/;
/** A linked practice example or story line (`Praxisbeispiel: …`, `KAUSA-Geschichten: …`). */
export const STORY_LINE =
  /^(KAUSA-Geschichten?|Praxisbeispiel|Leitfaden|Handlungsempfehlung|Publikation|Video)\s*:\s*\S/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address inside text. */
export const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const WEB = /^(?:https?:\/\/|www\.)\S+$/i;
const PHONE = /^\+?[\d(][\d\s/()\-–.]{4,}\d$/;
const POSTCODE_LINE = /^(\d{5})\s+([^,\d][^,]*)/;
const ORG_WORD =
  /\b(e\.\s?V\.|g?GmbH|AG|Verein|Stiftung|Bildungswerk|Agentur|Verband|Zentrum|Institut|Kammer|Forum|Akademie|Stadt|Amt|Bund|KAUSA)\b/i;
const NAME_PART =
  /^(?:Dr\.|Prof\.|von|van|de|zu|[A-ZÄÖÜ][a-zäöüßéèáàíóúç]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúç]+)*)$/;

const isPersonName = (line: string): boolean => {
  const parts = line.split(/\s+/);
  return (
    parts.length >= 2 && parts.length <= 4 && parts.every((p) => NAME_PART.test(p)) && !ORG_WORD.test(line)
  );
};

/** Converts `dd.mm.yyyy` to an ISO date (`yyyy-mm-dd`), or null when it is no calendar date. */
export function germanDateToIso(d: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(d.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Land codes for a list of Land names ("Thüringen", "Berlin, Brandenburg", "bundesweit" → all 16). */
export function landCodesOf(names: string[], warnings: string[]): string[] {
  const codes: string[] = [];
  for (const raw of names.flatMap((n) => n.split(/\s*(?:[,;/]|\bund\b)\s*/))) {
    const name = fold(raw.replace(/^(Freistaat|Land)\s+/i, ''));
    if (!name) continue;
    if (name === 'bundesweit' || name === 'deutschland') codes.push(...Object.keys(LAND_NAMES));
    else if (LAND_BY_NAME.has(name)) codes.push(LAND_BY_NAME.get(name) as string);
    else warnings.push(`unknown Land name "${raw.trim()}" ignored`);
  }
  return [...new Set(codes)].sort();
}

/** Blocks of consecutive non-empty lines, with the index of their first line. */
export function paragraphs(lines: string[]): Array<{ start: number; lines: string[] }> {
  const out: Array<{ start: number; lines: string[] }> = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const last = out.at(-1);
    if (last && lines[i - 1]) last.lines.push(line);
    else out.push({ start: i, lines: [line] });
  });
  return out;
}

/** The operator (Träger) fields of a directory entry. */
export type Operator = TDirectoryEntry['operator'];

/** Reads the "Projektdurchführung" block: operator name first, then labelled or recognisable lines. */
export function parseContactBlock(block: string[], warnings: string[]) {
  const op: Operator = { name: null, address: null, phone: null, fax: null, email: null, website: null };
  let contactPerson: string | null = null;
  let postcode: string | null = null;
  let place: string | null = null;
  const address: string[] = [];
  let expectContact = false;
  for (const line of block) {
    const labelled =
      /^(Telefon|Tel\.?|Fon|Fax|Telefax|E-Mail|Email|Mail|Internet|Web|Homepage|Website|Ansprechpartner\S*|Ansprechperson|Kontakt)\s*:\s*(.+)$/i.exec(
        line,
      );
    const label = labelled?.[1]?.toLowerCase() ?? '';
    const value = labelled?.[2]?.trim() ?? '';
    if (line === 'Kontakt' || /^Ansprech(partner\S*|person)$/.test(line)) expectContact = true;
    else if (expectContact) {
      contactPerson ??= line;
      expectContact = false;
    } else if (op.name === null) op.name = line;
    else if (labelled && /^(telefon|tel\.?|fon)$/.test(label)) op.phone ??= value;
    else if (labelled && /fax/.test(label)) op.fax ??= value;
    else if (labelled && /mail/.test(label)) op.email ??= value;
    else if (labelled && /^(internet|web|homepage|website)$/.test(label)) op.website ??= value;
    else if (labelled) contactPerson ??= value;
    else if (EMAIL.test(line)) op.email ??= line;
    else if (WEB.test(line)) op.website ??= line;
    else if (POSTCODE_LINE.test(line)) {
      const m = POSTCODE_LINE.exec(line) as RegExpExecArray;
      postcode ??= m[1] as string;
      place ??= (m[2] as string).trim();
      address.push(line);
    } else if (PHONE.test(line)) {
      if (op.phone === null) op.phone = line;
      else warnings.push(`unlabelled number "${line}" not assigned (phone already set)`);
    } else if (/\d/.test(line) && /\p{L}{3,}/u.test(line) && postcode === null) address.push(line);
    else if (contactPerson === null && isPersonName(line)) contactPerson = line;
    else warnings.push(`contact line not understood: "${line}"`);
  }
  if (address.length) op.address = address.join(', ');
  return { operator: op, contactPerson, postcode, place };
}

/** Phrases stated as focus ("Ein Schwerpunkt war die …", "Der Fokus lag insbesondere auf …"). */
export function focusPhrases(paragraphTexts: string[]): string[] {
  const out: string[] = [];
  const article = String.raw`(?:(?:die|der|das|den|dem)\s+)?`;
  const patterns = [
    new RegExp(
      String.raw`\bSchwerpunkt\b[^.]*?\b(?:ist|war|liegt|lag)\s+(?:auf\s+)?${article}([^.]+)\.`,
      'g',
    ),
    new RegExp(
      String.raw`(?:\bFokus\s+(?:lag|liegt)|\b(?:lag|liegt)\s+der\s+Fokus)\s+(?:insbesondere\s+|vor allem\s+)?auf\s+${article}([^.]+)\.`,
      'g',
    ),
  ];
  for (const text of paragraphTexts)
    for (const re of patterns) for (const m of text.matchAll(re)) out.push((m[1] as string).trim());
  return out;
}

const KNOWN_FUNDERS: ReadonlyArray<[RegExp, string]> = [
  [/Bundesministeri\w* für Bildung und Forschung|\bBMBF\b/g, 'BMBF'],
  [/Bundesministeri\w* für Arbeit und Soziales|\bBMAS\b/g, 'BMAS'],
  [/Bundesministeri\w* für Familie, Senioren, Frauen und Jugend|\bBMFSFJ\b/g, 'BMFSFJ'],
  [/Europäischen? Sozialfonds?|\bESF\b/g, 'ESF'],
  [/Bundesagentur für Arbeit/g, 'BA'],
  [
    /\b(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?(?:Staats|Landes)?Ministerium\s+(?:für|des)\s+[^.;]+?(?=\s+(?:gefördert|finanziert|kofinanziert)\b|[.;]|$)/g,
    '',
  ],
];

/** Funders named in sentences about funding (gefördert, Mitteln, finanziert); logos and navigation do not count. */
export function fundersOf(paragraphTexts: string[]): string[] {
  const hits: Array<[number, string]> = [];
  let offset = 0;
  for (const text of paragraphTexts) {
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ„"])/)) {
      if (/gefördert|fördert|Mitteln|finanziert|Förderer|Geldgeber/i.test(sentence)) {
        for (const [re, short] of KNOWN_FUNDERS)
          for (const m of sentence.matchAll(re)) hits.push([offset + (m.index ?? 0), short || m[0].trim()]);
      }
      offset += sentence.length + 1;
    }
  }
  return [...new Set(hits.sort((a, b) => a[0] - b[0]).map(([, name]) => name))];
}

/** Office kind from the words Koordinierungsstelle / Landesstelle / Servicestelle in a name, else null. */
export const kindOf = (name: string | null): TOfficeKind | null =>
  name ? (KIND_WORDS.find(([re]) => re.test(name))?.[1] ?? null) : null;
