import type { TOfficeKind } from '../../../contracts/common';
import type { TDirectoryEntry } from '../../../contracts/office-directory';
import {
  BK_HEADER,
  DATE,
  DATUM_LINE,
  EMAIL_IN_TEXT,
  focusPhrases,
  fold,
  fundersOf,
  GLOSSARY_STAMP,
  GRANT_IN_TEXT,
  GRANT_TOKEN,
  germanDateToIso,
  kindOf,
  landCodesOf,
  type Operator,
  paragraphs,
  parseContactBlock,
  STOP_HEADINGS,
  STORY_LINE,
} from './office-directory.text';

/**
 * Page layouts the parser knows, named after the sites the texts were copied from:
 * `jobstarter` (project page: title, "Datum: <from> - <to> , <place> <grant>", "Projektdurchführung",
 * "Bundesländer", "Links"), `bildungsketten` (title, operator, "<from> - <to> | <Länder> | <grant>",
 * "Projektbeschreibung", "Kontakt"/"Projektdurchführung"), `glossary` (ueberaus-style glossary
 * entry: breadcrumb, title, "Erstellt: … | Zuletzt geändert: …"), or `unknown`.
 */
export type OfficePageLayout = 'jobstarter' | 'bildungsketten' | 'glossary' | 'unknown';

/** Fields of a directory entry that a page states (or not), in `missingFields` spelling. */
export const DIRECTORY_FIELDS = [
  'name',
  'kind',
  'location',
  'postcode',
  'grantNumber',
  'fundingPeriod',
  'fundingPeriod.from',
  'fundingPeriod.to',
  'landCodes',
  'operator.name',
  'operator.address',
  'operator.phone',
  'operator.fax',
  'operator.email',
  'operator.website',
  'contactPerson',
  'description',
  'focusTopics',
  'funders',
  'stories',
] as const;
/** One field name of `DIRECTORY_FIELDS`. */
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/**
 * What one page yields: the entry without database fields (id, office link, version, coordinates);
 * `name`/`kind` are null when the page does not state them (such a page cannot be imported).
 */
export type ParsedDirectoryEntry = Omit<
  TDirectoryEntry,
  'id' | 'officeId' | 'version' | 'lat' | 'lon' | 'missingFields' | 'name' | 'kind'
> & { name: string | null; kind: TOfficeKind | null };

/** Result of `parseOfficePage`: the entry, the fields the page does not state, and notes for the importer. */
export interface ParsedOfficePage {
  layout: OfficePageLayout;
  entry: ParsedDirectoryEntry;
  missingFields: DirectoryField[];
  /** Human-readable notes (English): unknown layout, derived values, lines that could not be classified. */
  warnings: string[];
}

/**
 * Extracts a KAUSA office directory entry from the plain text of a public programme page
 * (jobstarter.de / bildungsketten.de project pages, ueberaus-style glossary entries). Pure: no I/O.
 * Values are kept exactly as written (phone, fax, e-mail, grant number such as `21-JP-02-103-A+B`);
 * dates become ISO (`01.07.2024` → `2024-07-01`), Land names AGS codes (Thüringen → "16").
 * Whatever the page does not state stays null/[] and is listed in `missingFields` — never guessed.
 * An unknown layout is read with the generic rules only and flagged in `warnings`.
 * @param text the page as plain text (UTF-8, any line endings)
 * @param sourceFile name of the file it came from, stored with the entry
 */
