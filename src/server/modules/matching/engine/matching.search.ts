import { chord2ToKm, EARTH_RADIUS_KM, maxLonSpanDeg } from './matching.geo';
import { boxChord2, cellRect, cellsWithin } from './matching.grid';
import { type PlaceGate, scanPlaces } from './matching.kernel';
import { keyMasks, MAX_MASK_REACH, maskWords } from './matching.masks';
import { type MatchModel, scratchOf } from './matching.model';
import { LEVEL_UNKNOWN, LEVEL_UNRELATED } from './matching.occupations';
import { type ClientCtx, occupationValue, prepareClient } from './matching.score';
import { exactBound, restBound } from './matching.stats';
import type { ClientTable, PlaceTable } from './matching.tables';
import { type CompiledPlaceFilters, PRUNE_SLACK, type TopK } from './matching.topk';

/**
 * Best places for one client, two ways with identical results: `searchPlacesIndexed` (grid buckets per
 * occupation, pruned by the best score still reachable) and `searchPlacesNaive` (every place). Both score
 * with `scanPlaces` and offer to a `TopK`, whose order does not depend on the offering order.
 */

/** Kilometres per degree of latitude on the sphere of the distance factor. */
const DEG_KM = (EARTH_RADIUS_KM * Math.PI) / 180;

/** Pairs scored by indexed searches so far (the benchmark's "candidate pairs"). */
export const searchStats = { pairs: 0 };

/** Prepares the client; false when it can have no suggestion at all (no consent, or flagged and filtered). */
function prepare(m: MatchModel, f: CompiledPlaceFilters, ci: number, ctx: ClientCtx): boolean {
  const C = m.clients;
  // Without matching consent there is nothing to prepare (prepareClient would say the same).
  if (C.consent[ci] !== 1) return false;
  prepareClient(m.scorer, C, ci, Math.min(f.maxChord2, C.radiusChord2[ci] as number), ctx);
  ctx.minScore = f.minScore;
  return ctx.consent && !(f.withoutFlags && (C.permitFlag[ci] !== 0 || C.placed[ci] === 1));
}

/** The gate of a search: null when no filter applies per place. */
function gateOf(
  m: MatchModel,
  f: CompiledPlaceFilters,
  ci: number,
  skip: Uint8Array | null,
): PlaceGate | null {
  if (f.trivial && skip === null) return null;
  return { P: m.places, f, clientLicence: m.clients.licence[ci] === 1, skip };
}

/** Naive all-pairs reference: scores client `ci` against every place, one at a time. */
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
  const gate = gateOf(m, f, ci, null);
  // An infinite distance bound: the kernel never skips a pair, every score is computed in full.
  ctx.scanDistMax = Number.POSITIVE_INFINITY;
  ctx.radiusFirst = false;
  for (let pi = 0; pi < P.n; pi++) {
    const o = P.occ[pi] as number;
    const vOcc = occupationValue(scorer, o < 0 ? LEVEL_UNKNOWN : (levels[o] as number));
    if (vOcc < 0) continue;
    ctx.scanOcc = vOcc;
    scanPlaces(ctx, P.xyz, P.code, P.start, pi, pi + 1, top, P.rank, null, gate);
  }
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
 * State of the indexed searches of one model and thread: fields instead of closures and double arguments
 * (nothing is allocated per client). `cellV[cell]` caches a bucket-grid cell's best distance value for the
 * client (−1 outside the radius, NaN not yet computed); `vOcc` is the occupation value of the key scanned.
 */
