import { cellOf } from './matching.grid';
import type { MatchModel } from './matching.model';
import { searchPlacesIndexed, searchPlacesNaive, searchStats } from './matching.search';
import { searchClientsIndexed, searchClientsNaive } from './matching.search-clients';
import { compileClientFilters, compilePlaceFilters, TopK } from './matching.topk';
import type { ClientFilters, PlaceFilters } from './matching.types';

/**
 * Batch runs: top-k lists for every client (or every place) of a model, as flat typed arrays, with a
 * progress callback. The parallel version (worker threads) is in matching.parallel.ts.
 */

/**
 * Top-k lists of a batch: row `r` (a client for a places batch, a place for a clients batch) holds
 * `items[r·k + j]` = table index of its j-th best match (−1 after the last) and `scores[r·k + j]`.
 * Table indices map to ids through `model.places.ids` / `model.clients.ids`.
 */
export interface BatchResult {
  k: number;
  rows: number;
  items: Int32Array;
  scores: Float64Array;
  /** Pairs scored by the indexed search (0 for a naive run). */
  pairs: number;
}

/** Progress: rows done of rows in total. */
export type ProgressCallback = (done: number, total: number) => void;

/** Options of a batch run. `from`/`to` restrict the rows (default all); `every` = rows between progress calls. */
export interface BatchOptions<F> {
  k: number;
  filters?: F;
  from?: number;
  to?: number;
  naive?: boolean;
  onProgress?: ProgressCallback;
  every?: number;
  /** Write into these arrays (length ≥ rows·k) instead of allocating. */
  target?: { items: Int32Array; scores: Float64Array };
  /**
   * Visiting order of the rows (a permutation; `from`/`to` index into it). Default for places batches:
   * `spatialOrder` — neighbouring clients one after the other, so they find the same buckets in the cache.
   * The lists do not depend on the order.
   */
  order?: Int32Array;
}

const orders = new WeakMap<MatchModel, Int32Array>();

/**
 * Clients ordered by bucket-grid cell, then by their best related occupation (clients without location
 * last): consecutive searches touch the same buckets, which stay in the processor cache. Computed once per
 * model (like the place index; the tables never change) and shared: callers must not modify it.
 */
export function spatialOrder(m: MatchModel): Int32Array {
  let order = orders.get(m);
  if (!order) {
    order = computeSpatialOrder(m);
    orders.set(m, order);
  }
  return order;
}

function computeSpatialOrder(m: MatchModel): Int32Array {
  const C = m.clients;
  const g = m.places.grid;
  const group = new Float64Array(C.n);
  for (let ci = 0; ci < C.n; ci++) {
    const cell = cellOf(g, C.lat[ci] as number, C.lon[ci] as number);
    const occ =
      C.relStart[ci] === C.relStart[ci + 1] ? 65535 : (C.relOcc[C.relStart[ci] as number] as number);
    group[ci] = cell * 65536 + occ;
  }
  const span = 2 ** Math.ceil(Math.log2(C.n + 1));
  if ((g.nCells + 1) * 65536 * span < 2 ** 53) {
    // Packed keys (group, index) sorted natively.
    const keys = Float64Array.from(group, (k, ci) => k * span + ci).sort();
    return Int32Array.from(keys, (k) => k % span);
  }
  return Int32Array.from({ length: C.n }, (_, i) => i).sort(
    (a, b) => (group[a] as number) - (group[b] as number) || a - b,
  );
}

function emptyResult(
  rows: number,
  k: number,
  target?: { items: Int32Array; scores: Float64Array },
): BatchResult {
  return {
    k,
    rows,
    items: target?.items ?? new Int32Array(rows * k).fill(-1),
    scores: target?.scores ?? new Float64Array(rows * k),
    pairs: 0,
  };
}

function copyRow(r: BatchResult, row: number, top: TopK): void {
  const o = row * r.k;
  for (let j = 0; j < r.k; j++) {
    r.items[o + j] = j < top.n ? (top.item[j] as number) : -1;
    r.scores[o + j] = j < top.n ? (top.score[j] as number) : 0;
  }
}

/** Best `k` places for every client (rows = clients, by table index). */
export function runPlacesBatch(m: MatchModel, opts: BatchOptions<PlaceFilters>): BatchResult {
  const n = m.clients.n;
  const from = opts.from ?? 0;
  const to = opts.to ?? n;
  const result = emptyResult(n, opts.k, opts.target);
  const f = compilePlaceFilters(m.catalogue, opts.filters);
  const top = new TopK(opts.k);
  const search = opts.naive ? searchPlacesNaive : searchPlacesIndexed;
  const every = opts.every ?? 10_000;
  const pairs0 = searchStats.pairs;
  const order = opts.order ?? spatialOrder(m);
  for (let i = from; i < to; i++) {
    const ci = order[i] as number;
    search(m, ci, f, top);
    copyRow(result, ci, top);
    if (opts.onProgress && (i - from + 1) % every === 0) opts.onProgress(i - from + 1, to - from);
  }
  result.pairs = searchStats.pairs - pairs0;
  opts.onProgress?.(to - from, to - from);
  return result;
}

/** Best `k` clients for every place (rows = places, by table index; places not open get empty rows). */
export function runClientsBatch(m: MatchModel, opts: BatchOptions<ClientFilters>): BatchResult {
  const n = m.places.n;
  const from = opts.from ?? 0;
  const to = opts.to ?? n;
  const result = emptyResult(n, opts.k, opts.target);
  const f = compileClientFilters(opts.filters);
  const top = new TopK(opts.k);
  const search = opts.naive ? searchClientsNaive : searchClientsIndexed;
  const every = opts.every ?? 10_000;
  for (let pi = from; pi < to; pi++) {
    search(m, pi, f, top);
    copyRow(result, pi, top);
    if (opts.onProgress && (pi - from + 1) % every === 0) opts.onProgress(pi - from + 1, to - from);
  }
  opts.onProgress?.(to - from, to - from);
  return result;
}

/** True when two batch results hold the same lists (same items and bit-identical scores). */
export function sameBatch(a: BatchResult, b: BatchResult): boolean {
  if (a.k !== b.k || a.rows !== b.rows) return false;
  for (let i = 0; i < a.items.length; i++) {
    if (a.items[i] !== b.items[i]) return false;
    if (!Object.is(a.scores[i], b.scores[i])) return false;
  }
  return true;
}
