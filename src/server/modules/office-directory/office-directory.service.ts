import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { TOfficeKind } from '../../../contracts/common';
import type {
  TDirectoryEntry,
  TDirectoryQuery,
  TDirectoryResult,
  ZDirectoryHit,
  ZLinkDirectoryEntry,
} from '../../../contracts/office-directory';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import { getOffice } from '../offices/index';
import {
  assertPostcode,
  greatCircleKm,
  lookupPostcode,
  postcodeCentroids,
  searchPlaces,
} from '../reference/index';
import {
  type DirectoryField,
  type OfficePageLayout,
  type ParsedDirectoryEntry,
  parseOfficePage,
} from './office-directory.parser';
import * as repo from './office-directory.repository';

type TDirectoryHit = z.infer<typeof ZDirectoryHit>;
type TLinkDirectoryEntry = z.infer<typeof ZLinkDirectoryEntry>;

/** One office page to import: its text and the file name stored with the entry. */
export interface OfficePageFile {
  sourceFile: string;
  text: string;
}

/** What the import did with one page. `skipped`: the page states no office name or kind. */
export interface OfficePageImport {
  sourceFile: string;
  layout: OfficePageLayout;
  status: 'created' | 'updated' | 'unchanged' | 'skipped';
  entryId: string | null;
  name: string | null;
  grantNumber: string | null;
  /** Fields the page does not state (see `DIRECTORY_FIELDS`). */
  missingFields: DirectoryField[];
  warnings: string[];
  /** How the coordinates were found: the operator's postcode, the location's place name, or not at all. */
  geocodedBy: 'postcode' | 'place' | null;
}

/** Folder of the demo installation's office pages (`data/kausa-offices/*.txt`, see data/SOURCES.md). */
export const DEMO_OFFICE_PAGES_DIR = resolve(import.meta.dirname, '../../../../data/kausa-offices');

/** Maps a database row to the API shape `TDirectoryEntry`. */
export function toDirectoryEntry(row: repo.DirectoryRow): TDirectoryEntry {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    location: row.location,
    postcode: row.postcode,
    lat: row.lat,
    lon: row.lon,
    grantNumber: row.grant_number,
    fundingPeriod:
      row.funding_from === null && row.funding_to === null
        ? null
        : { from: row.funding_from, to: row.funding_to },
    landCodes: row.land_codes,
    operator: {
      name: row.operator_name,
      address: row.operator_address,
      phone: row.operator_phone,
      fax: row.operator_fax,
      email: row.operator_email,
      website: row.operator_website,
    },
    contactPerson: row.contact_person,
    description: row.description,
    focusTopics: row.focus_topics,
    funders: row.funders,
    stories: row.stories.map((s) => ({ title: s.title, url: s.url })),
    missingFields: row.missing_fields,
    sourceFile: row.source_file,
    officeId: row.office_id,
    version: row.version,
  };
}

/** Reads office pages from disk (UTF-8, BOM dropped); the entry keeps the file's base name. */
export function readOfficePages(paths: readonly string[]): OfficePageFile[] {
  return paths.map((p) => ({
    sourceFile: basename(p),
    text: readFileSync(p, 'utf8').replace(/^\uFEFF/, ''),
  }));
}

/** Paths of the demo office pages in `DEMO_OFFICE_PAGES_DIR`, sorted by name. */
export function demoOfficePagePaths(): string[] {
  return readdirSync(DEMO_OFFICE_PAGES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(DEMO_OFFICE_PAGES_DIR, f));
}

type Geo = { lat: number; lon: number; landCode: string; by: 'postcode' | 'place' };

