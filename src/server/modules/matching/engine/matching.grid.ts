import { maxLonSpanDeg } from './matching.geo';

/**
 * A flat latitude/longitude grid over the points of one side (places or clients). Each real cell keeps the
 * bounding box of its points' unit vectors, so the chord from any query point to the box is a true lower
 * bound of the distance to every point in the cell, whatever the cell's shape. Cell `nCells` is a virtual
 * cell for points without coordinates.
 */
export interface GridGeometry {
  lat0: number;
  lon0: number;
  /** Cell height and width in degrees. */
  dLat: number;
  dLon: number;
  rows: number;
  cols: number;
  /** Number of real cells; the virtual cell has this index. */
  nCells: number;
}

/** Cells per side at most: a grid spanning the globe still stays small. */
const MAX_CELLS_PER_SIDE = 2000;

/**
 * A grid over the bounding box of the given points, with cells of about `cellKm` (longitude step for the
 * box's middle latitude). Points with NaN coordinates are ignored here (they go to the virtual cell).
 */
export function gridGeometry(lat: ArrayLike<number>, lon: ArrayLike<number>, cellKm: number): GridGeometry {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let i = 0; i < lat.length; i++) {
    const a = lat[i] as number;
    const o = lon[i] as number;
    if (Number.isNaN(a) || Number.isNaN(o)) continue;
    if (a < minLat) minLat = a;
    if (a > maxLat) maxLat = a;
    if (o < minLon) minLon = o;
    if (o > maxLon) maxLon = o;
  }
  if (minLat > maxLat) {
    minLat = maxLat = 0;
    minLon = maxLon = 0;
  }
  const midCos = Math.max(0.05, Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  let dLat = cellKm / 111.195;
  let dLon = dLat / midCos;
  dLat = Math.max(dLat, (maxLat - minLat) / MAX_CELLS_PER_SIDE);
  dLon = Math.max(dLon, (maxLon - minLon) / MAX_CELLS_PER_SIDE);
  const rows = Math.max(1, Math.floor((maxLat - minLat) / dLat) + 1);
  const cols = Math.max(1, Math.floor((maxLon - minLon) / dLon) + 1);
  return { lat0: minLat, lon0: minLon, dLat, dLon, rows, cols, nCells: rows * cols };
}

/** Cell index of a point (clamped into the grid); the virtual cell for NaN coordinates. */
export function cellOf(g: GridGeometry, lat: number, lon: number): number {
  if (Number.isNaN(lat) || Number.isNaN(lon)) return g.nCells;
  let r = Math.floor((lat - g.lat0) / g.dLat);
  let c = Math.floor((lon - g.lon0) / g.dLon);
  r = r < 0 ? 0 : r >= g.rows ? g.rows - 1 : r;
  c = c < 0 ? 0 : c >= g.cols ? g.cols - 1 : c;
  return r * g.cols + c;
}

/** Empty bounding boxes (min = +∞, max = −∞) for `nCells` cells: minx, maxx, miny, maxy, minz, maxz. */
export function emptyBoxes(nCells: number, alloc: (n: number) => Float64Array): Float64Array {
  const box = alloc(6 * nCells);
  for (let c = 0; c < nCells; c++) {
    box[6 * c] = box[6 * c + 2] = box[6 * c + 4] = Infinity;
    box[6 * c + 1] = box[6 * c + 3] = box[6 * c + 5] = -Infinity;
  }
  return box;
}

/** Grows cell `c`'s box by the unit vector (x, y, z). */
export function growBox(box: Float64Array, c: number, x: number, y: number, z: number): void {
  const o = 6 * c;
  if (x < (box[o] as number)) box[o] = x;
  if (x > (box[o + 1] as number)) box[o + 1] = x;
  if (y < (box[o + 2] as number)) box[o + 2] = y;
  if (y > (box[o + 3] as number)) box[o + 3] = y;
  if (z < (box[o + 4] as number)) box[o + 4] = z;
  if (z > (box[o + 5] as number)) box[o + 5] = z;
}

/** Squared chord from (x, y, z) to the nearest point of cell `c`'s box (a lower bound for its points). */
export function boxChord2(box: Float64Array, c: number, x: number, y: number, z: number): number {
  const o = 6 * c;
  const lx = box[o] as number;
  const hx = box[o + 1] as number;
  const ly = box[o + 2] as number;
  const hy = box[o + 3] as number;
  const lz = box[o + 4] as number;
  const hz = box[o + 5] as number;
  const dx = x < lx ? lx - x : x > hx ? x - hx : 0;
  const dy = y < ly ? ly - y : y > hy ? y - hy : 0;
  const dz = z < lz ? lz - z : z > hz ? z - hz : 0;
  return dx * dx + dy * dy + dz * dz;
}

