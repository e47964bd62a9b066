/**
 * Sphere geometry of the engine. Points are kept as unit vectors (x, y, z) so the squared chord between
 * two points is plain arithmetic; the great-circle distance follows exactly from the chord:
 * `d = 2R·asin(chord / 2)`, the same distance as the haversine formula (geokdbush, reference module).
 */

/** Mean Earth radius in km (the sphere geokdbush and the reference module use). */
export const EARTH_RADIUS_KM = 6371;

const RAD = Math.PI / 180;

/** Unit vector of a WGS84 point (degrees). */
export function unitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * RAD;
  const lambda = lon * RAD;
  const c = Math.cos(phi);
  return [c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)];
}

/**
 * asin(x) for 0 ≤ x ≤ 1. Below 0.05 (a chord of 637 km) by its Taylor series to x⁹: the first left-out term
 * is 63/2816·x¹¹, a relative error below 3·10⁻¹⁵ (machine precision), at a third of Math.asin's cost.
 */
export function asinSmall(x: number): number {
  if (x >= 0.05) return Math.asin(Math.min(x, 1));
  const x2 = x * x;
  return x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112 + x2 * (35 / 1152)))));
}

/** Great-circle km from a squared chord of unit vectors. */
export function chord2ToKm(chord2: number): number {
  return 2 * EARTH_RADIUS_KM * asinSmall(Math.sqrt(chord2) / 2);
}

/** Squared chord of a great-circle distance in km (distances beyond half the globe give 4). */
export function kmToChord2(km: number): number {
  const angle = km / EARTH_RADIUS_KM;
  if (!(angle < Math.PI)) return 4;
  const c = 2 * Math.sin(angle / 2);
  return c * c;
}

/** Great-circle distance in km between two WGS84 points (degrees). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const [x1, y1, z1] = unitVector(lat1, lon1);
  const [x2, y2, z2] = unitVector(lat2, lon2);
  return chord2ToKm((x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2);
}

/**
 * Largest longitude difference (degrees) of any point within `km` of a point at latitude `lat`: asin(sin δ /
 * cos φ) for angular radius δ, or 180 when the circle reaches a pole.
 */
export function maxLonSpanDeg(lat: number, km: number): number {
  const delta = km / EARTH_RADIUS_KM;
  const cosPhi = Math.cos(lat * RAD);
  const s = Math.sin(Math.min(delta, Math.PI / 2)) / cosPhi;
  if (delta >= Math.PI / 2 - Math.abs(lat * RAD) || !(s < 1)) return 180;
  return Math.asin(s) / RAD;
}

/** Calendar day number (days since 1970-01-01) of `YYYY-MM-DD`; null for null or an invalid date. */
export function dayNumber(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}
