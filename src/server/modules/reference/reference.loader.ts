import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { clearCentroidCache } from './geo';
import * as repo from './reference.repository';
import { readDataFiles } from './sources/files';
import { parseKldb } from './sources/kldb.source';
import { parseOccupations } from './sources/occupations.source';
import { parsePostcodes } from './sources/postcodes.source';
import { parseRegions } from './sources/regions.source';

/** Bump when a parser changes, so installations reload data sets whose files did not change. */
const LOADER_VERSION = '2';

interface Dataset {
  name: string;
  files: string[];
  load(db: Executor, texts: string[]): Promise<number>;
}

/** The reference data sets, in load order; files are relative to `data/` (see data/SOURCES.md). */
export const DATASETS: Dataset[] = [
  {
    name: 'regions',
    files: ['geo/laender.geojson', 'geo/kreise.geojson'],
    async load(db, [laender = '', kreise = '']) {
      const r = parseRegions(laender, kreise);
      await repo.replaceRegions(db, r.laender, r.kreise);
      return r.laender.length + r.kreise.length;
    },
  },
  {
    name: 'postcodes',
    files: ['postcodes-geonames/zipcodes.de.csv'],
    async load(db, [csv = '']) {
      const r = parsePostcodes(csv);
      await repo.replacePostcodes(db, r.postcodes, r.places);
      return r.postcodes.length;
    },
  },
  {
    name: 'kldb',
    files: ['kldb2010/kldb2010-v2020.csv'],
    async load(db, [csv = '']) {
      const nodes = parseKldb(csv);
      await repo.replaceKldb(db, nodes);
      return nodes.length;
    },
  },
  {
    name: 'occupations',
    files: ['occupations.json'],
    async load(db, [json = '']) {
      const list = parseOccupations(json);
      await repo.replaceOccupations(db, list);
      return list.length;
    },
  },
];

/**
 * Loads every reference data set whose files (or loader version) changed since the last load,
 * each inside its own transaction, logging one progress line per set. Idempotent: a second call
 * with unchanged files does nothing.
 * @returns names of the data sets loaded now
 */
export async function loadReferenceData(db: Kysely<Database>, log: FastifyBaseLogger): Promise<string[]> {
  const loaded: string[] = [];
  for (const [i, ds] of DATASETS.entries()) {
    const { texts, checksum: fileSum } = readDataFiles(ds.files);
    const checksum = `${LOADER_VERSION}:${fileSum}`;
    if ((await repo.selectDatasetChecksum(db, ds.name)) === checksum) continue;
    const started = Date.now();
    const rows = await db.transaction().execute(async (trx) => {
      const n = await ds.load(trx, texts);
      await repo.upsertDataset(trx, ds.name, checksum, n);
      return n;
    });
    log.info(
      `reference data ${i + 1}/${DATASETS.length}: ${ds.name} loaded (${rows} rows, ${Date.now() - started} ms)`,
    );
    loaded.push(ds.name);
  }
  if (loaded.length) clearCentroidCache(db);
  return loaded;
}
