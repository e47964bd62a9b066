import { parseMatchConfig, type TMatchConfig, type TMatchConfigInput } from './matching.config';
import { cellOf, type GridGeometry } from './matching.grid';
import { buildOccupationCatalogue, type OccupationCatalogue } from './matching.occupations';
import {
  type ClientCtx,
  makeScorer,
  newClientCtx,
  newPlaceCtx,
  type PlaceCtx,
  type Scorer,
} from './matching.score';
import { type ClientTable, compileClients, compilePlaces, type PlaceTable } from './matching.tables';
import type { MatchClient, MatchOccupation, MatchPlace } from './matching.types';

/**
 * A matching model: validated parameters, the occupation catalogue and the compiled client and place
 * tables with the place grid. Built once per run (an office's data, or the national benchmark set) and then
 * queried both ways; it holds no I/O and no clock.
 */
export interface MatchModel {
  readonly config: TMatchConfig;
  readonly scorer: Scorer;
  /** The input's occupations sorted by KldB code, then id: position = catalogue index. */
  readonly occupations: readonly MatchOccupation[];
  readonly catalogue: OccupationCatalogue;
  readonly places: PlaceTable;
  readonly clients: ClientTable;
  /** The client records in table order (explanations name the wished occupation from them). */
  readonly inputClients: readonly MatchClient[] | null;
  /** Built on first use (`topClientsForPlace`, batch over places). */
  clientIndex: unknown;
  /** Reusable buffers of the searches (one model per thread). */
  scratch: Scratch | null;
}

/** Per-thread buffers so a search allocates nothing. */
export interface Scratch {
  cells: Int32Array;
  chord2: Float64Array;
  vmax: Float64Array;
  levels: Uint8Array;
  mark: Uint8Array;
  ctx: ClientCtx;
  placeCtx: PlaceCtx;
  /** State of the indexed place search (matching.search.ts), created on its first use. */
  placeSearch: unknown;
}

/** Input of `createMatchModel`. */
export interface MatchModelInput {
  occupations: readonly MatchOccupation[];
  clients: readonly MatchClient[];
  places: readonly MatchPlace[];
  /** Weights and curve parameters; validated (see `parseMatchConfig`). */
  config?: TMatchConfigInput;
  /** Allocate the tables over SharedArrayBuffer (for worker threads). */
  shared?: boolean;
  /** Grid cell size of the place index, km (default 10). */
  cellKm?: number;
  /** Cell size of the all-occupation grid, km (default half of `cellKm`). */
  fineCellKm?: number;
  /** `PlaceTable.directMax` (default `DIRECT_SCAN_MAX`; tests set 0 to exercise the bucket path). */
  directMax?: number;
  /** `PlaceTable.rankChunk` (default `RANK_CHUNK`; tests set 1 to stop between any two places). */
  rankChunk?: number;
}

/**
 * Builds a model: validates the config, indexes occupations, compiles clients and places.
 * @throws MatchConfigError for invalid weights or parameters; Error for a `rankChunk` that is not an
 *   integer ≥ 1, a duplicate occupation id or a KldB code that is not 5 digits
 */
export function createMatchModel(input: MatchModelInput): MatchModel {
  const config = parseMatchConfig(input.config ?? {});
  // Occupation indices in KldB order: a client's related occupations (one KldB main group per wish) then
  // take one or two words of bits (ClientTable.relWord), which the search ANDs with the key masks.
  const occupations = [...input.occupations].sort((a, b) =>
    a.kldb < b.kldb ? -1 : a.kldb > b.kldb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const catalogue = buildOccupationCatalogue(occupations);
  const places = compilePlaces(input.places, catalogue, {
    shared: input.shared,
    cellKm: input.cellKm,
    fineCellKm: input.fineCellKm,
    directMax: input.directMax,
    rankChunk: input.rankChunk,
  });
  const clients = inVisitingOrder(input.clients, catalogue, places.grid);
  return {
    config,
    scorer: makeScorer(config),
    occupations,
    catalogue,
    places,
    clients: compileClients(clients, catalogue, config.defaultRadiusKm, { shared: input.shared }),
    inputClients: clients,
    clientIndex: null,
    scratch: null,
  };
}

/**
 * The clients in the order a batch visits them (`spatialOrder`: bucket-grid cell, then best wished
 * occupation): each search then reads its client's rows of the table in sequence instead of from all over
 * it (~5–10 % on the 10,000 × 10,000 sample). Table indices are internal; everything outside maps by id.
 */
function inVisitingOrder(
  list: readonly MatchClient[],
  cat: OccupationCatalogue,
  grid: GridGeometry,
): readonly MatchClient[] {
  // Packed keys (cell, occupation, position) below 2⁵³, sorted natively.
  const span = 2 ** Math.ceil(Math.log2(list.length + 1));
  if ((grid.nCells + 1) * 65536 * span >= 2 ** 53) return list;
  const keys = new Float64Array(list.length);
  list.forEach((c, i) => {
    const located = c.lat !== null && c.lon !== null && Number.isFinite(c.lat) && Number.isFinite(c.lon);
    const cell = located ? cellOf(grid, c.lat as number, c.lon as number) : grid.nCells;
    let occ = 65535;
    for (const id of c.wishedOccupationIds) occ = Math.min(occ, cat.indexOf.get(id) ?? 65535);
    keys[i] = (cell * 65536 + occ) * span + i;
  });
  keys.sort();
  return Array.from(keys, (k) => list[k % span] as MatchClient);
}

/** The tables of a model without the id strings: what a worker thread needs (shared buffers stay shared). */
export interface MatchModelData {
  config: TMatchConfig;
  occupations: readonly MatchOccupation[];
  places: PlaceTable;
  clients: ClientTable;
}

/** Strips a model to its transferable data (ids left out: workers answer with table indices). */
export function modelData(m: MatchModel): MatchModelData {
  return {
    config: m.config,
    occupations: m.occupations.map((o) => ({ id: o.id, kldb: o.kldb })),
    places: { ...m.places, ids: [] },
    clients: { ...m.clients, ids: [] },
  };
}

/** Rebuilds a model from `modelData` (inside a worker). */
export function modelFromData(d: MatchModelData): MatchModel {
  const config = parseMatchConfig(d.config);
  return {
    config,
    scorer: makeScorer(config),
    occupations: d.occupations,
    catalogue: buildOccupationCatalogue(d.occupations),
    places: d.places,
    clients: d.clients,
    inputClients: null,
    clientIndex: null,
    scratch: null,
  };
}

/** The model's scratch buffers, created on first use. */
export function scratchOf(m: MatchModel, cellsNeeded: number): Scratch {
  const need = Math.max(cellsNeeded, m.places.grid.nCells + 1);
  if (!m.scratch || m.scratch.cells.length < need) {
    m.scratch = {
      cells: new Int32Array(need),
      chord2: new Float64Array(need),
      vmax: new Float64Array(need),
      levels: new Uint8Array(m.catalogue.ids.length),
      mark: new Uint8Array(m.catalogue.ids.length),
      ctx: newClientCtx(),
      placeCtx: newPlaceCtx(),
      placeSearch: null,
    };
  }
  return m.scratch;
}