class PlaceSearch {
  readonly P: PlaceTable;
  f!: CompiledPlaceFilters;
  ctx!: ClientCtx;
  top!: TopK;
  gate: PlaceGate | null = null;
  vOcc = 0.5;
  lat = 0.5;
  lon = 0.5;
  radiusKm = 0.5;
  /** Longitude span (degrees) of the client's radius in force (`maxLonSpanDeg`). */
  lonSpan = 0.5;
  readonly cellV: Float64Array;
  /** `keyRowStart` as place rows (`bucketStart` of its bucket): a key's places in rows r0 … r1 in one range. */
  readonly krp: Int32Array;
  /** 1 for a key with places without coordinates (the virtual cell). */
  readonly virtual: Uint8Array;
  readonly touched: Int32Array;
  readonly rect = new Int32Array(4);
  /** Per row of the client's rectangle (row − rect[0]): the best distance value its latitude band allows. */
  readonly rowV: Float64Array;
  rowReady = false;
  /** Keys with places in reach of the client's cell (`matching.masks.ts`) from word `mBase`; null: all. */
  mask: Int32Array | null = null;
  mBase = 0;
  /** `keyMasks` by reach, kept here (no look-up per client). */
  readonly masks: Array<Int32Array | null> = new Array(MAX_MASK_REACH + 1).fill(null);
  nTouched = 0;
  row = 0;
  readonly fineCells: Int32Array;
  readonly fineV: Float64Array;
  /** Cell offsets of the fine table (every fourth group start), for `cellsWithin`. */
  readonly fineCellStart: Int32Array;

  constructor(m: MatchModel) {
    this.P = m.places;
    const { grid, fine, keyRowStart: krs, bucketStart, nKeys } = m.places;
    this.krp = Int32Array.from(krs, (j) => bucketStart[j] as number);
    this.virtual = Uint8Array.from({ length: nKeys }, (_, key) =>
      (krs[(grid.rows + 1) * nKeys + key] as number) > (krs[grid.rows * nKeys + key] as number) ? 1 : 0,
    );
    this.cellV = new Float64Array(grid.nCells).fill(Number.NaN);
    this.touched = new Int32Array(grid.nCells);
    this.rowV = new Float64Array(grid.rows);
    this.fineV = new Float64Array(fine.grid.nCells + 1);
    this.fineCells = new Int32Array(fine.grid.nCells + 1);
    this.fineCellStart = Int32Array.from(
      { length: fine.grid.nCells + 2 },
      (_, c) => fine.groupStart[4 * c] as number,
    );
  }

  /**
   * Sets the client's position and radius in force (fields, not arguments: doubles passed to a call that is
   * not inlined would be boxed), its rectangle of bucket-grid cells and its row (cells are valued lazily).
   */
  setClient(C: ClientTable, ci: number, f: CompiledPlaceFilters): void {
    this.lat = C.lat[ci] as number;
    this.lon = C.lon[ci] as number;
    this.radiusKm = Math.min(C.radiusKm[ci] as number, f.maxKm);
    this.mask = null;
    if (!this.ctx.hasLoc) return;
    const g = this.P.grid;
    // The client's own span is precomputed; a filter's shorter radius computes its own.
    this.lonSpan =
      this.radiusKm === (C.radiusKm[ci] as number)
        ? (C.lonSpanDeg[ci] as number)
        : maxLonSpanDeg(Math.min(89.999, Math.abs(this.lat)), this.radiusKm);
    cellRect(g, this.lat, this.lon, this.radiusKm, this.rect, this.lonSpan);
    const row = Math.min(g.rows - 1, Math.max(0, Math.floor((this.lat - g.lat0) / g.dLat)));
    const col = Math.min(g.cols - 1, Math.max(0, Math.floor((this.lon - g.lon0) / g.dLon)));
    this.row = row;
    this.rowReady = false;
    const { rect } = this;
    const reach = Math.max(
      Math.abs(row - (rect[0] as number)),
      Math.abs((rect[1] as number) - row),
      Math.abs(col - (rect[2] as number)),
      Math.abs((rect[3] as number) - col),
    );
    let mask: Int32Array | null = null;
    if (reach <= MAX_MASK_REACH) {
      mask = this.masks[reach] ?? null;
      if (mask === null) {
        mask = keyMasks(this.P, reach);
        this.masks[reach] = mask;
      }
    }
    this.mask = mask;
    this.mBase = (row * g.cols + col) * maskWords(this.P);
  }

