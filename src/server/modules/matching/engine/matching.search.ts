import { chord2ToKm } from './matching.geo';
import { boxChord2, cellRect, cellsWithin } from './matching.grid';
import { type MatchModel, scratchOf } from './matching.model';
import { LEVEL_UNKNOWN, LEVEL_UNRELATED } from './matching.occupations';
import { type ClientCtx, occupationValue, prepareClient, reachable, scorePlace } from './matching.score';
import { restBound } from './matching.stats';
import type { PlaceTable } from './matching.tables';
import type { CompiledPlaceFilters, TopK } from './matching.topk';

/**
 * Best places for one client, two ways with identical results: `searchPlacesIndexed` (grid buckets per
 * occupation, pruned by the best score still reachable) and `searchPlacesNaive` (every place). Both score
 * with `scorePlace` and offer to a `TopK`, whose order does not depend on the offering order.
 */

/** Pairs scored by indexed searches so far (the benchmark's "candidate pairs"). */
export const searchStats = { pairs: 0 };

/** The place passes the kind, occupation and flag filters. */
function placeAllowed(P: PlaceTable, f: CompiledPlaceFilters, clientLicence: boolean, pi: number): boolean {
  if (((f.kindMask >> (P.kind[pi] as number)) & 1) === 0) return false;
  if (f.occAllowed !== null) {
    const o = P.occ[pi] as number;
    if (o < 0 || f.occAllowed[o] === 0) return false;
  }
  return !(f.withoutFlags && P.licence[pi] === 1 && !clientLicence);
}

/** Prepares the client; false when it can have no suggestion at all (no consent, or flagged and filtered). */
function prepare(m: MatchModel, f: CompiledPlaceFilters, ci: number, ctx: ClientCtx): boolean {
  const C = m.clients;
  const r = C.radiusChord2[ci] as number;
  prepareClient(m.scorer, C, ci, Math.min(f.maxChord2, r), ctx);
  return ctx.consent && !(f.withoutFlags && C.permitFlag[ci] !== 0);
}

/** Naive all-pairs reference: scores client `ci` against every place. */
export function searchPlacesNaive(m: MatchModel, ci: number, f: CompiledPlaceFilters, top: TopK): void {
  top.reset();
  const sc = scratchOf(m, 0);
  const ctx = sc.ctx;
  if (!prepare(m, f, ci, ctx)) return;
  const { places: P, clients: C, scorer } = m;
  const { levels } = sc;
  levels.fill(C.occInfo[ci] === 0 ? LEVEL_UNRELATED : LEVEL_UNKNOWN);
  for (let e = C.relStart[ci] as number; e < (C.relStart[ci + 1] as number); e++)
    levels[C.relOcc[e] as number] = C.relLevel[e] as number;
  const licence = C.licence[ci] === 1;
  for (let pi = 0; pi < P.n; pi++) {
    if (!placeAllowed(P, f, licence, pi)) continue;
    const o = P.occ[pi] as number;
    const vOcc = occupationValue(scorer, o < 0 ? LEVEL_UNKNOWN : (levels[o] as number));
    if (vOcc < 0) continue;
    if (scorePlace(ctx, P.xyz, P.code, P.start, pi, vOcc, 1, Number.NEGATIVE_INFINITY) !== 0) continue;
    const s = ctx.out[0] as number;
    if (s >= f.minScore) top.offer(s, P.rank[pi] as number, pi);
  }
}

/** Scores the places `from`…`to` of the table (one bucket) and offers them. */
function scanRange(
  ctx: ClientCtx,
  P: PlaceTable,
  f: CompiledPlaceFilters,
  licence: boolean,
  top: TopK,
  from: number,
  to: number,
  vOcc: number,
  vDistMax: number,
): void {
  const { rank, xyz, code, start } = P;
  const out = ctx.out;
  const min = f.minScore;
  for (let pi = from; pi < to; pi++) {
    if (!f.trivial && !placeAllowed(P, f, licence, pi)) continue;
    if (scorePlace(ctx, xyz, code, start, pi, vOcc, vDistMax, top.floor) !== 0) continue;
    const s = out[0] as number;
    if (s >= top.floor && s >= min) top.offer(s, rank[pi] as number, pi);
  }
  searchStats.pairs += to - from;
}

