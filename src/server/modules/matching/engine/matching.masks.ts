import type { PlaceTable } from './matching.tables';

/**
 * Which occupation keys have open places near a bucket-grid cell: one bit per key and cell, dilated by
 * `reach` cells in every direction (a square of (2·reach + 1)² cells), plus the keys with places without
 * coordinates in every cell (those are scanned whatever the client's position). A search skips a key whose
 * bit is clear: it has no bucket in the client's rectangle, so scanning it would find nothing. This matters
 * on sparse data, where most of a client's ~20 related occupations have no place within reach (ADR 0004).
 */

/** Widest dilation built (cells); a client whose rectangle reaches further walks every key. */
export const MAX_MASK_REACH = 8;

const cache = new WeakMap<PlaceTable, Map<number, Int32Array>>();

/** 32-bit words per cell of the masks of `P`. */
export const maskWords = (P: PlaceTable): number => (P.nKeys + 31) >>> 5;

/**
 * The masks of `P` dilated by `reach` cells (0 … MAX_MASK_REACH), built on first use and kept with the
 * table: bits of cell c are words `c·maskWords(P)` … `(c+1)·maskWords(P) − 1`, key `key` is bit `key & 31`
 * of word `key >> 5`.
 */
export function keyMasks(P: PlaceTable, reach: number): Int32Array {
  let byReach = cache.get(P);
  if (!byReach) {
    byReach = new Map();
    cache.set(P, byReach);
  }
  let masks = byReach.get(reach);
  if (!masks) {
    masks = build(P, reach);
    byReach.set(reach, masks);
  }
  return masks;
}

function build(P: PlaceTable, reach: number): Int32Array {
  const { grid: g, nKeys, keyRowStart: krs, bucketCell } = P;
  const words = maskWords(P);
  const base = new Int32Array(g.nCells * words);
  const always = new Int32Array(words);
  for (let key = 0; key < nKeys; key++) {
    const bit = 1 << (key & 31);
    const w = key >>> 5;
    const vStart = krs[g.rows * nKeys + key] as number;
    for (let j = krs[key] as number; j < vStart; j++) {
      const o = (bucketCell[j] as number) * words + w;
      base[o] = (base[o] as number) | bit;
    }
    if ((krs[(g.rows + 1) * nKeys + key] as number) > vStart) always[w] = (always[w] as number) | bit;
  }
  // Dilation is separable: along the row, then along the column.
  const across = new Int32Array(base.length);
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      const o = (r * g.cols + c) * words;
      for (let c2 = Math.max(0, c - reach); c2 <= Math.min(g.cols - 1, c + reach); c2++) {
        const o2 = (r * g.cols + c2) * words;
        for (let w = 0; w < words; w++) across[o + w] = (across[o + w] as number) | (base[o2 + w] as number);
      }
    }
  const out = new Int32Array(base.length);
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      const o = (r * g.cols + c) * words;
      for (let w = 0; w < words; w++) out[o + w] = always[w] as number;
      for (let r2 = Math.max(0, r - reach); r2 <= Math.min(g.rows - 1, r + reach); r2++) {
        const o2 = (r2 * g.cols + c) * words;
        for (let w = 0; w < words; w++) out[o + w] = (out[o + w] as number) | (across[o2 + w] as number);
      }
    }
  return out;
}
