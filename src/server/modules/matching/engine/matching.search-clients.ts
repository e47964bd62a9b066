import { chord2ToKm, kmToChord2 } from './matching.geo';
import { cellOf, cellsWithin, emptyBoxes, type GridGeometry, gridGeometry, growBox } from './matching.grid';
import { type MatchModel, scratchOf } from './matching.model';
import { LEVEL_UNKNOWN, LEVEL_UNRELATED } from './matching.occupations';
import {
  matchable,
  occupationValue,
  type PlaceCtx,
  preparePlace,
  reachableAt,
  scoreClient,
} from './matching.score';
import type { CompiledClientFilters, TopK } from './matching.topk';

/**
 * Best clients for one place, indexed and naive (identical results). The client index keeps one entry per
 * (client, related occupation) — plus one in the "no occupation information" bucket for clients without —
 * sorted by (occupation key, cell, level), so a place scans only the clients related to its occupation.
 */
export interface ClientIndex {
  grid: GridGeometry;
  box: Float64Array;
  nKeys: number;
  offsets: Int32Array;
  entClient: Int32Array;
  entLevel: Uint8Array;
  /** Consenting clients by cell (any occupation). */
  cellStart: Int32Array;
  cellItems: Int32Array;
  /** Largest mobility-radius chord² of the clients in each cell. */
  cellMaxChord2: Float64Array;
  maxRadiusKm: number;
  cells: Int32Array;
  chord2: Float64Array;
  vmax: Float64Array;
}

/** Builds (once) the client index of a model. */
export function clientIndexOf(m: MatchModel, cellKm = 10): ClientIndex {
  if (m.clientIndex) return m.clientIndex as ClientIndex;
  const C = m.clients;
  const nOcc = m.catalogue.ids.length;
  const nKeys = nOcc + 1;
  const grid = gridGeometry(C.lat, C.lon, cellKm);
  const nCellsV = grid.nCells + 1;
  const cellOfClient = new Int32Array(C.n);
  const box = emptyBoxes(grid.nCells, (n) => new Float64Array(n));
  const cellStart = new Int32Array(nCellsV + 1);
  const cellMaxChord2 = new Float64Array(nCellsV);
  let maxRadiusKm = 0;
  let nEnt = 0;
  let nCons = 0;
  for (let ci = 0; ci < C.n; ci++) {
    if (C.consent[ci] === 0 || !matchable(C, ci)) continue;
    nCons++;
    const c = cellOf(grid, C.lat[ci] as number, C.lon[ci] as number);
    cellOfClient[ci] = c;
    (cellStart[c + 1] as number)++;
    if (c < grid.nCells) growBox(box, c, C.x[ci] as number, C.y[ci] as number, C.z[ci] as number);
    const r2 = C.radiusChord2[ci] as number;
    if (r2 > (cellMaxChord2[c] as number)) cellMaxChord2[c] = r2;
    if ((C.radiusKm[ci] as number) > maxRadiusKm) maxRadiusKm = C.radiusKm[ci] as number;
    nEnt += C.occInfo[ci] === 0 ? (C.relStart[ci + 1] as number) - (C.relStart[ci] as number) : 1;
  }
  for (let c = 0; c < nCellsV; c++)
    cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const cellItems = new Int32Array(nCons);
  const fill = Int32Array.from(cellStart.subarray(0, nCellsV));
  // Entries in level order first, then a stable counting sort by bucket: (key, cell, level) order.
  const byLevel: number[][] = Array.from({ length: 8 }, () => []);
  for (let ci = 0; ci < C.n; ci++) {
    if (C.consent[ci] === 0 || !matchable(C, ci)) continue;
    cellItems[(fill[cellOfClient[ci] as number] as number)++] = ci;
    if (C.occInfo[ci] !== 0) (byLevel[LEVEL_UNKNOWN] as number[]).push(ci, nOcc);
    else
      for (let e = C.relStart[ci] as number; e < (C.relStart[ci + 1] as number); e++)
        (byLevel[C.relLevel[e] as number] as number[]).push(ci, C.relOcc[e] as number);
  }
  const offsets = new Int32Array(nKeys * nCellsV + 1);
  for (const list of byLevel)
    for (let i = 0; i < list.length; i += 2)
      (offsets[
        (list[i + 1] as number) * nCellsV + (cellOfClient[list[i] as number] as number) + 1
      ] as number)++;
  for (let b = 0; b < nKeys * nCellsV; b++)
    offsets[b + 1] = (offsets[b + 1] as number) + (offsets[b] as number);
  const next = Int32Array.from(offsets.subarray(0, nKeys * nCellsV));
  const entClient = new Int32Array(nEnt);
  const entLevel = new Uint8Array(nEnt);
  byLevel.forEach((list, level) => {
    for (let i = 0; i < list.length; i += 2) {
      const ci = list[i] as number;
      const j = (next[(list[i + 1] as number) * nCellsV + (cellOfClient[ci] as number)] as number)++;
      entClient[j] = ci;
      entLevel[j] = level;
    }
  });
  const idx: ClientIndex = {
    grid,
    box,
    nKeys,
    offsets,
    entClient,
    entLevel,
    cellStart,
    cellItems,
    cellMaxChord2,
    maxRadiusKm,
    cells: new Int32Array(nCellsV),
    chord2: new Float64Array(nCellsV),
    vmax: new Float64Array(nCellsV),
  };
  m.clientIndex = idx;
  return idx;
}

