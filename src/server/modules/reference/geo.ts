import { distance } from 'geokdbush';
import type { Executor } from '../../platform/db/database';

/** A postcode's centroid (WGS84 degrees) with its Land and Kreis. */
export interface Centroid {
  lat: number;
  lon: number;
  landCode: string;
  kreisAgs: string;
}

const cache = new WeakMap<object, Promise<Map<string, Centroid>>>();

/**
 * All postcode centroids (≈ 10,800) as a Map, read once per database handle and kept in memory:
 * distance queries and matching must not hit the database per pair.
 */
export function postcodeCentroids(db: Executor): Promise<Map<string, Centroid>> {
  let hit = cache.get(db);
  if (!hit) {
    hit = db
      .selectFrom('postcode')
      .select(['postcode', 'lat', 'lon', 'land_code', 'kreis_ags'])
      .execute()
      .then(
        (rows) =>
          new Map(
            rows.map((r) => [
              r.postcode,
              { lat: r.lat, lon: r.lon, landCode: r.land_code, kreisAgs: r.kreis_ags },
            ]),
          ),
      );
    cache.set(db, hit);
    hit.catch(() => cache.delete(db));
  }
  return hit;
}

/** Forgets the cached centroids (after reference data were reloaded). */
export function clearCentroidCache(db: Executor): void {
  cache.delete(db);
}

/**
 * Great-circle distance in km between two WGS84 points (geokdbush: haversine on a sphere of
 * radius 6371 km), rounded to 0.1 km.
 */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return Math.round(distance(a.lon, a.lat, b.lon, b.lat) * 10) / 10;
}