  /** False when key `key` has no place within the client's rectangle (nor one without coordinates). */
  near(key: number): boolean {
    const m = this.mask;
    return m === null || (((m[this.mBase + (key >>> 5)] as number) >>> (key & 31)) & 1) === 1;
  }

  /**
   * Fills `rowV` (first needed once the list is full): a place in row r is at least the latitude difference
   * to the band's nearer edge away (a great circle is never shorter than its difference in latitude); 1e-7°
   * (1 cm) of slack covers the rounding of the row assignment. The client's own row gets 1.
   */
  private valueRows(): void {
    const { rect, ctx, P } = this;
    const g = P.grid;
    const row = this.row;
    const r0 = rect[0] as number;
    const r1 = rect[1] as number;
    for (let r = r0; r <= r1; r++) {
      let dDeg = 0;
      if (r < row) dDeg = this.lat - (g.lat0 + (r + 1) * g.dLat);
      else if (r > row) dDeg = g.lat0 + r * g.dLat - this.lat;
      const km = Math.max(0, dDeg - 1e-7) * DEG_KM;
      this.rowV[r - r0] = ctx.halfKm / (ctx.halfKm + km);
    }
    this.rowReady = true;
  }

  /**
   * Computes (once per client and cell) `cellV[cell]`: the best distance value of a bucket-grid cell for the
   * client, −1 when no point of the cell can be within the radius. Most cells of the rectangle are never
   * visited, so they are never computed.
   */
  cellValue(cell: number): void {
    if (!Number.isNaN(this.cellV[cell] as number)) return;
    const { ctx, P } = this;
    const lb = boxChord2(P.box, cell, ctx.x, ctx.y, ctx.z);
    this.cellV[cell] = lb > ctx.rc2 ? -1 : ctx.halfKm / (ctx.halfKm + chord2ToKm(lb));
    this.touched[this.nTouched++] = cell;
  }

  /** Forgets the cell values of the last client. */
  unmark(): void {
    for (let i = 0; i < this.nTouched; i++) this.cellV[this.touched[i] as number] = Number.NaN;
    this.nTouched = 0;
  }

  /**
   * Scans bucket `j` with distance value at most `cellV` of its cell (`unknown` for the virtual cell or a
   * client without location), unless the best score its places can reach cannot enter the list.
   */
  scanBucket(j: number, virtual: boolean): void {
    const { P, top, ctx } = this;
    let v = ctx.unknown;
    if (!virtual && ctx.hasLoc) {
      const cell = P.bucketCell[j] as number;
      this.cellValue(cell);
      v = this.cellV[cell] as number;
      if (v < 0) return;
    }
    if (top.n === top.k) {
      if (ctx.wOcc * this.vOcc + ctx.wDist * v + ctx.restMax + PRUNE_SLACK < top.floor) return;
      restBound(ctx, P.bucketStats, j);
      const rest = ctx.out[1] as number;
      if (rest < 0 || ctx.wOcc * this.vOcc + ctx.wDist * v + rest + PRUNE_SLACK < top.floor) return;
      if (virtual) {
        // Places without coordinates all have the unknown distance value, so their scores tie often: the
        // exact bound skips a bucket that could at best tie the last entry and ranks after it.
        exactBound(ctx, P.bucketStats, j, ctx.wOcc * this.vOcc, ctx.wDist * ctx.unknown);
        const b = ctx.out[1] as number;
        if (
          b < top.floor ||
          (b === top.floor && (P.bucketMinRank[j] as number) > (top.rank[top.k - 1] as number))
        )
          return;
      }
    }
    ctx.scanOcc = this.vOcc;
    ctx.scanDistMax = v;
    ctx.radiusFirst = true;
    const from = P.bucketStart[j] as number;
    const to = P.bucketStart[j + 1] as number;
    searchStats.pairs += scanPlaces(ctx, P.xyz, P.code, P.start, from, to, top, P.rank, null, this.gate);
  }

