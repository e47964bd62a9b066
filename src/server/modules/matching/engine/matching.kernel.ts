import { NO_DAY } from './matching.codes';
import { EARTH_RADIUS_KM } from './matching.geo';
import type { ClientCtx } from './matching.score';
import type { PlaceTable } from './matching.tables';
import type { CompiledPlaceFilters, TopK } from './matching.topk';

/**
 * The scoring kernel: scores the prepared client against a run of places and offers every pair that can
 * enter the list. It is the one place where a client × place score is computed (the indexed search, the
 * naive scan and the explanations all call it), so scores are bit-identical everywhere. The factor values
 * are those of the factor functions in matching.score.ts, read from the client's prepared tables; the sum
 * runs in one fixed order — occupation, language, school, start, kind, then distance — which
 * `scoreClient` (the place's side) repeats. Every field of the context is read once per run into a local:
 * the loop touches only the place columns.
 */

/** The filters a run must apply per place (null when none applies). */
export interface PlaceGate {
  P: PlaceTable;
  f: CompiledPlaceFilters;
  clientLicence: boolean;
  /** Occupations already scanned (1): skip their places, and places without occupation, in this run. */
  skip: Uint8Array | null;
}

/** Whether place `pi` passes the gate: kind, occupation and flag filters, occupations to skip. */
export function gateAllows(g: PlaceGate, pi: number): boolean {
  const { P, f } = g;
  if (g.skip !== null) {
    const o = P.occ[pi] as number;
    if (o < 0 || g.skip[o] === 1) return false;
  }
  if (((f.kindMask >> (P.kind[pi] as number)) & 1) === 0) return false;
  if (f.occAllowed !== null) {
    const o = P.occ[pi] as number;
    if (o < 0 || f.occAllowed[o] === 0) return false;
  }
  return !(f.withoutFlags && P.licence[pi] === 1 && !g.clientLicence);
}

/** Squared chord from (cx, cy, cz) to row `j` of `xyz`; NaN for a row without coordinates (small: inlined). */
function chord2At(xyz: Float64Array, j: number, cx: number, cy: number, cz: number): number {
  const dx = cx - (xyz[3 * j] as number);
  const dy = cy - (xyz[3 * j + 1] as number);
  const dz = cz - (xyz[3 * j + 2] as number);
  return dx * dx + dy * dy + dz * dz;
}

/**
 * Scores rows `from` … `to` of the scoring columns (`xyz`, `codes`, `starts`: the PlaceTable's or its fine
 * copy's) with occupation value `c.scanOcc` and offers each pair scoring ≥ `c.minScore` to `top`, ranked by
 * `rank[pi]` where `pi = item[j]` (or `j` when `item` is null). Places that are not open, more than the
 * allowed German levels below, or beyond the radius are skipped; so are pairs that cannot reach the list
 * even with distance value `c.scanDistMax` (their exact distance is not computed; the naive scan sets +∞,
 * so it computes every pair in full).
 * The three doubles travel in the context, not as arguments: a call that is not inlined would box them.
 * @returns the number of rows looked at (the benchmark's candidate pairs)
 */
export function scanPlaces(
  c: ClientCtx,
  xyz: Float64Array,
  codes: Uint16Array,
  starts: Int32Array,
  from: number,
  to: number,
  top: TopK,
  rank: Int32Array,
  item: Int32Array | null,
  gate: PlaceGate | null,
): number {
  const { lang, school, kind, hasLoc, unknown, windowKnown, wStart, wDist, halfKm, minScore } = c;
  const vOcc = c.scanOcc;
  const vDistMax = c.scanDistMax;
  const radiusFirst = c.radiusFirst;
  const cx = c.x;
  const cy = c.y;
  const cz = c.z;
  const rc2 = c.rc2;
  const winFrom = c.from;
  const winUntil = c.until;
  const tol = c.tolDays;
  const occPart = c.wOcc * vOcc;
  // With vDistMax = +∞ (naive scan) the bound is +∞ (or NaN for a zero weight): no pair is ever skipped.
  const distBound = wDist * vDistMax + 1e-9;
  const km2 = 2 * EARTH_RADIUS_KM;
  let floor = top.floor;
  for (let j = from; j < to; j++) {
    // While the list is not full nothing is pruned by the other factors: the radius goes first — in an
    // indexed scan (`radiusFirst`) always. Once full, in the naive scan, the other factors go first.
    let c2 = Number.NaN;
    let measured = false;
    if (hasLoc && (radiusFirst || floor === Number.NEGATIVE_INFINITY)) {
      // A tight loop over the rows beyond the radius (most of a band): nothing else is read for them.
      c2 = chord2At(xyz, j, cx, cy, cz);
      while (c2 > rc2) {
        if (++j === to) return to - from;
        c2 = chord2At(xyz, j, cx, cy, cz);
      }
      measured = true;
    }
    const pi = item === null ? j : (item[j] as number);
    if (gate !== null && !gateAllows(gate, pi)) continue;
    const code = codes[j] as number;
    if ((code & 1) === 0) continue;
    const wLang = lang[(code >> 1) & 15] as number;
    if (wLang < 0) continue;
    // Start: windowValue of matching.score.ts, inline.
    let vStart = unknown;
    const start = starts[j] as number;
    if (windowKnown && start !== NO_DAY) {
      const d =
        start < winFrom ? winFrom - start : winUntil !== NO_DAY && start > winUntil ? start - winUntil : 0;
      vStart = d >= tol ? 0 : 1 - d / tol;
    }
    const rest =
      occPart +
      wLang +
      (school[(code >> 5) & 7] as number) +
      wStart * vStart +
      (kind[(code >> 8) & 3] as number);
    // Cannot enter even at the best distance of its group: skipped before its coordinates are read.
    if (rest + distBound < floor) continue;
    let vDist = unknown;
    if (hasLoc) {
      if (!measured) {
        c2 = chord2At(xyz, j, cx, cy, cz);
        if (c2 > rc2) continue;
      }
      // NaN: the place has no coordinates (distance unknown).
      if (!Number.isNaN(c2)) {
        // chord2ToKm of matching.geo.ts, inline (asin by its Taylor series below 0.05).
        const x = Math.sqrt(c2) / 2;
        const x2 = x * x;
        const a =
          x >= 0.05
            ? Math.asin(Math.min(x, 1))
            : x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112 + x2 * (35 / 1152)))));
        vDist = halfKm / (halfKm + km2 * a);
      }
    }
    const s = rest + wDist * vDist;
    if (s >= floor && s >= minScore) {
      top.offer(s, rank[pi] as number, pi);
      floor = top.floor;
    }
  }
  return to - from;
}