export function parseOfficePage(text: string, sourceFile: string): ParsedOfficePage {
  const warnings: string[] = [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+$/, '').replace(/^\s+/, ''));
  const paras = paragraphs(lines);
  const idx = (re: RegExp, from = 0) => lines.findIndex((l, i) => i >= from && re.test(l));

  const datum = idx(DATUM_LINE);
  const bkHeader = idx(BK_HEADER);
  const stamp = idx(GLOSSARY_STAMP);
  const layout: OfficePageLayout =
    datum >= 0 ? 'jobstarter' : bkHeader >= 0 ? 'bildungsketten' : stamp >= 0 ? 'glossary' : 'unknown';
  if (layout === 'unknown') warnings.push('layout not recognised: read with generic rules only');

  let name: string | null = null;
  let location: string | null = null;
  let grantNumber: string | null = null;
  let from: string | null = null;
  let to: string | null = null;
  let landNames: string[] = [];
  let headerOperator: string | null = null;
  let headerEnd = -1;
  const focusTopics: string[] = [];

  const lastBefore = (end: number, test: (l: string) => boolean) =>
    lines
      .slice(0, end)
      .reverse()
      .find((l) => l && test(l)) ?? null;
  const period = (f?: string, t?: string) => {
    from = f ? germanDateToIso(f) : null;
    to = t ? germanDateToIso(t) : null;
    if ((f && !from) || (t && !to))
      warnings.push(`funding period "${f ?? ''} - ${t ?? ''}" is no valid date`);
  };

  if (layout === 'jobstarter') {
    const m = DATUM_LINE.exec(lines[datum] as string) as RegExpExecArray;
    period(m[1], m[2]);
    const tokens = (m[3] ?? '').trim().split(/\s+/).filter(Boolean);
    if (tokens.length && GRANT_TOKEN.test(tokens.at(-1) as string)) grantNumber = tokens.pop() as string;
    location = tokens.join(' ') || null;
    name = lastBefore(datum, () => true);
    headerEnd = datum;
  } else if (layout === 'bildungsketten') {
    const m = BK_HEADER.exec(lines[bkHeader] as string) as RegExpExecArray;
    period(m[1], m[2]);
    landNames = m[3] ? [m[3]] : [];
    grantNumber = m[4]?.trim() || null;
    name = lastBefore(bkHeader, (l) => kindOf(l) !== null);
    const nameAt = name ? lines.lastIndexOf(name, bkHeader) : -1;
    headerOperator = lines.slice(nameAt + 1, bkHeader).find(Boolean) ?? null;
    headerEnd = bkHeader;
    const start = idx(/^Projektbeschreibung$/);
    if (start >= 0) {
      for (const p of paras) {
        if (p.start <= start) continue;
        const head = p.lines[0] as string;
        if (STOP_HEADINGS.test(head) || /^(Kontakt|Projektdurchführung)$/.test(head)) break;
        if (p.lines.length === 1 && head.length <= 60 && !/[.!?:]$/.test(head))
          focusTopics.push(head.replace(/^Schwerpunkt\s+/, ''));
      }
    }
  } else if (layout === 'glossary') {
    name = lastBefore(stamp, (l) => !l.startsWith('|'));
    headerEnd = stamp;
  } else {
    name = lines.find((l) => l.length <= 200 && kindOf(l) !== null) ?? null;
    headerEnd = name ? lines.indexOf(name) : -1;
  }
  const kind = kindOf(name);
  if (name && !kind) warnings.push(`office kind not recognised in the name "${name}"`);

  // Generic rules, for every layout.
  grantNumber ??= /Förderkennzeichen:?\s*(\S+)/.exec(text)?.[1] ?? GRANT_IN_TEXT.exec(text)?.[0] ?? null;
  if (from === null && to === null) {
    const m = new RegExp(
      String.raw`(?:Förderphase|Förderzeitraum|Laufzeit|Projektlaufzeit):?\s*${DATE}\s*[-–]\s*${DATE}`,
    ).exec(text);
    if (m) period(m[1], m[2]);
  }
  const landsAt = idx(/^Bundesl(änder|and)$/);
  if (!landNames.length && landsAt >= 0) {
    for (const l of lines.slice(landsAt + 1)) {
      if (STOP_HEADINGS.test(l)) break;
      if (l) landNames.push(l);
    }
  }
  if (!landNames.length) {
    const m = /^Bundesl(?:änder|and):\s*(.+)$/m.exec(lines.join('\n'));
    if (m) landNames = [m[1] as string];
  }
  const landCodes = landCodesOf(landNames, warnings);

  let operator: Operator = { name: null, address: null, phone: null, fax: null, email: null, website: null };
  let contactPerson: string | null = null;
  let postcode: string | null = null;
  let place: string | null = null;
  const blockAt = idx(/^(Projektdurchführung|Projektträger|Träger)$/);
  if (blockAt >= 0) {
    const block: string[] = [];
    for (const l of lines.slice(blockAt + 1)) {
      if (STOP_HEADINGS.test(l)) break;
      if (l) block.push(l);
    }
    ({ operator, contactPerson, postcode, place } = parseContactBlock(block, warnings));
  } else {
    const label = (re: RegExp) => lines.map((l) => re.exec(l)?.[1]?.trim()).find(Boolean) ?? null;
    operator.phone = label(/^(?:Telefon|Tel\.?)\s*:\s*(.+)$/i);
    operator.fax = label(/^(?:Fax|Telefax)\s*:\s*(.+)$/i);
    operator.email = label(/^E-?Mail\s*:\s*(.+)$/i) ?? EMAIL_IN_TEXT.exec(text)?.[0] ?? null;
    operator.website = label(/^(?:Internet|Website|Homepage)\s*:\s*(.+)$/i);
    contactPerson = label(/^(?:Ansprechpartner\S*|Ansprechperson|Kontakt)\s*:\s*(.+)$/i);
  }
  if (headerOperator) {
    if (operator.name === null) operator.name = headerOperator;
    else if (operator.name !== headerOperator)
      warnings.push(
        `operator "${headerOperator}" in the header differs from "${operator.name}" in the contact`,
      );
  }
  if (location === null && place !== null) {
    location = place;
    warnings.push("location taken from the operator's address");
  }

  const body = paras.filter((p) => p.start > headerEnd && (blockAt < 0 || p.start < blockAt));
  const bodyTexts = body.map((p) => p.lines.join(' '));
  const description =
    layout === 'unknown'
      ? (bodyTexts.find((t) => t.length >= 80) ?? null)
      : (bodyTexts.find((t) => t.length > 1) ?? null);
  for (const phrase of focusPhrases(bodyTexts))
    if (!focusTopics.some((t) => fold(t) === fold(phrase))) focusTopics.push(phrase);
  const funders = fundersOf(paras.map((p) => p.lines.join(' ')));
  const stories = lines
    .filter((l) => l.length <= 200 && STORY_LINE.test(l))
    .map((title) => ({ title, url: null }));

  const entry: ParsedDirectoryEntry = {
    name,
    kind,
    location,
    postcode,
    grantNumber,
    fundingPeriod: from === null && to === null ? null : { from, to },
    landCodes,
    operator,
    contactPerson,
    description,
    focusTopics,
    funders,
    stories,
    sourceFile,
  };
  return { layout, entry, missingFields: missingFieldsOf(entry), warnings };
}