/** First index in [j, j1) whose value is ≥ `lo` in an ascending run (j1 when none): linear when short. */
function firstAtLeast(a: Int32Array, j: number, j1: number, lo: number): number {
  if (j1 - j <= 8) {
    while (j < j1 && (a[j] as number) < lo) j++;
    return j;
  }
  let hi = j1;
  while (j < hi) {
    const mid = (j + hi) >>> 1;
    if ((a[mid] as number) < lo) j = mid + 1;
    else hi = mid;
  }
  return j;
}

/**
 * State of the indexed searches of one model and thread (fields instead of closures: nothing is allocated
 * per client). `cellV[cell]` is the best distance value of a cell within the client's radius, −1 elsewhere.
 */
class PlaceSearch {
  readonly m: MatchModel;
  readonly P: PlaceTable;
  f!: CompiledPlaceFilters;
  ctx!: ClientCtx;
  top!: TopK;
  readonly cellV: Float64Array;
  readonly touched: Int32Array;
  readonly chord2: Float64Array;
  readonly fineCells: Int32Array;
  /** Cell offsets of the fine table (every fourth group start), for `cellsWithin`. */
  readonly fineCellStart: Int32Array;
  readonly rect = new Int32Array(4);
  nTouched = 0;
  row = 0;
  licence = false;

  constructor(m: MatchModel) {
    this.m = m;
    this.P = m.places;
    this.cellV = new Float64Array(m.places.grid.nCells).fill(-1);
    this.touched = new Int32Array(m.places.grid.nCells);
    this.chord2 = new Float64Array(m.places.fine.grid.nCells + 1);
    this.fineCells = new Int32Array(m.places.fine.grid.nCells + 1);
    const gs = m.places.fine.groupStart;
    this.fineCellStart = Int32Array.from({ length: m.places.fine.grid.nCells + 2 }, (_, c) => gs[4 * c] as number);
  }

  /** Marks the client's cells (non-empty, within the radius) with their best distance value. */
  markCells(lat: number, lon: number, radiusKm: number): number {
    const { P, ctx, cellV, touched, rect } = this;
    const g = P.grid;
    cellRect(g, lat, lon, radiusKm, rect);
    this.row = Math.min(g.rows - 1, Math.max(0, Math.floor((lat - g.lat0) / g.dLat)));
    let n = 0;
    let best = -1;
    for (let r = rect[0] as number; r <= (rect[1] as number); r++) {
      for (let c = rect[2] as number; c <= (rect[3] as number); c++) {
        const cell = r * g.cols + c;
        if (P.cellStart[cell] === P.cellStart[cell + 1]) continue;
        const lb = boxChord2(P.box, cell, ctx.x, ctx.y, ctx.z);
        if (lb > ctx.rc2) continue;
        const v = ctx.halfKm / (ctx.halfKm + chord2ToKm(lb));
        cellV[cell] = v;
        touched[n++] = cell;
        if (v > best) best = v;
      }
    }
    this.nTouched = n;
    return best;
  }

  /** Forgets the marks of the last client. */
  unmark(): void {
    for (let i = 0; i < this.nTouched; i++) this.cellV[this.touched[i] as number] = -1;
    this.nTouched = 0;
  }

  /** Scans buckets `j0` … `j1` of one key at distance value `v` each (virtual cell, or no client location). */
  private scanBuckets(j0: number, j1: number, vOcc: number, v: number): void {
    for (let j = j0; j < j1; j++) this.scanBucket(j, vOcc, v);
  }

  /** Scans bucket `j` unless the best score its places can reach (distance value ≤ `v`) cannot enter. */
  private scanBucket(j: number, vOcc: number, v: number): void {
    const { P, top, ctx } = this;
    restBound(ctx, P.bucketStats, j);
    const rest = ctx.out[1] as number;
    if (rest < 0 || top.prunes(ctx.wOcc * vOcc + ctx.wDist * v + rest)) return;
    scanRange(ctx, P, this.f, this.licence, top, P.bucketStart[j] as number, P.bucketStart[j + 1] as number, vOcc, v);
  }

