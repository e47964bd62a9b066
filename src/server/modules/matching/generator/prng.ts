/**
 * Seeded pseudo-random numbers for the synthetic data generator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, 128-bit state, passes PractRand) seeded through splitmix32, plus Walker/Vose alias
 * tables for O(1) weighted draws. Same seed → same sequence on every platform (32-bit integer arithmetic).
 */

/** A seeded random source. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element (the array must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** 32 random bits as an unsigned integer. */
  u32(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** An sfc32 generator for an integer seed. */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init() | 1;
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of a fresh state are still correlated with the seed.
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    u32,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

/** A weighted sampler over indices 0…n−1 (Vose's alias method: O(n) to build, O(1) per draw). */
export interface AliasTable {
  readonly n: number;
  draw(rng: Rng): number;
}

/**
 * Builds an alias table for non-negative weights (at least one positive).
 * @throws Error when no weight is positive or a weight is negative or not finite
 */
export function aliasTable(weights: readonly number[]): AliasTable {
  const n = weights.length;
  const sum = weights.reduce((s, w) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error('alias table: weights must be finite and ≥ 0');
    return s + w;
  }, 0);
  if (!(sum > 0)) throw new Error('alias table: no positive weight');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / sum);
  const small: number[] = [];
  const large: number[] = [];
  for (const [i, p] of scaled.entries()) (p < 1 ? small : large).push(i);
  while (small.length && large.length) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return {
    n,
    draw(rng) {
      const i = rng.int(n);
      return rng.next() < (prob[i] as number) ? i : (alias[i] as number);
    },
  };
}

/** A weighted choice among labelled options, e.g. `[['A1', 10], ['A2', 20]]`. */
export function weightedChoice<T>(options: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const table = aliasTable(options.map((o) => o[1]));
  return (rng) => (options[table.draw(rng)] as readonly [T, number])[0];
}
