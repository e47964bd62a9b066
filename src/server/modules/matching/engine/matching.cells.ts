import type { Allocator } from './matching.codes';
import { cellOf, emptyBoxes, type GridGeometry, gridGeometry, growBox } from './matching.grid';
import { addToStats, emptyStats, type GroupStats } from './matching.stats';

/** The cell structures of the place table: the sparse occupation buckets and the fine all-places copy. */

/**
 * Open places in cell order of a fine grid (`fineCellKmFor`), with the scoring
 * columns copied so a scan over all occupations reads memory in order. Within a cell the places are grouped
 * by kind: group `4·c + kind` holds rows `groupStart[4c + kind]` … next (cell `c` = rows `groupStart[4c]` …
 * `groupStart[4c + 4]`; the virtual cell last), and `stats` bounds each group — a client who wants
 * internships skips a cell's apprenticeships by their bound. Within a group, lower requirements come first
 * (German minimum, language support, school). `item[j]` is the place's PlaceTable index.
 */
export interface FineTable {
  grid: GridGeometry;
  box: Float64Array;
  groupStart: Int32Array;
  xyz: Float64Array;
  code: Uint16Array;
  start: Int32Array;
  item: Int32Array;
  stats: GroupStats;
}

/** The scoring columns of the open places (rows 0 … n−1 of the PlaceTable). */
export interface OpenPlaces {
  n: number;
  lat: Float64Array;
  lon: Float64Array;
  xyz: Float64Array;
  code: Uint16Array;
  start: Int32Array;
}

/**
 * Fine cell size (km) for the open places when none is given: half the bucket grid's cell, coarser for
 * sparse data — about 16 places per occupied bucket cell as the target, at most twice the bucket cell — so a
 * client's radius spans few mostly-empty cells (ADR 0004, performance notes).
 */
export function fineCellKmFor(cellStart: Int32Array, nCells: number, cellKm: number): number {
  let occupied = 0;
  for (let c = 0; c < nCells; c++) if (cellStart[c + 1] !== cellStart[c]) occupied++;
  const perCell = (cellStart[nCells] as number) / Math.max(1, occupied);
  const km = cellKm * Math.sqrt(16 / Math.max(1e-9, perCell));
  return Math.min(2 * cellKm, Math.max(cellKm / 2, km));
}

/** Builds the fine cell-ordered copy of the open places (see FineTable). */
export function fineTable(p: OpenPlaces, cellKm: number, a: Allocator): FineTable {
  const { n } = p;
  const grid = gridGeometry(p.lat.subarray(0, n), p.lon.subarray(0, n), cellKm);
  const nGroups = 4 * (grid.nCells + 1);
  const groupStart = a.i32(nGroups + 1);
  const groupOf = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const grp = 4 * cellOf(grid, p.lat[j] as number, p.lon[j] as number) + (((p.code[j] as number) >> 8) & 3);
    groupOf[j] = grp;
    (groupStart[grp + 1] as number)++;
  }
  for (let g = 0; g < nGroups; g++)
    groupStart[g + 1] = (groupStart[g + 1] as number) + (groupStart[g] as number);
  const f: FineTable = {
    grid,
    box: emptyBoxes(grid.nCells, a.f64),
    groupStart,
    xyz: a.f64(3 * n),
    code: a.u16(n),
    start: a.i32(n),
    item: a.i32(n),
    stats: emptyStats(nGroups, a),
  };
  // Within a group, lower requirements first (German minimum, then support, then school): the factor
  // tables are monotone, so for any client the places that can score best come early and fill the list.
  const SPAN = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const code = p.code[j] as number;
    const req = ((code >> 2) & 7) * 16 + (1 - ((code >> 1) & 1)) * 8 + ((code >> 5) & 7);
    keys[j] = ((groupOf[j] as number) * 128 + req) * SPAN + j;
  }
  keys.sort();
  for (let r = 0; r < n; r++) {
    const j = (keys[r] as number) % SPAN;
    const grp = groupOf[j] as number;
    f.item[r] = j;
    f.xyz.set(p.xyz.subarray(3 * j, 3 * j + 3), 3 * r);
    f.code[r] = p.code[j] as number;
    f.start[r] = p.start[j] as number;
    addToStats(f.stats, grp, p.code[j] as number, p.start[j] as number);
    const c = grp >> 2;
    if (c < grid.nCells)
      growBox(f.box, c, f.xyz[3 * r] as number, f.xyz[3 * r + 1] as number, f.xyz[3 * r + 2] as number);
  }
  return f;
}