/** Coordinates of the operator's postcode (GeoNames centroid), else of the location's place name. */
async function geocode(db: Executor, entry: ParsedDirectoryEntry): Promise<Geo | null> {
  if (entry.postcode) {
    try {
      const p = await lookupPostcode(db, entry.postcode);
      return { lat: p.lat, lon: p.lon, landCode: p.landCode, by: 'postcode' };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  if (entry.location) {
    // "Bonn/Rhein-Sieg", "Magdeburg Lemsdorf": try the whole name, then its first part.
    const first = entry.location.split(/[/,(]/)[0]?.trim() ?? '';
    for (const name of new Set([entry.location, first, first.split(/\s+/)[0] ?? ''])) {
      if (name.length < 2) continue;
      const [hit] = await searchPlaces(db, name, 1);
      if (!hit) continue;
      const p = await lookupPostcode(db, hit.postcode);
      return { lat: p.lat, lon: p.lon, landCode: p.landCode, by: 'place' };
    }
  }
  return null;
}

function importRow(
  entry: ParsedDirectoryEntry & { name: string; kind: TOfficeKind },
  missing: DirectoryField[],
  geo: Geo | null,
): repo.DirectoryImportRow {
  return {
    name: entry.name,
    kind: entry.kind,
    location: entry.location,
    postcode: entry.postcode,
    lat: geo?.lat ?? null,
    lon: geo?.lon ?? null,
    grant_number: entry.grantNumber,
    funding_from: entry.fundingPeriod?.from ?? null,
    funding_to: entry.fundingPeriod?.to ?? null,
    land_codes: entry.landCodes,
    operator_name: entry.operator.name,
    operator_address: entry.operator.address,
    operator_phone: entry.operator.phone,
    operator_fax: entry.operator.fax,
    operator_email: entry.operator.email,
    operator_website: entry.operator.website,
    contact_person: entry.contactPerson,
    description: entry.description,
    focus_topics: entry.focusTopics,
    funders: entry.funders,
    stories: JSON.stringify(entry.stories.map((s) => ({ title: s.title, url: s.url }))),
    missing_fields: missing,
    source_file: entry.sourceFile,
  };
}

/** True when re-importing `next` would not change `row` (then the version is not bumped). */
function unchanged(row: repo.DirectoryRow, next: repo.DirectoryImportRow): boolean {
  const { stories, ...rest } = next;
  const same = (Object.keys(rest) as Array<keyof typeof rest>).every(
    (k) => JSON.stringify(row[k] ?? null) === JSON.stringify(rest[k] ?? null),
  );
  return same && JSON.stringify(row.stories.map((s) => ({ title: s.title, url: s.url }))) === stories;
}

/** True when the postcode exists in the reference data. */
async function isKnownPostcode(db: Executor, plz: string): Promise<boolean> {
  try {
    await lookupPostcode(db, plz);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/**
 * Imports office pages into the directory (admin or the system context of the CLI/demo): parses each
 * page (`parseOfficePage`), geocodes it via the operator's postcode or the location's place name
 * (reference data), and creates or updates its entry, keyed by grant number, else by name —
 * re-importing a page updates its entry (office link kept; version bumped only on change).
 * All pages in one transaction: a failure imports nothing. Pages without office name or kind are
 * `skipped`, and so are pages of an unknown layout unless `acceptUnknownLayout` (any text that mentions
 * KAUSA would otherwise become a public office). An e-mail address or postcode that is not valid is
 * not published (reported as a warning). Every write is audited (`office_directory`).
 * @throws `unauthenticated`, `forbidden`; database errors roll the whole run back
 */
export async function importOfficePages(
  ctx: RequestContext,
  files: readonly OfficePageFile[],
  opts: { acceptUnknownLayout?: boolean } = {},
): Promise<OfficePageImport[]> {
  requireAccess(ctx, 'create', 'office_directory');
  requireAccess(ctx, 'update', 'office_directory');
  const parsed = files.map((f) => parseOfficePage(f.text, f.sourceFile));
  return ctx.db.transaction().execute(async (trx) => {
    const results: OfficePageImport[] = [];
    for (const { layout, entry, missingFields, warnings } of parsed) {
      const base = {
        sourceFile: entry.sourceFile,
        layout,
        name: entry.name,
        grantNumber: entry.grantNumber,
        missingFields,
        warnings: [...warnings],
      };
      const { name, kind } = entry;
      if (name === null || kind === null) {
        results.push({ ...base, status: 'skipped', entryId: null, geocodedBy: null });
        continue;
      }
      if (layout === 'unknown' && !opts.acceptUnknownLayout) {
        base.warnings.push(
          'page layout not recognised: not published (check it, then import with --accept-unknown-layout)',
        );
        results.push({ ...base, status: 'skipped', entryId: null, geocodedBy: null });
        continue;
      }
      if (entry.operator.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry.operator.email)) {
        base.warnings.push(`e-mail "${entry.operator.email}" is not an address: not published`);
        entry.operator.email = null;
      }
      if (entry.postcode && !(await isKnownPostcode(trx, entry.postcode))) {
        base.warnings.push(`postcode "${entry.postcode}" does not exist: not published`);
        entry.postcode = null;
      }
      const geo = await geocode(trx, entry);
      if (!geo)
        base.warnings.push(
          entry.postcode || entry.location
            ? 'no coordinates: postcode and place unknown to the reference data'
            : 'no coordinates: the page states no postcode or place',
        );
      else if (entry.landCodes.length && !entry.landCodes.includes(geo.landCode))
        base.warnings.push(`coordinates lie in Land ${geo.landCode}, outside the page's Länder`);
      const row = importRow({ ...entry, name, kind }, missingFields, geo);
      const existing = await repo.selectEntryForImport(trx, { grantNumber: entry.grantNumber, name });
      let status: OfficePageImport['status'];
      let saved: repo.DirectoryRow;
      if (!existing) {
        saved = await repo.insertDirectoryEntry(trx, row);
        status = 'created';
      } else if (unchanged(existing, row)) {
        saved = existing;
        status = 'unchanged';
      } else {
        saved = await repo.updateImportedEntry(trx, existing.id, row);
        status = 'updated';
      }
      if (status !== 'unchanged') {
        await audit(ctx, trx, {
          action: status === 'created' ? 'create' : 'update',
          entityType: 'office_directory',
          entityId: saved.id,
          officeId: saved.office_id,
          details: { sourceFile: entry.sourceFile, missingFields },
        });
      }
      results.push({ ...base, status, entryId: saved.id, geocodedBy: geo?.by ?? null });
    }
    return results;
  });
}

/**
 * Links directory entries to the offices of this installation's tree whose name equals the entry's
 * name (case-insensitive), e.g. the demo offices "KAUSA Servicestelle Düsseldorf"/"… Hagen". Audited.
 * @returns number of entries linked now
 * @throws `unauthenticated`, `forbidden`
 */
export async function linkDirectoryEntriesByName(
  ctx: RequestContext,
  offices: ReadonlyArray<{ id: string; name: string }>,
): Promise<number> {
  requireAccess(ctx, 'update', 'office_directory');
  return ctx.db.transaction().execute(async (trx) => {
    let n = 0;
    for (const row of await repo.selectDirectoryEntries(trx)) {
      const office = offices.find((o) => o.name.toLowerCase() === row.name.toLowerCase());
      if (!office || row.office_id === office.id) continue;
      await repo.updateDirectoryLink(trx, row.id, row.version, office.id);
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'office_directory',
        entityId: row.id,
        officeId: office.id,
        details: { officeId: { from: row.office_id, to: office.id } },
      });
      n++;
    }
    return n;
  });
}

/**
 * Demo seeding: imports the office pages of `data/kausa-offices/` and links the entries named like
 * the given demo offices. @returns the import results
 */
export async function seedOfficeDirectory(
  ctx: RequestContext,
  offices: ReadonlyArray<{ id: string; name: string }>,
): Promise<OfficePageImport[]> {
  const results = await importOfficePages(ctx, readOfficePages(demoOfficePagePaths()));
  await linkDirectoryEntriesByName(ctx, offices);
  return results;
}

const fold = (s: string): string =>
  s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').trim();
const KIND_RANK: Record<TOfficeKind, number> = { state_office: 0, service_centre: 1, coordination: 2 };
/** Nearest first; entries without coordinates last, then by name. */
const byDistance = (a: TDirectoryHit, b: TDirectoryHit): number =>
  (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
  a.name.localeCompare(b.name, 'de');

/**
 * The office finder (public, no sign-in; DOMAIN.md "public: office finder"). An office is responsible
 * for a Land when its Land list contains it; the national coordination is responsible everywhere.
 * - `plz`: the responsible offices nearest first, then all others nearest first (`responsible`
 *   false), so the nearest office always shows; `distanceKm` is the great-circle distance (km, 0.1)
 *   between the postcode's centroid and the office's coordinates (null when it has none).
 * - `land` (without `plz`): the offices responsible for that Land, state offices first, then by name;
 *   with `plz` it narrows the list to them.
 * - `q`: keeps entries whose name, location or operator name/address contain it (case/accent-blind).
 * @throws `invalid_postcode` (400, field `query.plz`, "1067"), `unknown_postcode` (404, field `query.plz`)
 */
export async function findOffices(ctx: RequestContext, query: TDirectoryQuery): Promise<TDirectoryResult> {
  let entries = (await repo.selectDirectoryEntries(ctx.db)).map(toDirectoryEntry);
  const responsibleFor = (e: TDirectoryEntry, land: string) =>
    e.kind === 'coordination' || e.landCodes.includes(land);
  if (query.q) {
    const q = fold(query.q);
    entries = entries.filter((e) =>
      [e.name, e.location, e.operator.name, e.operator.address].some((v) => v && fold(v).includes(q)),
    );
  }
  if (query.land) entries = entries.filter((e) => responsibleFor(e, query.land as string));
  // An empty `plz=` (a cleared search field) means no postcode, not a malformed one.
  if (query.plz === undefined || query.plz.trim() === '') {
    const items = entries.map((e) => ({ ...e, distanceKm: null, responsible: query.land !== undefined }));
    if (query.land)
      items.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.name.localeCompare(b.name, 'de'));
    return { origin: null, items };
  }
  const plz = assertPostcode(query.plz, 'query.plz');
  const centre = (await postcodeCentroids(ctx.db)).get(plz);
  if (!centre) throw new AppError('unknown_postcode', [{ field: 'query.plz', code: 'unknown_postcode' }]);
  const info = await lookupPostcode(ctx.db, plz);
  const hits: TDirectoryHit[] = entries.map((e) => ({
    ...e,
    distanceKm: e.lat !== null && e.lon !== null ? greatCircleKm(centre, { lat: e.lat, lon: e.lon }) : null,
    responsible: responsibleFor(e, info.landCode),
  }));
  return {
    origin: {
      postcode: plz,
      place: info.places.find((p) => !p.organisation)?.name ?? info.places[0]?.name ?? '',
      landCode: info.landCode,
      landName: info.landName,
    },
    items: [
      ...hits.filter((h) => h.responsible).sort(byDistance),
      ...hits.filter((h) => !h.responsible).sort(byDistance),
    ],
  };
}

/** One directory entry (public). @throws `not_found` */
export async function getDirectoryEntry(ctx: RequestContext, id: string): Promise<TDirectoryEntry> {
  const row = await repo.selectDirectoryEntry(ctx.db, id);
  if (!row) throw notFound();
  return toDirectoryEntry(row);
}

/**
 * Links an entry to an office of this installation's tree, or unlinks it with null (admin), with
 * optimistic concurrency. Audited.
 * @throws `forbidden`, `not_found`, `validation` (400, field `body.officeId`: no such office), `conflict` (409)
 */
export async function linkDirectoryEntry(
  ctx: RequestContext,
  id: string,
  input: TLinkDirectoryEntry,
): Promise<TDirectoryEntry> {
  requireAccess(ctx, 'update', 'office_directory');
  if (input.officeId !== null) {
    await getOffice(ctx, input.officeId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found')
        throw new AppError('validation', [
          { field: 'body.officeId', code: 'not_found', messageKey: 'not_found' },
        ]);
      throw e;
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.selectDirectoryEntry(trx, id);
    if (!before) throw notFound();
    const row = await repo.updateDirectoryLink(trx, id, input.version, input.officeId);
    if (!row) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'office_directory',
      entityId: id,
      officeId: input.officeId ?? before.office_id,
      details: { officeId: { from: before.office_id, to: input.officeId } },
    });
    return toDirectoryEntry(row);
  });
}
