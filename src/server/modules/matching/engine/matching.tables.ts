import type { TCefrLevel } from '../../../../contracts/clients';
import {
  type FineTable,
  fineCellKmFor,
  fineTable,
  type RankOrder,
  rankOrder,
  sparseBuckets,
} from './matching.cells';
import { type Allocator, allocator, CEFR, KINDS, NO_DAY, SCHOOL } from './matching.codes';
import { dayNumber, kmToChord2, maxLonSpanDeg, unitVector } from './matching.geo';
import { cellOf, emptyBoxes, type GridGeometry, gridGeometry, growBox } from './matching.grid';
import { type OccupationCatalogue, relatePacked } from './matching.occupations';
import type { GroupStats } from './matching.stats';
import type { MatchClient, MatchPlace, TMatchSchool } from './matching.types';

/**
 * Clients and places compiled to struct-of-arrays tables (typed arrays, optionally over
 * SharedArrayBuffer so worker threads read them without copying). Codes: CEFR A1…C2 = 1…6 (0 = none /
 * unknown), school none…abitur = 0…4 (−1 = none / unknown), kinds as bits, dates as day numbers.
 */

/** Residence statuses under which starting training needs a permission (Beschäftigungserlaubnis). */
const PERMIT_NEEDED = new Set(['aufenthaltsgestattung', 'duldung', 'ausbildungsduldung']);

/** Ranks of ids in code-unit order (the deterministic tie-break: the smaller id wins a tie). */
function idRanks(ids: readonly string[], a: Allocator): Int32Array {
  const order = ids
    .map((_, i) => i)
    .sort((i, j) => {
      const x = ids[i] as string;
      const y = ids[j] as string;
      return x < y ? -1 : x > y ? 1 : i - j;
    });
  const rank = a.i32(ids.length);
  order.forEach((i, r) => {
    rank[i] = r;
  });
  return rank;
}

const cefr = (l: TCefrLevel | null) => (l ? CEFR.indexOf(l) + 1 : 0);
const school = (s: TMatchSchool | null) => (s ? SCHOOL.indexOf(s) : -1);

/**
 * Places in grid order: open places sorted by (occupation key, cell), so a bucket is one contiguous
 * range, then the places that are not open (scored by the naive scan only, where they are excluded).
 * Occupation key = occupation index, or `nOcc` for a place without a known occupation.
 */
export interface PlaceTable {
  n: number;
  nOpen: number;
  /** Ids in table order; `source[i]` is the position in the input list. */
  ids: string[];
  source: Int32Array;
  rank: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Unit vectors interleaved (x, y, z per place: one cache line per place); NaN without coordinates. */
  xyz: Float64Array;
  occ: Int32Array;
  kind: Uint8Array;
  minLang: Uint8Array;
  support: Uint8Array;
  minSchool: Int8Array;
  start: Int32Array;
  open: Uint8Array;
  licence: Uint8Array;
  /**
   * The scoring codes packed for one load per place: bit 0 open, bits 1–4 language index (minimum << 1 |
   * support), bits 5–7 school requirement + 1, bits 8–9 kind.
   */
  code: Uint16Array;
  grid: GridGeometry;
  nKeys: number;
  /**
   * Non-empty buckets (occupation key, cell) in table order: bucket j holds places `bucketStart[j]` …
   * `bucketStart[j+1]` in cell `bucketCell[j]` (the virtual cell `nCells` for places without coordinates).
   * `keyRowStart[r·nKeys + key]` is the first bucket of `key` in grid row ≥ r (row `rows` = the virtual
   * cell, row `rows+1` = the end of the key's buckets), so a rectangle of rows is found without a search;
   * row-major, so the rows of one area stay in the processor cache across keys and clients.
   * `bucketCol[j]` is the grid column of bucket j's cell (0 for the virtual cell).
   */
  bucketCell: Int32Array;
  bucketCol: Uint16Array;
  bucketStart: Int32Array;
  keyRowStart: Int32Array;
  /** Per bucket: bounds of its places' scoring codes (pruning). */
  bucketStats: GroupStats;
  /** Per bucket: the smallest `rank` of its places (a bucket that can only tie the list's last entry loses). */
  bucketMinRank: Int32Array;
  /** Each key's open places in rank order (clients without location). */
  byRank: RankOrder;
  /** Cell boxes of the open places (all keys). */
  box: Float64Array;
  /** Open places per cell of `grid` (any occupation): counts as CSR offsets, for empty-cell checks. */
  cellStart: Int32Array;
  /** All open places by cell of a second grid (`fineCellKmFor`), copied in cell order (any occupation). */
  fine: FineTable;
  /**
   * Places of one key in a client's latitude band (consecutive rows) up to which a search scores them in one
   * pass instead of bucket by bucket (`DIRECT_SCAN_MAX`; 0 = always by bucket).
   */
  directMax: number;
  /** Places of a key scored per kernel call between the stop tests of a search in rank order (`byRank`). */
  rankChunk: number;
}

