import { createRequire } from 'node:module';

/** A Land with population (sum of its Kreise, Destatis 2018). */
export interface LandRecord {
  code: string;
  name: string;
  population: number | null;
}

/** A Kreis with population (Destatis 2018 via landkreise-deutschland, CC BY 4.0). */
export interface KreisRecord {
  ags: string;
  name: string;
  landCode: string;
  population: number | null;
  /** Inhabitants per km² (Destatis 2018 via landkreise-deutschland); null where unknown. */
  populationPerKm2: number | null;
}

interface GeoFeature {
  properties: { ARS: string; GEN: string; BEZ?: string };
}

const require = createRequire(import.meta.url);

/** Destatis population by 5-digit AGS, from the `landkreise-deutschland` package (3.0.0, CC BY 4.0). */
export function populationByAgs(): Map<string, number> {
  const rows = require('landkreise-deutschland/data/districts.json') as Array<{
    AGS: string | number;
    population: number;
  }>;
  return new Map(rows.map((r) => [String(r.AGS).padStart(5, '0'), r.population]));
}

/** Destatis population density (inhabitants per km², 2018) by 5-digit AGS, from `landkreise-deutschland`. */
export function densityByAgs(): Map<string, number> {
  const rows = require('landkreise-deutschland/data/districts.json') as Array<{
    AGS: string | number;
    population_per_km2: number;
  }>;
  return new Map(rows.map((r) => [String(r.AGS).padStart(5, '0'), r.population_per_km2]));
}

/**
 * Länder and Kreise from the BKG VG5000 boundaries (2021, `ARS`/`GEN`; Datenlizenz Deutschland –
 * Namensnennung 2.0) with population where the AGS matches (Kreise reformed after 2018 have none).
 */
export function parseRegions(
  laenderGeoJson: string,
  kreiseGeoJson: string,
): { laender: LandRecord[]; kreise: KreisRecord[] } {
  const pop = populationByAgs();
  const density = densityByAgs();
  const kreise = new Map<string, KreisRecord>();
  for (const f of (JSON.parse(kreiseGeoJson).features as GeoFeature[]) ?? []) {
    const ags = f.properties.ARS.slice(0, 5);
    kreise.set(ags, {
      ags,
      name: f.properties.GEN,
      landCode: ags.slice(0, 2),
      population: pop.get(ags) ?? null,
      populationPerKm2: density.get(ags) ?? null,
    });
  }
  const laender = new Map<string, LandRecord>();
  for (const f of JSON.parse(laenderGeoJson).features as GeoFeature[]) {
    const code = f.properties.ARS.slice(0, 2);
    if (laender.has(code)) continue;
    const own = [...kreise.values()].filter((k) => k.landCode === code);
    const population = own.every((k) => k.population !== null)
      ? own.reduce((s, k) => s + (k.population ?? 0), 0)
      : null;
    laender.set(code, { code, name: f.properties.GEN, population });
  }
  return {
    laender: [...laender.values()].sort((a, b) => a.code.localeCompare(b.code)),
    kreise: [...kreise.values()].sort((a, b) => a.ags.localeCompare(b.ags)),
  };
}
