import { NO_DAY } from './matching.codes';

/**
 * Summaries of groups of places (a grid cell, or a bucket of one occupation in one cell) that bound the
 * language, school, start and kind part of any score in the group for a given client: the pruning bound
 * "best score still reachable" gets much tighter than "every factor at its best" — e.g. for a client who
 * wants internships only, in a cell of apprenticeships. Every bound is ≥ the true maximum of the group.
 */
export interface GroupStats {
  /** Per group 8 day numbers: [min, max] start of the places of kind 0, 1, 2, 3 (min > max when none). */
  start: Int32Array;
  /** Per group: bits 0–3 kinds present, bits 4–7 kinds with a place without start date. */
  kinds: Uint8Array;
  /** Per group: lowest German minimum (CEFR code, 0 = none) of places with language support; 7 = no such place. */
  langSupported: Uint8Array;
  /** The same for places without language support. */
  langUnsupported: Uint8Array;
  /** Per group: lowest school requirement + 1 (0 = none … 5); 6 = empty group. */
  school: Uint8Array;
}

/** The parts of a prepared client (`ClientCtx` of matching.score.ts) the bound reads. */
export interface BoundClient {
  lang: Float64Array;
  school: Float64Array;
  kind: Float64Array;
  windowKnown: boolean;
  unknown: number;
  from: number;
  until: number;
  tolDays: number;
  wStart: number;
  out: Float64Array;
}

/** Empty statistics for `n` groups (allocated through `alloc`). */
export function emptyStats(
  n: number,
  alloc: { i32(n: number): Int32Array; u8(n: number): Uint8Array },
): GroupStats {
  const st: GroupStats = {
    start: alloc.i32(8 * n),
    kinds: alloc.u8(n),
    langSupported: alloc.u8(n),
    langUnsupported: alloc.u8(n),
    school: alloc.u8(n),
  };
  for (let g = 0; g < n; g++) {
    for (let k = 0; k < 4; k++) {
      st.start[8 * g + 2 * k] = 2147483647;
      st.start[8 * g + 2 * k + 1] = -2147483647;
    }
    st.langSupported[g] = 7;
    st.langUnsupported[g] = 7;
    st.school[g] = 6;
  }
  return st;
}

/** Adds a place (its packed `code` and start day) to group `g`. Code layout: PlaceTable.code. */
export function addToStats(st: GroupStats, g: number, code: number, start: number): void {
  const kind = (code >> 8) & 3;
  const minLang = (code >> 2) & 7;
  const support = (code >> 1) & 1;
  const school = (code >> 5) & 7;
  st.kinds[g] = (st.kinds[g] as number) | (1 << kind);
  if (start === NO_DAY) st.kinds[g] = (st.kinds[g] as number) | (16 << kind);
  else {
    const o = 8 * g + 2 * kind;
    if (start < (st.start[o] as number)) st.start[o] = start;
    if (start > (st.start[o + 1] as number)) st.start[o + 1] = start;
  }
  const lang = support ? st.langSupported : st.langUnsupported;
  if (minLang < (lang[g] as number)) lang[g] = minLang;
  if (school < (st.school[g] as number)) st.school[g] = school;
}

/** Days from start day `s` to the window [from, until] as the kernel counts them (NO_DAY: open end). */
function dayGap(from: number, until: number, s: number): number {
  return s < from ? from - s : until !== NO_DAY && s > until ? s - until : 0;
}

/**
 * Smallest `dayGap` of a start day in [lo, hi]: the gap is piecewise linear in the day, so its minimum lies
 * at an end of the range or at a break (`from`, `until`) inside it — also for a window whose `from` is
 * after its `until` (then no day is inside, and the gap jumps at `from`).
 */
function minGap(from: number, until: number, lo: number, hi: number): number {
  let g = Math.min(dayGap(from, until, lo), dayGap(from, until, hi));
  if (from > lo && from <= hi) g = Math.min(g, dayGap(from, until, from), dayGap(from, until, from - 1));
  if (until !== NO_DAY && until >= lo && until < hi)
    g = Math.min(g, dayGap(from, until, until), dayGap(from, until, until + 1));
  return g;
}

/** Best weighted language value of group `g` for the client (negative: every place excluded). */
function bestLang(c: BoundClient, st: GroupStats, g: number): number {
  const ls = st.langSupported[g] as number;
  const lu = st.langUnsupported[g] as number;
  return Math.max(
    ls === 7 ? -1 : (c.lang[(ls << 1) | 1] as number),
    lu === 7 ? -1 : (c.lang[lu << 1] as number),
  );
}

/** Best start value (0…1, as the kernel's) of the places of kind `k` in group `g` for the client. */
function bestStart(c: BoundClient, st: GroupStats, g: number, k: number): number {
  let v = 0;
  if (!c.windowKnown || (((st.kinds[g] as number) >> (4 + k)) & 1) === 1) v = c.unknown;
  if (c.windowKnown) {
    const lo = st.start[8 * g + 2 * k] as number;
    const hi = st.start[8 * g + 2 * k + 1] as number;
    if (lo <= hi) {
      const gap = minGap(c.from, c.until, lo, hi);
      v = Math.max(v, gap >= c.tolDays ? 0 : 1 - gap / c.tolDays);
    }
  }
  return v;
}

/**
 * Upper bound of language + school + start + kind contributions of the prepared client over the places of
 * group `g` (the factor tables are monotone: a lower requirement never scores less); negative when every
 * place of the group is excluded by its German minimum. Written to `c.out[1]` (a returned double would
 * allocate: this function is too large to be inlined).
 */
export function restBound(c: BoundClient, st: GroupStats, g: number): void {
  const lang = bestLang(c, st, g);
  if (lang < 0) {
    c.out[1] = -1;
    return;
  }
  const school = st.school[g] as number;
  const kinds = st.kinds[g] as number;
  let best = -1;
  for (let k = 0; k < 4; k++) {
    if (((kinds >> k) & 1) === 0) continue;
    const t = (c.kind[k] as number) + c.wStart * bestStart(c, st, g, k);
    if (t > best) best = t;
  }
  c.out[1] = lang + (school === 6 ? 0 : (c.school[school] as number)) + best;
}

/**
 * The best score a place of group `g` can reach when every place has the same distance part `distPart`
 * (= wDist · unknown: a client without location, or places without coordinates), summed in the kernel's
 * order — occupation, language, school, start, kind, distance — from per-factor maxima (start and
 * kind per kind of place). Rounding to
 * nearest is monotone, so this sum is never below the computed score of any place of the group (no slack
 * needed): a group whose bound equals the list's last score can be skipped when its smallest rank is
 * larger (ties lose by rank). Written to `c.out[1]`; −∞ when every place is excluded by its German minimum.
 */
export function exactBound(
  c: BoundClient,
  st: GroupStats,
  g: number,
  occPart: number,
  distPart: number,
): void {
  const lang = bestLang(c, st, g);
  let best = Number.NEGATIVE_INFINITY;
  if (lang < 0) {
    c.out[1] = best;
    return;
  }
  const school = st.school[g] as number;
  const head = occPart + lang + (c.school[school === 6 ? 0 : school] as number);
  const kinds = st.kinds[g] as number;
  for (let k = 0; k < 4; k++) {
    if (((kinds >> k) & 1) === 0) continue;
    const b = head + c.wStart * bestStart(c, st, g, k) + (c.kind[k] as number) + distPart;
    if (b > best) best = b;
  }
  c.out[1] = best;
}