  /** Scans places `from` … `to − 1` in one call of the kernel, with no distance bound (value 1). */
  scanRun(from: number, to: number): void {
    const { P, ctx } = this;
    ctx.scanOcc = this.vOcc;
    ctx.scanDistMax = 1;
    ctx.radiusFirst = true;
    searchStats.pairs += scanPlaces(ctx, P.xyz, P.code, P.start, from, to, this.top, P.rank, null, this.gate);
  }

  /**
   * Scans occupation key `key` (value `this.vOcc`): its buckets in the client's rectangle, rows from the
   * client's row outwards (near cells first, so the list fills with good scores early), then its places
   * without coordinates. Without client location: all its places, in rank order (`scanByRank`).
   */
  scanKey(key: number): void {
    const { P, ctx, rect, krp } = this;
    const g = P.grid;
    const nK = P.nKeys;
    const krs = P.keyRowStart;
    if (!ctx.hasLoc) {
      this.scanByRank(key);
      return;
    }
    const r0 = rect[0] as number;
    const r1 = rect[1] as number;
    const p0 = krp[r0 * nK + key] as number;
    const p1 = krp[(r1 + 1) * nK + key] as number;
    if (p1 === p0) {
      // No place of the key in the rectangle's rows.
    } else if (p1 - p0 <= P.directMax) {
      // Few places in the whole latitude band (they are consecutive): one kernel call, whose radius test
      // is exact, costs less than visiting their buckets one by one.
      this.scanRun(p0, p1);
    } else {
      // Few buckets in the rows: visit them directly, else row by row from the client's row outwards.
      const j0 = krs[r0 * nK + key] as number;
      const j1 = krs[(r1 + 1) * nK + key] as number;
      if (j1 - j0 <= 8) {
        const c0 = rect[2] as number;
        const c1 = rect[3] as number;
        for (let j = j0; j < j1; j++) {
          const col = P.bucketCol[j] as number;
          if (col >= c0 && col <= c1) this.scanBucket(j, false);
        }
      } else this.scanRows(key, r0, r1);
    }
    if (this.virtual[key] === 1) {
      const vEnd = krs[(g.rows + 1) * nK + key] as number;
      for (let j = krs[g.rows * nK + key] as number; j < vEnd; j++) this.scanBucket(j, true);
    }
  }

  /**
   * Key `key` for a client without location: its places in rank order, `P.rankChunk` at a time; stops once the
   * list is full and the key's exact bound is below its last score, or equal to it with the next place
   * ranking after the last entry (a tie goes to the smaller rank). The kernel reads no coordinates for a
   * client without location, so the table's `xyz` goes along unused (its rows are not in rank order).
   */
  private scanByRank(key: number): void {
    const { P, ctx, top } = this;
    const R = P.byRank;
    const to = R.keyStart[key + 1] as number;
    exactBound(ctx, R.stats, key, ctx.wOcc * this.vOcc, ctx.wDist * ctx.unknown);
    const bound = ctx.out[1] as number;
    ctx.scanOcc = this.vOcc;
    ctx.scanDistMax = ctx.unknown;
    const chunk = P.rankChunk;
    for (let j = R.keyStart[key] as number; j < to; j += chunk) {
      if (top.n === top.k) {
        if (bound < top.floor) return;
        if (bound === top.floor && (P.rank[R.item[j] as number] as number) > (top.rank[top.k - 1] as number))
          return;
      }
      const end = Math.min(to, j + chunk);
      searchStats.pairs += scanPlaces(ctx, P.xyz, R.code, R.start, j, end, top, P.rank, R.item, this.gate);
    }
  }

