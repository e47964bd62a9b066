import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Properties kept by `scripts/build-geo.mjs`: official regional key (ARS) and name (GEN). */
export interface TRegionProperties {
  /** Amtlicher Regionalschlüssel: 2 digits for a Land, 5 for a Kreis (same as the AGS prefix). */
  ARS: string;
  /** Name, e.g. "Sachsen-Anhalt", "Magdeburg". */
  GEN: string;
}

/** Boundaries of Länder or Kreise as GeoJSON (WGS84 degrees). */
export type TRegions = FeatureCollection<Polygon | MultiPolygon, TRegionProperties>;

/** Which boundary file: the 16 Länder or the 400 Kreise and kreisfreie Städte. */
export type TRegionLayer = 'laender' | 'kreise';

/**
 * Loads `geo/<layer>.topo.json` (simplified BKG VG250 boundaries, generated at build time by
 * `scripts/build-geo.mjs` into Vite's public folder) and converts it to GeoJSON.
 * @throws Error when the file cannot be loaded (e.g. the build step did not run)
 */
export async function loadRegions(layer: TRegionLayer, signal?: AbortSignal): Promise<TRegions> {
  const response = await fetch(`${import.meta.env.BASE_URL}geo/${layer}.topo.json`, { signal });
  if (!response.ok) throw new Error(`geo/${layer}.topo.json: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{
    [key: string]: GeometryCollection<TRegionProperties>;
  }>;
  const object = topology.objects[layer];
  if (!object) throw new Error(`geo/${layer}.topo.json has no object "${layer}"`);
  return feature(topology, object) as TRegions;
}

/** The boundaries of `layer`, loaded once per visit (static files); `enabled` false defers loading. */
export function useRegions(layer: TRegionLayer, enabled = true) {
  return useQuery({
    queryKey: ['geo', layer],
    queryFn: ({ signal }) => loadRegions(layer, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
