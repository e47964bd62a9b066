import { describe, expect, it } from 'vitest';
import { fitGermanyProjection, MAP_MARGIN, MAP_WIDTH, spreadMarkers } from './projection';

/** Germany's extreme points as a rough outline (WGS84, clockwise as d3-geo wants exterior rings). */
const OUTLINE = {
  type: 'Feature' as const,
  properties: {},
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [5.87, 50.9],
        [8.4, 55.06],
        [15.04, 51.27],
        [8.9, 47.27],
        [5.87, 50.9],
      ],
    ],
  },
};

describe('fitGermanyProjection', () => {
  it('fits the outline into the width with the margin and returns a portrait height', () => {
    const { projection, height } = fitGermanyProjection(OUTLINE);
    const west = projection([5.87, 50.9]);
    const east = projection([15.04, 51.27]);
    const north = projection([8.4, 55.06]);
    const south = projection([8.9, 47.27]);
    expect(west?.[0]).toBeCloseTo(MAP_MARGIN, 0);
    expect(east?.[0]).toBeCloseTo(MAP_WIDTH - MAP_MARGIN, 0);
    expect(north?.[1]).toBeCloseTo(MAP_MARGIN, 0);
    // The height is rounded up to whole units.
    expect(height - MAP_MARGIN - (south?.[1] ?? 0)).toBeGreaterThanOrEqual(0);
    expect(height - MAP_MARGIN - (south?.[1] ?? 0)).toBeLessThan(1);
    expect(height).toBeGreaterThan(MAP_WIDTH);
  });

  it('puts Magdeburg east of Düsseldorf and north of Erfurt', () => {
    const { projection } = fitGermanyProjection(OUTLINE);
    const [mx, my] = projection([11.62, 52.13]) ?? [0, 0];
    const [dx] = projection([6.82, 51.23]) ?? [0, 0];
    const [, ey] = projection([11.03, 50.98]) ?? [0, 0];
    expect(mx).toBeGreaterThan(dx);
    expect(my).toBeLessThan(ey);
  });
});

describe('spreadMarkers', () => {
  it('keeps markers that do not touch where they are', () => {
    const placed = spreadMarkers(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 100, y: 0 },
      ],
      26,
    );
    expect(placed).toEqual([
      { id: 'a', x: 0, y: 0, x0: 0, y0: 0 },
      { id: 'b', x: 100, y: 0, x0: 100, y0: 0 },
    ]);
  });

  it('moves crowded markers apart, the first keeping its place, each remembering its true position', () => {
    const points = [0, 1, 2, 3].map((i) => ({ id: String(i), x: 50 + i, y: 50 }));
    const placed = spreadMarkers(points, 26);
    expect(placed[0]).toMatchObject({ x: 50, y: 50 });
    for (let i = 0; i < placed.length; i++) {
      expect(placed[i]).toMatchObject({ x0: 50 + i, y0: 50 });
      for (let j = 0; j < i; j++) {
        const a = placed[i];
        const b = placed[j];
        if (!a || !b) throw new Error('missing point');
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(26 - 1e-6);
      }
    }
  });
});