  /**
   * The rows `r0` … `r1` of occupation key `key`, from the client's row outwards. Once the
   * list is full, a side (north or south) ends at the first row whose latitude band alone keeps every place
   * out of the list: rows further out are further away.
   */
  private scanRows(key: number, r0: number, r1: number): void {
    const { P, rect, top, ctx, rowV } = this;
    const g = P.grid;
    const nK = P.nKeys;
    const krs = P.keyRowStart;
    const reach = Math.max(this.row - r0, r1 - this.row);
    let open = 3; // bit 0: rows to the south still open, bit 1: rows to the north
    for (let d = 0; d <= reach && open !== 0; d++) {
      for (let side = 0; side < 2; side++) {
        if (d === 0 && side === 1) break;
        if (((open >> side) & 1) === 0) continue;
        const r = side === 0 ? this.row - d : this.row + d;
        if (r < r0 || r > r1) continue;
        if (top.n === top.k) {
          if (!this.rowReady) this.valueRows();
          const vRow = rowV[r - r0] as number;
          if (ctx.wOcc * this.vOcc + ctx.wDist * vRow + ctx.restMax + PRUNE_SLACK < top.floor) {
            open &= d === 0 ? 0 : ~(1 << side);
            continue;
          }
        }
        let j = krs[r * nK + key] as number;
        const j1 = krs[(r + 1) * nK + key] as number;
        if (j === j1) continue;
        const lo = r * g.cols + (rect[2] as number);
        const hi = r * g.cols + (rect[3] as number);
        for (j = firstAtLeast(P.bucketCell, j, j1, lo); j < j1; j++) {
          if ((P.bucketCell[j] as number) > hi) break;
          this.scanBucket(j, false);
        }
      }
    }
  }

  /**
   * Scans all open places near the client (any occupation; `gate` may skip occupations already scanned)
   * on the fine grid, nearest cells first, each cell's kinds as separate groups with their own bound. For
   * clients without occupation information and the unrelated rest.
   */
  scanCells(gate: PlaceGate | null): void {
    const { lat, lon, radiusKm } = this;
    const { P, top, ctx, fineV, fineCells } = this;
    const F = P.fine;
    const g = F.grid;
    const gs = F.groupStart;
    const vOcc = this.vOcc;
    let n = 0;
    if (ctx.hasLoc) {
      n = cellsWithin(
        g,
        F.box,
        this.fineCellStart,
        lat,
        lon,
        ctx,
        radiusKm,
        ctx.rc2,
        fineCells,
        fineV,
        this.lonSpan,
      );
      for (let i = 0; i < n; i++) fineV[i] = ctx.halfKm / (ctx.halfKm + chord2ToKm(fineV[i] as number));
    } else {
      for (let c = 0; c < g.nCells; c++) {
        if (gs[4 * c] === gs[4 * c + 4]) continue;
        fineCells[n] = c;
        fineV[n++] = ctx.unknown;
      }
    }
    fineCells[n] = g.nCells;
    fineV[n++] = ctx.unknown;
    ctx.scanOcc = vOcc;
    for (let i = 0; i < n; i++) {
      const cell = fineCells[i] as number;
      if (gs[4 * cell] === gs[4 * cell + 4]) continue;
      const v = fineV[i] as number;
      if (ctx.wOcc * vOcc + ctx.wDist * v + ctx.restMax + PRUNE_SLACK < top.floor) {
        // Real cells come nearest first: none after this one can do better; the virtual cell is last.
        if (i < n - 2) i = n - 2;
        continue;
      }
      ctx.scanDistMax = v;
      ctx.radiusFirst = true;
      for (let grp = 4 * cell; grp < 4 * cell + 4; grp++) {
        const from = gs[grp] as number;
        const to = gs[grp + 1] as number;
        if (from === to) continue;
        if (top.n === top.k) {
          // The group's own bound (its kind, start dates and requirements) may rule it out alone.
          restBound(ctx, F.stats, grp);
          const rest = ctx.out[1] as number;
          if (rest < 0 || ctx.wOcc * vOcc + ctx.wDist * v + rest + PRUNE_SLACK < top.floor) continue;
        }
        searchStats.pairs += scanPlaces(ctx, F.xyz, F.code, F.start, from, to, top, P.rank, F.item, gate);
      }
    }
  }
}