  /**
   * Scans occupation key `key`: its buckets in the client's rectangle, rows from the client's row outwards
   * (near cells first, so the list fills with good scores early), each bucket pruned by its best reachable
   * score; then its places without coordinates.
   */
  scanKey(key: number, vOcc: number): void {
    const { P, top, ctx, cellV, rect } = this;
    const g = P.grid;
    const stride = g.rows + 2;
    const base = key * stride;
    const krs = P.keyRowStart;
    if (!ctx.hasLoc) {
      this.scanBuckets(krs[base] as number, krs[base + g.rows + 1] as number, vOcc, ctx.unknown);
      return;
    }
    const r0 = rect[0] as number;
    const r1 = rect[1] as number;
    const reach = Math.max(this.row - r0, r1 - this.row);
    for (let d = 0; d <= reach; d++) {
      for (let side = 0; side < 2; side++) {
        if (d === 0 && side === 1) break;
        const r = side === 0 ? this.row - d : this.row + d;
        if (r < r0 || r > r1) continue;
        let j = krs[base + r] as number;
        const j1 = krs[base + r + 1] as number;
        if (j === j1) continue;
        const lo = r * g.cols + (rect[2] as number);
        const hi = r * g.cols + (rect[3] as number);
        j = firstAtLeast(P.bucketCell, j, j1, lo);
        for (; j < j1; j++) {
          const cell = P.bucketCell[j] as number;
          if (cell > hi) break;
          const v = cellV[cell] as number;
          if (v < 0 || top.prunes(reachable(ctx, vOcc, v))) continue;
          scanRange(
            ctx,
            P,
            this.f,
            this.licence,
            top,
            P.bucketStart[j] as number,
            P.bucketStart[j + 1] as number,
            vOcc,
            v,
          );
        }
      }
    }
    this.scanBuckets(krs[base + g.rows] as number, krs[base + g.rows + 1] as number, vOcc, ctx.unknown);
  }

  /**
   * Scans all open places near the client (any occupation) on the fine grid, nearest cells first; `skip`
   * marks occupations already scanned by key. For clients without occupation information and the
   * unrelated rest.
   */
  scanCells(vOcc: number, skip: Uint8Array | null, lat: number, lon: number, radiusKm: number): void {
    const { P, top, ctx, chord2, fineCells } = this;
    const F = P.fine;
    const g = F.grid;
    const gs = F.groupStart;
    let n = 0;
    if (ctx.hasLoc) {
      // cellsWithin skips cells whose CSR range is empty; over groups of four, stride the starts by 4.
      n = cellsWithin(g, F.box, this.fineCellStart, lat, lon, ctx, radiusKm, ctx.rc2, fineCells, chord2);
      for (let i = 0; i < n; i++) chord2[i] = ctx.halfKm / (ctx.halfKm + chord2ToKm(chord2[i] as number));
    } else {
      for (let c = 0; c < g.nCells; c++) {
        if (gs[4 * c] === gs[4 * c + 4]) continue;
        fineCells[n] = c;
        chord2[n++] = ctx.unknown;
      }
    }
    fineCells[n] = g.nCells;
    chord2[n++] = ctx.unknown;
    const out = ctx.out;
    const min = this.f.minScore;
    for (let i = 0; i < n; i++) {
      const cell = fineCells[i] as number;
      if (gs[4 * cell] === gs[4 * cell + 4]) continue;
      const v = chord2[i] as number;
      if (top.prunes(reachable(ctx, vOcc, v))) {
        // Real cells come nearest first: none after this one can do better; the virtual cell is last.
        if (i < n - 2) i = n - 2;
        continue;
      }
      for (let grp = 4 * cell; grp < 4 * cell + 4; grp++) {
        const from = gs[grp] as number;
        const to = gs[grp + 1] as number;
        if (from === to) continue;
        // The group's own bound (its kind, start dates and requirements) may rule it out alone.
        restBound(ctx, F.stats, grp);
        const rest = out[1] as number;
        if (rest < 0 || top.prunes(ctx.wOcc * vOcc + ctx.wDist * v + rest)) continue;
        searchStats.pairs += to - from;
        for (let j = from; j < to; j++) {
          const pi = F.item[j] as number;
          if (skip !== null) {
            const o = P.occ[pi] as number;
            if (o < 0 || skip[o] === 1) continue;
          }
          if (!this.f.trivial && !placeAllowed(P, this.f, this.licence, pi)) continue;
          if (scorePlace(ctx, F.xyz, F.code, F.start, j, vOcc, v, top.floor) !== 0) continue;
          const s = out[0] as number;
          if (s >= top.floor && s >= min) top.offer(s, P.rank[pi] as number, pi);
        }
      }
    }
  }
}