/** Slack of `cellRect` in degrees (≈ 0.1 mm): covers the rounding of the bounds, not of the cell assignment. */
const RECT_SLACK_DEG = 1e-9;

/**
 * The rectangle of grid rows and columns that holds every point within `radiusKm` of (lat, lon), clamped to
 * the grid: written to `out` as [row0, row1, col0, col1]. A point within the radius differs from the query
 * by at most radius/R in latitude and `maxLonSpanDeg` in longitude, and cells are assigned by the same
 * `floor` as here, so no margin cell is needed (empty when row0 > row1 or col0 > col1). `lonSpanDeg` may
 * be given precomputed (`ClientTable.lonSpanDeg`; a span for a larger radius only widens the rectangle).
 */
export function cellRect(
  g: GridGeometry,
  lat: number,
  lon: number,
  radiusKm: number,
  out: Int32Array,
  lonSpanDeg = maxLonSpanDeg(Math.min(89.999, Math.abs(lat)), radiusKm),
): void {
  const dLatDeg = (radiusKm / 6371) * (180 / Math.PI) + RECT_SLACK_DEG;
  out[0] = Math.max(0, Math.floor((lat - dLatDeg - g.lat0) / g.dLat));
  out[1] = Math.min(g.rows - 1, Math.floor((lat + dLatDeg - g.lat0) / g.dLat));
  const span = lonSpanDeg + RECT_SLACK_DEG;
  out[2] = span < 180 ? Math.max(0, Math.floor((lon - span - g.lon0) / g.dLon)) : 0;
  out[3] = span < 180 ? Math.min(g.cols - 1, Math.floor((lon + span - g.lon0) / g.dLon)) : g.cols - 1;
}

const rect = new Int32Array(4);
const CELL_BITS = 2 ** 22;
/** Chord quantum of the sort keys: 2⁻²⁹ of a unit chord (≈ 12 mm on the Earth); keys stay below 2⁵³. */
const CHORD_STEP = 2 ** -29;
let sortKeys = new Float64Array(1024);

/** Sorts `a[0 … n−1]` ascending in place. */
function insertionSort(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i] as number;
    let j = i;
    while (j > 0 && (a[j - 1] as number) > v) {
      a[j] = a[j - 1] as number;
      j--;
    }
    a[j] = v;
  }
}

/**
 * The non-empty real cells that may hold a point within squared chord `rc2` (≈ `radiusKm`) of the query
 * point, written to `outCells` nearest first with a lower bound of their squared chord in `outChord2`
 * (non-decreasing along the list). `cellStart` is the cells' CSR offsets (an empty cell is skipped).
 * Sorted on packed keys (chord quantised down to CHORD_STEP, then cell; natively above 32 cells): hundreds
 * of cells per query stay cheap, and the quantised-down chord is still a lower bound. `lonSpanDeg` as
 * in `cellRect` (given when the caller has it precomputed).
 * @returns the number of cells written
 */
export function cellsWithin(
  g: GridGeometry,
  box: Float64Array,
  cellStart: Int32Array,
  lat: number,
  lon: number,
  q: { x: number; y: number; z: number },
  radiusKm: number,
  rc2: number,
  outCells: Int32Array,
  outChord2: Float64Array,
  lonSpanDeg = maxLonSpanDeg(Math.min(89.999, Math.abs(lat)), radiusKm),
): number {
  cellRect(g, lat, lon, radiusKm, rect, lonSpanDeg);
  const rows = (rect[1] as number) - (rect[0] as number) + 1;
  const cols = (rect[3] as number) - (rect[2] as number) + 1;
  if (sortKeys.length < rows * cols) sortKeys = new Float64Array(rows * cols * 2);
  let n = 0;
  for (let r = rect[0] as number; r <= (rect[1] as number); r++) {
    for (let c = rect[2] as number; c <= (rect[3] as number); c++) {
      const cell = r * g.cols + c;
      if (cellStart[cell] === cellStart[cell + 1]) continue;
      const lb = boxChord2(box, cell, q.x, q.y, q.z);
      if (lb > rc2) continue;
      sortKeys[n++] = Math.floor(Math.sqrt(lb) / CHORD_STEP) * CELL_BITS + cell;
    }
  }
  // A few cells (a client's radius on a coarse grid): insertion sort, cheaper than a native call.
  if (n <= 32) insertionSort(sortKeys, n);
  else sortKeys.subarray(0, n).sort();
  for (let i = 0; i < n; i++) {
    const key = sortKeys[i] as number;
    const cell = key % CELL_BITS;
    const chord = ((key - cell) / CELL_BITS) * CHORD_STEP;
    outCells[i] = cell;
    outChord2[i] = chord * chord;
  }
  return n;
}