/**
 * Indexed search: only places that can pass the hard filters are scored. Occupation keys (each occupation
 * related to the client, "no occupation", or all places for a client without occupation information) are
 * visited best occupation value first; within a key, only its non-empty grid cells inside the client's
 * radius, near rows first. A bucket is skipped when the best score its places could reach cannot enter
 * the list, and the search ends once a whole key cannot (later keys have lower occupation values).
 */
export function searchPlacesIndexed(m: MatchModel, ci: number, f: CompiledPlaceFilters, top: TopK): void {
  top.reset();
  const sc = scratchOf(m, 0);
  const ctx = sc.ctx;
  if (!prepare(m, f, ci, ctx)) return;
  const { clients: C, scorer: s } = m;
  // Kept with the model's scratch buffers (one per model and thread): no look-up per client.
  let search = sc.placeSearch as PlaceSearch | null;
  if (search === null) {
    search = new PlaceSearch(m);
    sc.placeSearch = search;
  }
  search.f = f;
  search.ctx = ctx;
  search.top = top;
  search.gate = gateOf(m, f, ci, null);
  search.setClient(C, ci, f);
  // The best distance value any bucket can offer (a cell at distance 0, or the virtual one).
  const vBest = ctx.hasLoc ? 1 : s.unknown;
  try {
    const vUnknown = s.levelFit[LEVEL_UNKNOWN] as number;
    if (C.occInfo[ci] !== 0) {
      // No occupation information: every place has the unknown occupation value.
      search.vOcc = vUnknown;
      search.scanCells(search.gate);
      return;
    }
    const nOcc = m.catalogue.ids.length;
    const r0 = C.relStart[ci] as number;
    const r1 = C.relStart[ci + 1] as number;
    let unknownDone = f.occAllowed !== null; // places without occupation fail an occupation filter
    // The relation as words of occupation bits (one level each, best level first) ANDed with the key mask
    // of the client's cell: only occupations with a place in reach are visited (~5.5 of ~24 on the sample).
    const { relWord, relBits } = C;
    const { levelFit } = s;
    const { mask, mBase } = search;
    const { occAllowed } = f;
    const wOcc = ctx.wOcc;
    const others = ctx.wDist * vBest + ctx.restMax + PRUNE_SLACK;
    const w1 = C.relWordStart[ci + 1] as number;
    for (let t = C.relWordStart[ci] as number; t < w1; t++) {
      const lw = relWord[t] as number;
      const vOcc = levelFit[lw >>> 12] as number;
      if (!unknownDone && vUnknown > vOcc) {
        search.vOcc = vUnknown;
        if (search.near(nOcc)) search.scanKey(nOcc);
        unknownDone = true;
      }
      const word = lw & 4095;
      let bits = relBits[t] as number;
      if (mask !== null) bits &= mask[mBase + word] as number;
      // Keys come in falling occupation value: once one cannot reach the list, no later one can.
      const vKey = vOcc > vUnknown || unknownDone ? vOcc : vUnknown;
      while (bits !== 0) {
        if (wOcc * vKey + others < top.floor) return;
        const low = bits & -bits;
        bits ^= low;
        const o = word * 32 + 31 - Math.clz32(low);
        if (occAllowed !== null && occAllowed[o] === 0) continue;
        search.vOcc = vOcc;
        search.scanKey(o);
      }
    }
    if (!unknownDone && search.near(nOcc)) {
      search.vOcc = vUnknown;
      search.scanKey(nOcc);
    }
    if (!s.requireRelation) {
      const { mark } = sc;
      for (let e = r0; e < r1; e++) mark[C.relOcc[e] as number] = 1;
      search.vOcc = occupationValue(s, LEVEL_UNRELATED);
      search.scanCells(gateOf(m, f, ci, mark));
      for (let e = r0; e < r1; e++) mark[C.relOcc[e] as number] = 0;
    }
  } finally {
    search.unmark();
  }
}
