import { type GeoPermissibleObjects, type GeoProjection, geoConicConformal, geoPath } from 'd3-geo';

/** Width of the map's SVG coordinate system (viewBox units); the height follows from Germany's shape. */
export const MAP_WIDTH = 600;
/** Space (viewBox units) kept free around the outline, so markers at the border are not cut off. */
export const MAP_MARGIN = 14;

/**
 * Lambert conformal conic projection for Germany (parameters of EPSG:5243 "ETRS89 / LCC Germany":
 * standard parallels 48°40′ and 53°40′, central meridian 10°30′), fitted to `shape` (usually the
 * Länder) inside `width` with {@link MAP_MARGIN}; returns it with the matching height.
 */
export function fitGermanyProjection(
  shape: GeoPermissibleObjects,
  width: number = MAP_WIDTH,
): { projection: GeoProjection; height: number } {
  const projection = geoConicConformal()
    .parallels([48 + 2 / 3, 53 + 2 / 3])
    .rotate([-10.5, 0])
    .fitWidth(width - 2 * MAP_MARGIN, shape);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(shape);
  const height = Math.ceil(y1 - y0 + 2 * MAP_MARGIN);
  const [tx, ty] = projection.translate();
  projection.translate([tx + MAP_MARGIN - x0, ty + MAP_MARGIN - y0]);
  return { projection, height };
}

/** A point on the map (viewBox units) with the id of what it marks. */
export interface TMapPoint {
  id: string;
  x: number;
  y: number;
}

/** A marker after spreading: drawn at `x`/`y`, pointing back to its true position `x0`/`y0`. */
export interface TPlacedPoint extends TMapPoint {
  x0: number;
  y0: number;
}

/**
 * Moves markers apart so that no two are closer than `minDistance` (viewBox units): each marker, in
 * order, keeps its true position when free, else takes the first free spot on rings around it (every
 * 30°, rings `minDistance` apart). Several offices in one city stay readable; the first keeps its place.
 */
export function spreadMarkers(points: readonly TMapPoint[], minDistance: number): TPlacedPoint[] {
  const placed: TPlacedPoint[] = [];
  const free = (x: number, y: number) =>
    placed.every((p) => (p.x - x) ** 2 + (p.y - y) ** 2 >= minDistance * minDistance - 1e-9);
  for (const point of points) {
    let spot = { x: point.x, y: point.y };
    search: for (let ring = 1; !free(spot.x, spot.y) && ring <= 12; ring++) {
      for (let step = 0; step < 12; step++) {
        const angle = (step * Math.PI) / 6 - Math.PI / 2;
        const candidate = {
          x: point.x + Math.cos(angle) * minDistance * ring,
          y: point.y + Math.sin(angle) * minDistance * ring,
        };
        if (free(candidate.x, candidate.y)) {
          spot = candidate;
          break search;
        }
      }
    }
    placed.push({ id: point.id, x: spot.x, y: spot.y, x0: point.x, y0: point.y });
  }
  return placed;
}