/**
 * Non-empty buckets (occupation key, cell) of dense bucket offsets, in table order, with per-bucket stats
 * (see PlaceTable.bucketCell) and smallest rank. `code`/`start`/`rank` are the PlaceTable's columns.
 * `keyRowStart` is row-major (row · nKeys + key): the clients of one area, searched one after the other,
 * read the same few rows of it for all their occupations, so it stays in the processor cache.
 */
export function sparseBuckets(
  offsets: Int32Array,
  nKeys: number,
  g: GridGeometry,
  code: Uint16Array,
  start: Int32Array,
  rank: Int32Array,
  a: Allocator,
): {
  bucketMinRank: Int32Array;
  bucketCell: Int32Array;
  bucketCol: Uint16Array;
  bucketStart: Int32Array;
  keyRowStart: Int32Array;
  bucketStats: GroupStats;
} {
  const nCellsV = g.nCells + 1;
  let nBuckets = 0;
  for (let b = 0; b < nKeys * nCellsV; b++) if (offsets[b + 1] !== offsets[b]) nBuckets++;
  const bucketCell = a.i32(nBuckets);
  const bucketCol = a.u16(nBuckets);
  const bucketStart = a.i32(nBuckets + 1);
  const bucketStats = emptyStats(nBuckets, a);
  const bucketMinRank = a.i32(nBuckets);
  const keyRowStart = a.i32(nKeys * (g.rows + 2));
  let j = 0;
  for (let key = 0; key < nKeys; key++) {
    let row = 0;
    for (let cell = 0; cell < nCellsV; cell++) {
      const b = key * nCellsV + cell;
      const from = offsets[b] as number;
      const to = offsets[b + 1] as number;
      if (to === from) continue;
      const r = cell === g.nCells ? g.rows : Math.floor(cell / g.cols);
      while (row <= r) keyRowStart[row++ * nKeys + key] = j;
      bucketCell[j] = cell;
      bucketCol[j] = cell === g.nCells ? 0 : cell - r * g.cols;
      bucketStart[j] = from;
      let minRank = 2147483647;
      for (let i = from; i < to; i++) {
        addToStats(bucketStats, j, code[i] as number, start[i] as number);
        if ((rank[i] as number) < minRank) minRank = rank[i] as number;
      }
      bucketMinRank[j] = minRank;
      j++;
    }
    while (row < g.rows + 2) keyRowStart[row++ * nKeys + key] = j;
  }
  bucketStart[nBuckets] = offsets[nKeys * nCellsV] as number;
  return { bucketMinRank, bucketCell, bucketCol, bucketStart, keyRowStart, bucketStats };
}

/**
 * Each occupation key's open places in rank order, for clients without location: every place then has the
 * same distance value, so scores tie often and ties go to the smaller rank — a scan in rank order stops
 * as soon as the key's exact bound (`exactBound` over `stats`, one group per key) cannot beat the list's
 * last entry and the next rank is larger than the last entry's. Rows `keyStart[key]` … `keyStart[key+1]−1`
 * hold table rows `item[r]` with their `code` and `start` copied.
 */
export interface RankOrder {
  item: Int32Array;
  code: Uint16Array;
  start: Int32Array;
  keyStart: Int32Array;
  stats: GroupStats;
}

/** Builds the RankOrder of the open places (`offsets`: dense bucket offsets, key-major, as `sparseBuckets`). */
export function rankOrder(
  offsets: Int32Array,
  nKeys: number,
  nCellsV: number,
  code: Uint16Array,
  start: Int32Array,
  rank: Int32Array,
  a: Allocator,
): RankOrder {
  const nOpen = offsets[nKeys * nCellsV] as number;
  const r: RankOrder = {
    item: a.i32(nOpen),
    code: a.u16(nOpen),
    start: a.i32(nOpen),
    keyStart: a.i32(nKeys + 1),
    stats: emptyStats(nKeys, a),
  };
  for (let key = 0; key < nKeys; key++) {
    const from = offsets[key * nCellsV] as number;
    const to = offsets[(key + 1) * nCellsV] as number;
    r.keyStart[key] = from;
    const rows = Int32Array.from({ length: to - from }, (_, i) => from + i).sort(
      (x, y) => (rank[x] as number) - (rank[y] as number),
    );
    r.item.set(rows, from);
    for (let j = from; j < to; j++) {
      const i = r.item[j] as number;
      r.code[j] = code[i] as number;
      r.start[j] = start[i] as number;
      addToStats(r.stats, key, code[i] as number, start[i] as number);
    }
  }
  r.keyStart[nKeys] = nOpen;
  return r;
}