/** Default of `PlaceTable.rankChunk`: small enough to stop soon after the list fills, large enough per call. */
export const RANK_CHUNK = 32;

/** `value` when it is an integer ≥ 1; @throws Error naming `name` otherwise (NaN would scan nothing). */
function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be an integer of at least 1`);
  return value;
}

/** Default of `PlaceTable.directMax`: on sparse data one pass over a band beats visiting its buckets (ADR 0004). */
export const DIRECT_SCAN_MAX = 48;

/**
 * Compiles places for the catalogue. `cellKm` is the grid's cell size (default 10 km, ADR 0004); `directMax`
 * and `rankChunk` see PlaceTable.
 * Unknown occupation ids count as "no occupation" (key `nOcc`).
 */
export function compilePlaces(
  input: readonly MatchPlace[],
  cat: OccupationCatalogue,
  opts: {
    shared?: boolean;
    cellKm?: number;
    fineCellKm?: number;
    directMax?: number;
    rankChunk?: number;
  } = {},
): PlaceTable {
  const a = allocator(opts.shared ?? false);
  const n = input.length;
  const nOcc = cat.ids.length;
  const nKeys = nOcc + 1;
  const lat0 = new Float64Array(n);
  const lon0 = new Float64Array(n);
  input.forEach((p, i) => {
    const ok = p.lat !== null && p.lon !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon);
    lat0[i] = ok ? (p.lat as number) : Number.NaN;
    lon0[i] = ok ? (p.lon as number) : Number.NaN;
  });
  const grid = gridGeometry(lat0, lon0, opts.cellKm ?? 10);
  const nCellsV = grid.nCells + 1;
  const bucket = new Int32Array(n);
  const offsets = new Int32Array(nKeys * nCellsV + 1);
  let nOpen = 0;
  input.forEach((p, i) => {
    if (p.status !== 'open') {
      bucket[i] = -1;
      return;
    }
    const o = p.occupationId === null ? -1 : (cat.indexOf.get(p.occupationId) ?? -1);
    const b = (o < 0 ? nOcc : o) * nCellsV + cellOf(grid, lat0[i] as number, lon0[i] as number);
    bucket[i] = b;
    (offsets[b + 1] as number)++;
    nOpen++;
  });
  for (let b = 0; b < nKeys * nCellsV; b++)
    offsets[b + 1] = (offsets[b + 1] as number) + (offsets[b] as number);
  const next = Int32Array.from(offsets.subarray(0, nKeys * nCellsV));
  const pos = new Int32Array(n);
  let closed = nOpen;
  for (let i = 0; i < n; i++) {
    const b = bucket[i] as number;
    if (b < 0) pos[i] = closed++;
    else pos[i] = (next[b] as number)++;
  }
  const t: PlaceTable = {
    n,
    nOpen,
    ids: new Array<string>(n),
    source: a.i32(n),
    rank: a.i32(n),
    lat: a.f64(n),
    lon: a.f64(n),
    xyz: a.f64(3 * n),
    occ: a.i32(n),
    kind: a.u8(n),
    minLang: a.u8(n),
    support: a.u8(n),
    minSchool: a.i8(n),
    start: a.i32(n),
    open: a.u8(n),
    licence: a.u8(n),
    code: a.u16(n),
    grid,
    nKeys,
    bucketCell: new Int32Array(0),
    bucketCol: new Uint16Array(0),
    bucketStart: new Int32Array(0),
    keyRowStart: new Int32Array(0),
    bucketStats: undefined as unknown as GroupStats,
    bucketMinRank: undefined as unknown as Int32Array,
    byRank: undefined as unknown as RankOrder,
    box: emptyBoxes(grid.nCells, a.f64),
    cellStart: a.i32(nCellsV + 1),
    fine: undefined as unknown as FineTable,
    directMax: opts.directMax ?? DIRECT_SCAN_MAX,
    rankChunk: positiveInt('rankChunk', opts.rankChunk ?? RANK_CHUNK),
  };
  input.forEach((p, i) => {
    const j = pos[i] as number;
    t.ids[j] = p.id;
    t.source[j] = i;
    const la = lat0[i] as number;
    const lo = lon0[i] as number;
    t.lat[j] = la;
    t.lon[j] = lo;
    if (Number.isNaN(la)) t.xyz.fill(Number.NaN, 3 * j, 3 * j + 3);
    else t.xyz.set(unitVector(la, lo), 3 * j);
    t.occ[j] = p.occupationId === null ? -1 : (cat.indexOf.get(p.occupationId) ?? -1);
    t.kind[j] = Math.max(0, KINDS.indexOf(p.kind));
    t.minLang[j] = cefr(p.minGermanLevel);
    t.support[j] = p.languageSupport ? 1 : 0;
    t.minSchool[j] = school(p.minSchoolQualification);
    t.start[j] = dayNumber(p.startsOn) ?? NO_DAY;
    t.open[j] = p.status === 'open' ? 1 : 0;
    t.licence[j] = p.drivingLicenceRequired ? 1 : 0;
    t.code[j] =
      (t.open[j] as number) |
      ((((t.minLang[j] as number) << 1) | (t.support[j] as number)) << 1) |
      (((t.minSchool[j] as number) + 1) << 5) |
      ((t.kind[j] as number) << 8);
  });
  t.rank.set(idRanks(t.ids, a));
  const cellOfItem = new Int32Array(nOpen);
  for (let j = 0; j < nOpen; j++) {
    const c = cellOf(grid, t.lat[j] as number, t.lon[j] as number);
    cellOfItem[j] = c;
    (t.cellStart[c + 1] as number)++;
    if (c < grid.nCells)
      growBox(t.box, c, t.xyz[3 * j] as number, t.xyz[3 * j + 1] as number, t.xyz[3 * j + 2] as number);
  }
  for (let c = 0; c < nCellsV; c++)
    t.cellStart[c + 1] = (t.cellStart[c + 1] as number) + (t.cellStart[c] as number);
  Object.assign(t, sparseBuckets(offsets, nKeys, grid, t.code, t.start, t.rank, a));
  t.byRank = rankOrder(offsets, nKeys, nCellsV, t.code, t.start, t.rank, a);
  t.fine = fineTable(
    { n: nOpen, lat: t.lat, lon: t.lon, xyz: t.xyz, code: t.code, start: t.start },
    opts.fineCellKm ?? fineCellKmFor(t.cellStart, grid.nCells, opts.cellKm ?? 10),
    a,
  );
  return t;
}

/** Clients compiled; `rel*` is each client's related occupations (CSR), best level first. */
export interface ClientTable {
  n: number;
  ids: string[];
  rank: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  /** Mobility radius in km (the default where none is recorded) and its squared chord. */
  radiusKm: Float64Array;
  radiusChord2: Float64Array;
  radiusDefault: Uint8Array;
  /** Widest longitude difference (degrees) of a point within the radius (`maxLonSpanDeg`); NaN without location. */
  lonSpanDeg: Float64Array;
  lang: Uint8Array;
  school: Int8Array;
  from: Int32Array;
  until: Int32Array;
  kinds: Uint8Array;
  /** 1: the client may be matched — an active matching consent and a case not closed (`closed`). */
  consent: Uint8Array;
  /**
   * 1: the client has a matching consent but every case is closed (`MatchClient.caseClosed`; `consent` is
   * then 0, and the exclusion is `case_closed` rather than `no_matching_consent`).
   */
  closed: Uint8Array;
  /** Index into OCC_INFO. */
  occInfo: Uint8Array;
  relStart: Int32Array;
  relOcc: Int32Array;
  relLevel: Uint8Array;
  /**
   * The same relation as 32-bit words of occupation bits (the indexed search ANDs them with the key masks
   * instead of testing each occupation): client i's words are `relWordStart[i]` … `relWordStart[i+1] − 1`,
   * each `relWord` = level · 4096 + word index, `relBits` its occupations of that level (bit b = occupation
   * 32·word + b), in the order of the entries. Occupations are in KldB order (`createMatchModel`), so a
   * main group takes one or two words.
   */
  relWordStart: Int32Array;
  relWord: Uint16Array;
  relBits: Int32Array;
  /** 0 none, 1 work_permit_missing, 2 work_permit_pending. */
  permitFlag: Uint8Array;
  licence: Uint8Array;
  /** 1: the client is already placed (`MatchClient.placed`, flag `already_placed`). */
  placed: Uint8Array;
}

/** Compiles clients; a missing mobility radius becomes `defaultRadiusKm`. */
export function compileClients(
  input: readonly MatchClient[],
  cat: OccupationCatalogue,
  defaultRadiusKm: number,
  opts: { shared?: boolean } = {},
): ClientTable {
  const a = allocator(opts.shared ?? false);
  const n = input.length;
  // Related occupations of all clients, packed (level · 2¹⁶ + occupation), in one growing buffer.
  let packed = new Int32Array(Math.max(16, n * 8));
  const relEnd = new Int32Array(n + 1);
  let total = 0;
  let nWords = 0;
  input.forEach((c, i) => {
    const keys = relatePacked(cat, c.wishedOccupationIds, c.interests);
    nWords += countWords(keys);
    if (total + keys.length > packed.length) {
      const grown = new Int32Array(Math.max(packed.length * 2, total + keys.length));
      grown.set(packed.subarray(0, total));
      packed = grown;
    }
    packed.set(keys, total);
    total += keys.length;
    relEnd[i + 1] = total;
  });
  const t: ClientTable = {
    n,
    ids: input.map((c) => c.id),
    rank: a.i32(n),
    lat: a.f64(n),
    lon: a.f64(n),
    x: a.f64(n),
    y: a.f64(n),
    z: a.f64(n),
    radiusKm: a.f64(n),
    radiusChord2: a.f64(n),
    radiusDefault: a.u8(n),
    lonSpanDeg: a.f64(n),
    lang: a.u8(n),
    school: a.i8(n),
    from: a.i32(n),
    until: a.i32(n),
    kinds: a.u8(n),
    consent: a.u8(n),
    closed: a.u8(n),
    occInfo: a.u8(n),
    relStart: a.i32(n + 1),
    relOcc: a.i32(total),
    relLevel: a.u8(total),
    relWordStart: a.i32(n + 1),
    relWord: a.u16(nWords),
    relBits: a.i32(nWords),
    permitFlag: a.u8(n),
    licence: a.u8(n),
    placed: a.u8(n),
  };
  t.rank.set(idRanks(t.ids, a));
  let e = 0;
  let w = 0;
  input.forEach((c, i) => {
    const ok = c.lat !== null && c.lon !== null && Number.isFinite(c.lat) && Number.isFinite(c.lon);
    t.lat[i] = ok ? (c.lat as number) : Number.NaN;
    t.lon[i] = ok ? (c.lon as number) : Number.NaN;
    if (ok) [t.x[i], t.y[i], t.z[i]] = unitVector(c.lat as number, c.lon as number);
    else t.x[i] = t.y[i] = t.z[i] = Number.NaN;
    const known =
      c.mobilityRadiusKm !== null && Number.isFinite(c.mobilityRadiusKm) && c.mobilityRadiusKm >= 0;
    const radius = known ? (c.mobilityRadiusKm as number) : defaultRadiusKm;
    t.radiusKm[i] = radius;
    t.radiusChord2[i] = kmToChord2(radius);
    t.radiusDefault[i] = known ? 0 : 1;
    t.lonSpanDeg[i] = ok ? maxLonSpanDeg(Math.min(89.999, Math.abs(c.lat as number)), radius) : Number.NaN;
    t.lang[i] = cefr(c.germanLevel);
    t.school[i] = school(c.schoolQualification);
    t.from[i] = dayNumber(c.availableFrom) ?? NO_DAY;
    t.until[i] = dayNumber(c.availableUntil) ?? NO_DAY;
    let mask = 0;
    for (const k of c.wantedKinds) {
      const b = KINDS.indexOf(k);
      if (b >= 0) mask |= 1 << b;
    }
    t.kinds[i] = mask;
    t.consent[i] = c.matchingConsent && !c.caseClosed ? 1 : 0;
    t.closed[i] = c.matchingConsent && c.caseClosed ? 1 : 0;
    const r0 = relEnd[i] as number;
    const r1 = relEnd[i + 1] as number;
    t.occInfo[i] =
      r1 > r0 ? 0 : c.wishedOccupationIds.length > 0 ? 2 : c.interests.some((s) => s.trim() !== '') ? 3 : 1;
    t.relStart[i] = e;
    t.relWordStart[i] = w;
    let last = -1;
    for (let j = r0; j < r1; j++, e++) {
      const key = packed[j] as number;
      const occ = key & 0xffff;
      t.relOcc[e] = occ;
      t.relLevel[e] = key >>> 16;
      const word = (key >>> 16) * 4096 + (occ >>> 5);
      if (word !== last) {
        t.relWord[w++] = word;
        last = word;
      }
      t.relBits[w - 1] = (t.relBits[w - 1] as number) | (1 << (occ & 31));
    }
    const needs = c.residenceStatus !== null && PERMIT_NEEDED.has(c.residenceStatus);
    t.permitFlag[i] = !needs
      ? 0
      : c.workPermit === 'yes' || c.workPermit === 'not_needed'
        ? 0
        : c.workPermit === 'applied'
          ? 2
          : 1;
    t.licence[i] = c.drivingLicence ? 1 : 0;
    t.placed[i] = c.placed ? 1 : 0;
  });
  t.relStart[n] = e;
  t.relWordStart[n] = w;
  return t;
}

/** Words of `relWord` a sorted packed relation takes (a new word per level or 32 occupations). */
function countWords(keys: Int32Array): number {
  let n = 0;
  let last = -1;
  for (const key of keys) {
    const word = (key >>> 16) * 4096 + ((key & 0xffff) >>> 5);
    if (word !== last) n++;
    last = word;
  }
  return n;
}
