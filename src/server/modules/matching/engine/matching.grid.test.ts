import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm } from './matching.geo';
import { cellOf, cellRect, gridGeometry } from './matching.grid';

const RAD = Math.PI / 180;

/** The point `km` from (lat, lon) in direction `bearing` (radians) on the sphere of the distance factor. */
function destination(lat: number, lon: number, bearing: number, km: number): [number, number] {
  const d = km / EARTH_RADIUS_KM;
  const p1 = lat * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(bearing));
  const l2 =
    lon * RAD +
    Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / RAD, l2 / RAD];
}

describe('cellRect', () => {
  it('holds the cell of every point within the radius, also exactly on it (no margin cells needed)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 47, max: 55, noNaN: true }),
        fc.double({ min: 6, max: 15, noNaN: true }),
        fc.constantFrom(2, 5, 10, 40),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.constantFrom(1, 0.999, 0.5, 0),
        (lat, lon, cellKm, radiusKm, bearing, share) => {
          // A grid over Germany's box and the query point.
          const g = gridGeometry([47.2, 55.1, lat], [5.8, 15.1, lon], cellKm);
          const [plat, plon] = destination(lat, lon, bearing, radiusKm * share);
          expect(greatCircleKm(lat, lon, plat, plon)).toBeLessThanOrEqual(radiusKm + 1e-6);
          const rect = new Int32Array(4);
          cellRect(g, lat, lon, radiusKm, rect);
          const c = cellOf(g, plat, plon);
          const row = Math.floor(c / g.cols);
          const col = c - row * g.cols;
          expect(row).toBeGreaterThanOrEqual(rect[0] as number);
          expect(row).toBeLessThanOrEqual(rect[1] as number);
          expect(col).toBeGreaterThanOrEqual(rect[2] as number);
          expect(col).toBeLessThanOrEqual(rect[3] as number);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('spans no more cells than the radius needs', () => {
    const g = gridGeometry([50, 52], [6, 9], 10);
    const rect = new Int32Array(4);
    // 14 km (1.4 cells) around a point in the middle of a cell: the cell and one neighbour each way.
    const lat = g.lat0 + 10.5 * g.dLat;
    const lon = g.lon0 + 10.5 * g.dLon;
    cellRect(g, lat, lon, 14, rect);
    expect(Array.from(rect)).toEqual([9, 11, 9, 11]);
  });
});
