import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { KldbRecord } from './sources/kldb.source';
import type { OccupationRecord } from './sources/occupations.source';
import type { PlaceRecord, PostcodeRecord } from './sources/postcodes.source';
import type { KreisRecord, LandRecord } from './sources/regions.source';

const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Checksum of a loaded data set, or undefined when never loaded. */
export async function selectDatasetChecksum(db: Executor, name: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('reference_dataset')
    .select('checksum')
    .where('name', '=', name)
    .executeTakeFirst();
  return r?.checksum;
}

/** Records that a data set with this checksum is loaded. */
export async function upsertDataset(
  db: Executor,
  name: string,
  checksum: string,
  rows: number,
): Promise<void> {
  await db
    .insertInto('reference_dataset')
    .values({ name, checksum, rows })
    .onConflict((oc) => oc.column('name').doUpdateSet({ checksum, rows, loaded_at: sql`now()` }))
    .execute();
}

/** Replaces Länder and Kreise. */
export async function replaceRegions(
  db: Executor,
  laender: LandRecord[],
  kreise: KreisRecord[],
): Promise<void> {
  await db.deleteFrom('kreis').execute();
  await db.deleteFrom('land').execute();
  await db.insertInto('land').values(laender).execute();
  await insertChunked(kreise, (c) =>
    db
      .insertInto('kreis')
      .values(
        c.map((k) => ({
          ags: k.ags,
          name: k.name,
          land_code: k.landCode,
          population: k.population,
          population_per_km2: k.populationPerKm2,
        })),
      )
      .execute(),
  );
}

/** Replaces postcodes and their places. */
export async function replacePostcodes(
  db: Executor,
  postcodes: PostcodeRecord[],
  places: PlaceRecord[],
): Promise<void> {
  await db.deleteFrom('postcode_place').execute();
  await db.deleteFrom('postcode').execute();
  await insertChunked(postcodes, (c) =>
    db
      .insertInto('postcode')
      .values(
        c.map((p) => ({
          postcode: p.postcode,
          land_code: p.landCode,
          kreis_ags: p.kreisAgs,
          lat: p.lat,
          lon: p.lon,
        })),
      )
      .execute(),
  );
  await insertChunked(places, (c) =>
    db
      .insertInto('postcode_place')
      .values(
        c.map((p) => ({
          postcode: p.postcode,
          name: p.name,
          search_name: p.searchName,
          organisation: p.organisation,
        })),
      )
      .execute(),
  );
}

/** Replaces the KldB classification. */
export async function replaceKldb(db: Executor, nodes: KldbRecord[]): Promise<void> {
  await db.deleteFrom('kldb').execute();
  await insertChunked(nodes, (c) =>
    db
      .insertInto('kldb')
      .values(
        c.map((n) => ({
          code: n.code,
          level: n.level,
          title: n.title,
          short_title: n.shortTitle,
          parent_code: n.parentCode,
        })),
      )
      .execute(),
  );
}

/** Replaces the occupations. */
export async function replaceOccupations(db: Executor, list: OccupationRecord[]): Promise<void> {
  await db.deleteFrom('occupation').execute();
  await insertChunked(list, (c) =>
    db
      .insertInto('occupation')
      .values(
        c.map((o) => ({
          id: o.id,
          name: o.name,
          name_female: o.nameFemale,
          name_male: o.nameMale,
          kldb: o.kldb,
          duration_months: o.durationMonths,
          chamber: o.chamber,
          kind: o.kind,
          aliases: o.aliases,
          field: o.field ?? null,
          legal_basis: o.legalBasis ?? null,
          search_text: o.searchText,
        })),
      )
      .execute(),
  );
}