/**
 * The fields of `entry` that are null or empty, in `DIRECTORY_FIELDS` order (`fundingPeriod` when no
 * period is stated, `fundingPeriod.from`/`.to` when only one end is).
 */
export function missingFieldsOf(entry: ParsedDirectoryEntry): DirectoryField[] {
  const value: Record<DirectoryField, unknown> = {
    name: entry.name,
    kind: entry.kind,
    location: entry.location,
    postcode: entry.postcode,
    grantNumber: entry.grantNumber,
    fundingPeriod: entry.fundingPeriod,
    // The halves are reported only when the page states one end of the period.
    'fundingPeriod.from': entry.fundingPeriod ? entry.fundingPeriod.from : '',
    'fundingPeriod.to': entry.fundingPeriod ? entry.fundingPeriod.to : '',
    landCodes: entry.landCodes,
    'operator.name': entry.operator.name,
    'operator.address': entry.operator.address,
    'operator.phone': entry.operator.phone,
    'operator.fax': entry.operator.fax,
    'operator.email': entry.operator.email,
    'operator.website': entry.operator.website,
    contactPerson: entry.contactPerson,
    description: entry.description,
    focusTopics: entry.focusTopics,
    funders: entry.funders,
    stories: entry.stories,
  };
  return DIRECTORY_FIELDS.filter((f) => {
    const v = value[f];
    return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  });
}