/** Occupation level of client `ci` for occupation `o` (−1 = place without occupation). */
export function levelOf(m: MatchModel, ci: number, o: number): number {
  const C = m.clients;
  if (o < 0 || C.occInfo[ci] !== 0) return LEVEL_UNKNOWN;
  for (let e = C.relStart[ci] as number; e < (C.relStart[ci + 1] as number); e++)
    if (C.relOcc[e] === o) return C.relLevel[e] as number;
  return LEVEL_UNRELATED;
}

function clientAllowed(m: MatchModel, f: CompiledClientFilters, ci: number, pi: number): boolean {
  if (!f.withoutFlags) return true;
  const C = m.clients;
  return C.permitFlag[ci] === 0 && C.placed[ci] === 0 && !(m.places.licence[pi] === 1 && C.licence[ci] === 0);
}

/** Scores client `ci` at the prepared place and offers it. */
function offerClient(
  m: MatchModel,
  f: CompiledClientFilters,
  p: PlaceCtx,
  top: TopK,
  ci: number,
  level: number,
): void {
  if (!clientAllowed(m, f, ci, p.pi)) return;
  const vOcc = occupationValue(m.scorer, level);
  if (vOcc < 0) return;
  const C = m.clients;
  const r = C.radiusChord2[ci] as number;
  if (scoreClient(p, C, ci, vOcc, Math.min(f.maxChord2, r)) !== 0) return;
  const s = p.out[0] as number;
  if (s >= f.minScore) top.offer(s, C.rank[ci] as number, ci);
}

/** Naive reference: scores place `pi` against every client (with consent). */
export function searchClientsNaive(m: MatchModel, pi: number, f: CompiledClientFilters, top: TopK): void {
  top.reset();
  const { places: P, clients: C } = m;
  if (P.open[pi] === 0) return;
  const p = preparePlace(m.scorer, P, pi, scratchOf(m, 0).placeCtx);
  const o = P.occ[pi] as number;
  for (let ci = 0; ci < C.n; ci++)
    if (C.consent[ci] === 1 && matchable(C, ci)) offerClient(m, f, p, top, ci, levelOf(m, ci, o));
}

/** Indexed search for the best clients of place `pi` (same result as `searchClientsNaive`). */
export function searchClientsIndexed(m: MatchModel, pi: number, f: CompiledClientFilters, top: TopK): void {
  top.reset();
  const { places: P, scorer: s } = m;
  if (P.open[pi] === 0) return;
  const p = preparePlace(s, P, pi, scratchOf(m, 0).placeCtx);
  const X = clientIndexOf(m);
  const g = X.grid;
  const nCellsV = g.nCells + 1;
  const { cells, chord2, vmax } = X;
  let nc = 0;
  if (p.hasLoc) {
    const radiusKm = Math.min(X.maxRadiusKm, f.maxKm);
    const n = cellsWithin(
      g,
      X.box,
      X.cellStart,
      P.lat[pi] as number,
      P.lon[pi] as number,
      p,
      radiusKm,
      kmToChord2(radiusKm),
      cells,
      chord2,
    );
    for (let i = 0; i < n; i++) {
      const c = cells[i] as number;
      if ((chord2[i] as number) > Math.min(X.cellMaxChord2[c] as number, f.maxChord2)) continue;
      cells[nc] = c;
      vmax[nc++] = s.halfKm / (s.halfKm + chord2ToKm(chord2[i] as number));
    }
  } else {
    for (let c = 0; c < g.nCells; c++) {
      if (X.cellStart[c + 1] === X.cellStart[c]) continue;
      cells[nc] = c;
      vmax[nc++] = s.unknown;
    }
  }
  cells[nc] = g.nCells;
  vmax[nc++] = s.unknown;

  const scanBucket = (key: number) => {
    for (let i = 0; i < nc; i++) {
      const b = key * nCellsV + (cells[i] as number);
      const start = X.offsets[b] as number;
      const end = X.offsets[b + 1] as number;
      if (start === end) continue;
      // Entries are sorted by level within a bucket: the first one has the best occupation value.
      const best = s.levelFit[X.entLevel[start] as number] as number;
      if (top.prunes(reachableAt(p, best, vmax[i] as number))) continue;
      for (let j = start; j < end; j++)
        offerClient(m, f, p, top, X.entClient[j] as number, X.entLevel[j] as number);
    }
  };
  const o = P.occ[pi] as number;
  const scanAll = (unrelatedOnly: boolean) => {
    const vOcc = occupationValue(s, unrelatedOnly ? LEVEL_UNRELATED : LEVEL_UNKNOWN);
    for (let i = 0; i < nc; i++) {
      const c = cells[i] as number;
      if (top.prunes(reachableAt(p, vOcc, vmax[i] as number))) continue;
      for (let j = X.cellStart[c] as number; j < (X.cellStart[c + 1] as number); j++) {
        const ci = X.cellItems[j] as number;
        const level = levelOf(m, ci, o);
        if (unrelatedOnly && level !== LEVEL_UNRELATED) continue;
        offerClient(m, f, p, top, ci, level);
      }
    }
  };
  if (o < 0) {
    scanAll(false);
    return;
  }
  scanBucket(o);
  scanBucket(X.nKeys - 1);
  if (!s.requireRelation) scanAll(true);
}
