// Turns the BKG boundaries (data/geo/*.geojson, VG5000, CRS84) into small TopoJSON files for the web map
// (src/web/public/geo/*.topo.json, generated, not committed): spherical Visvalingam simplification with one
// threshold for both files (so Land and Kreis borders still line up), tiny islands dropped, coordinates
// quantised, only the properties ARS and GEN kept.
// Usage: `node scripts/build-geo.mjs` (always builds) or `node scripts/build-geo.mjs --if-stale` (only when an
// output is missing or older than its input or this script). Licence of the data: Datenlizenz Deutschland –
// Namensnennung 2.0, attribution "© GeoBasis-DE / BKG 2021 (Daten verändert)" (see data/geo/quellenvermerk.txt).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import topojsonClient from 'topojson-client';
import topojsonServer from 'topojson-server';
import topojsonSimplify from 'topojson-simplify';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const outDir = join(root, 'src/web/public/geo');

/** Earth radius (km) used to express the thresholds below in km². */
const EARTH_RADIUS_KM = 6371;
/** Points whose Visvalingam triangle is smaller than this (km²) are dropped; ~0.25 km² keeps the shape at map scale. */
const MIN_TRIANGLE_KM2 = 0.25;
/** Islands (rings) smaller than this (km²) are dropped; Helgoland (1.7 km²) stays. */
const MIN_RING_KM2 = 1;
/** Grid of the quantised coordinates (per axis): ~90 m over Germany, finer than a pixel of the map. */
const QUANTIZATION = 1e4;

const km2ToSteradians = (km2) => km2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

/**
 * The files to build. Länder: VG5000 has a land part and (for coastal Länder and the Bodensee) water parts
 * with the same ARS; the land part is the largest, so only the largest feature per ARS is kept.
 */
const TARGETS = [
  { input: 'data/geo/laender.geojson', output: 'laender.topo.json', object: 'laender', largestPerArs: true },
  { input: 'data/geo/kreise.geojson', output: 'kreise.topo.json', object: 'kreise', largestPerArs: false },
];

/** Spherical area (km²) of a GeoJSON feature's rings (outer minus holes), via topojson-simplify's ring area. */
function featureAreaKm2(feature) {
  const polygons =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let sr = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      sr += (i === 0 ? 1 : -1) * topojsonSimplify.sphericalRingArea(ring, i > 0);
    });
  }
  return sr * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** Features with only `ARS` and `GEN` (and `id` = ARS); with `largestPerArs`, one feature per ARS. */
function cleanFeatures(collection, largestPerArs) {
  let features = collection.features.map((f) => ({
    type: 'Feature',
    id: f.properties.ARS,
    properties: { ARS: f.properties.ARS, GEN: f.properties.GEN },
    geometry: f.geometry,
  }));
  if (largestPerArs) {
    const best = new Map();
    for (const f of features) {
      const area = featureAreaKm2(f);
      const current = best.get(f.id);
      if (!current || area > current.area) best.set(f.id, { feature: f, area });
    }
    features = [...best.values()].map((b) => b.feature);
  }
  return { type: 'FeatureCollection', features };
}

/** Builds one simplified, quantised topology with the single object `objectName`. */
export function buildTopology(collection, objectName, largestPerArs) {
  const cleaned = cleanFeatures(collection, largestPerArs);
  // Pre-quantise finely so that shared borders snap onto the same arcs, then simplify on the sphere.
  let topology = topojsonServer.topology({ [objectName]: cleaned }, 1e6);
  topology = topojsonSimplify.presimplify(topology, topojsonSimplify.sphericalTriangleArea);
  topology = topojsonSimplify.simplify(topology, km2ToSteradians(MIN_TRIANGLE_KM2));
  topology = topojsonSimplify.filter(
    topology,
    topojsonSimplify.filterWeight(
      topology,
      km2ToSteradians(MIN_RING_KM2),
      topojsonSimplify.sphericalRingArea,
    ),
  );
  topology = topojsonClient.quantize(topology, QUANTIZATION);
  return topology;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Builds every target (or, with `ifStale`, only those whose output is missing or older than its inputs). */
export function buildGeo({ ifStale = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  for (const target of TARGETS) {
    const input = join(root, target.input);
    const output = join(outDir, target.output);
    if (!existsSync(input)) throw new Error(`${target.input} is missing`);
    if (ifStale && mtime(output) >= Math.max(mtime(input), mtime(self))) continue;
    const topology = buildTopology(
      JSON.parse(readFileSync(input, 'utf8')),
      target.object,
      target.largestPerArs,
    );
    const text = JSON.stringify(topology);
    writeFileSync(output, text);
    const count = topology.objects[target.object].geometries.length;
    console.log(
      `build-geo: ${target.output}: ${count} features, ${(text.length / 1024).toFixed(0)} KB (from ${target.input})`,
    );
  }
}

if (process.argv[1] === self) buildGeo({ ifStale: process.argv.includes('--if-stale') });