const searches = new WeakMap<MatchModel, PlaceSearch>();

/**
 * Indexed search: only places that can pass the hard filters are scored. Occupation keys (each occupation
 * related to the client, "no occupation", or all places for a client without occupation information) are
 * visited best occupation value first; within a key, only its non-empty grid cells inside the client's
 * radius, near rows first. A cell is skipped when the best score it could reach cannot enter the list, and
 * the search ends once a whole key cannot (later keys have lower occupation values).
 */
export function searchPlacesIndexed(m: MatchModel, ci: number, f: CompiledPlaceFilters, top: TopK): void {
  top.reset();
  const sc = scratchOf(m, 0);
  const ctx = sc.ctx;
  if (!prepare(m, f, ci, ctx)) return;
  const { clients: C, scorer: s } = m;
  let search = searches.get(m);
  if (!search) {
    search = new PlaceSearch(m);
    searches.set(m, search);
  }
  search.f = f;
  search.ctx = ctx;
  search.top = top;
  search.licence = C.licence[ci] === 1;
  const lat = C.lat[ci] as number;
  const lon = C.lon[ci] as number;
  const radiusKm = Math.min(C.radiusKm[ci] as number, f.maxKm);
  const vNear = ctx.hasLoc ? search.markCells(lat, lon, radiusKm) : s.unknown;
  // The best distance value any bucket offers (the nearest cell, or the virtual one).
  const vBest = Math.max(vNear, s.unknown);
  try {
    const vUnknown = s.levelFit[LEVEL_UNKNOWN] as number;
    if (C.occInfo[ci] !== 0) {
      // No occupation information: every place has the unknown occupation value.
      search.scanCells(vUnknown, null, lat, lon, radiusKm);
      return;
    }
    const nOcc = m.catalogue.ids.length;
    const r0 = C.relStart[ci] as number;
    const r1 = C.relStart[ci + 1] as number;
    let unknownDone = f.occAllowed !== null; // places without occupation fail an occupation filter
    for (let e = r0; e < r1; e++) {
      const vOcc = s.levelFit[C.relLevel[e] as number] as number;
      if (!unknownDone && vUnknown > vOcc) {
        search.scanKey(nOcc, vUnknown);
        unknownDone = true;
      }
      // Keys come in falling occupation value: once one cannot reach the list, no later one can.
      if (top.prunes(reachable(ctx, Math.max(vOcc, unknownDone ? 0 : vUnknown), vBest))) return;
      const o = C.relOcc[e] as number;
      if (f.occAllowed !== null && f.occAllowed[o] === 0) continue;
      search.scanKey(o, vOcc);
    }
    if (!unknownDone) search.scanKey(nOcc, vUnknown);
    if (!s.requireRelation) {
      const { mark } = sc;
      for (let e = r0; e < r1; e++) mark[C.relOcc[e] as number] = 1;
      search.scanCells(occupationValue(s, LEVEL_UNRELATED), mark, lat, lon, radiusKm);
      for (let e = r0; e < r1; e++) mark[C.relOcc[e] as number] = 0;
    }
  } finally {
    search.unmark();
  }
}
