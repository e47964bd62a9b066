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

/**
 * Upper bound of language + school + start + kind contributions of the prepared client over the places of
 * group `g` (the factor tables are monotone: a lower requirement never scores less); negative when every
 * place of the group is excluded by its German minimum. Written to `c.out[1]` (a returned double would
 * allocate: this function is too large to be inlined).
 */
export function restBound(c: BoundClient, st: GroupStats, g: number): void {
  const ls = st.langSupported[g] as number;
  const lu = st.langUnsupported[g] as number;
  const lang = Math.max(
    ls === 7 ? -1 : (c.lang[(ls << 1) | 1] as number),
    lu === 7 ? -1 : (c.lang[lu << 1] as number),
  );
  if (lang < 0) {
    c.out[1] = -1;
    return;
  }
  const school = st.school[g] as number;
  const kinds = st.kinds[g] as number;
  let best = -1;
  for (let k = 0; k < 4; k++) {
    if (((kinds >> k) & 1) === 0) continue;
    let vStart = 0;
    if (!c.windowKnown || ((kinds >> (4 + k)) & 1) === 1) vStart = c.unknown;
    if (c.windowKnown) {
      const lo = st.start[8 * g + 2 * k] as number;
      const hi = st.start[8 * g + 2 * k + 1] as number;
      if (lo <= hi) {
        const gap = hi < c.from ? c.from - hi : c.until !== NO_DAY && lo > c.until ? lo - c.until : 0;
        const v = gap >= c.tolDays ? 0 : 1 - gap / c.tolDays;
        if (v > vStart) vStart = v;
      }
    }
    const t = (c.kind[k] as number) + c.wStart * vStart;
    if (t > best) best = t;
  }
  c.out[1] = lang + (school === 6 ? 0 : (c.school[school] as number)) + best;
}
