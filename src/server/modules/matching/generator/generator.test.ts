import { describe, expect, it } from 'vitest';
import { createMatchModel, topPlacesForClient } from '../engine';
import { generateDataset, rankOccupations } from './generator';
import { GERMAN_LEVELS, RESIDENCE_STATUSES } from './generator.shares';
import { aliasTable, createRng } from './prng';
import { loadGeneratorReference } from './reference.files';

const ref = loadGeneratorReference();

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws from an alias table in proportion to the weights', () => {
    const rng = createRng(7);
    const t = aliasTable([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) (counts[t.draw(rng)] as number)++;
    expect(counts[1]).toBe(0);
    expect((counts[0] as number) / 100_000).toBeCloseTo(0.1, 2);
    expect((counts[2] as number) / 100_000).toBeCloseTo(0.3, 2);
    expect((counts[3] as number) / 100_000).toBeCloseTo(0.6, 2);
    expect(() => aliasTable([0, 0])).toThrow('no positive weight');
    expect(() => aliasTable([1, -1])).toThrow('finite and ≥ 0');
  });
});

describe('reference data', () => {
  it('reads every residential postcode with a centroid and Kreis and every Kreis population', () => {
    // About 8,300 residential postcodes; the ~2,500 large-organisation postcodes are left out.
    expect(ref.postcodes.length).toBeGreaterThan(8_000);
    expect(ref.postcodes.find((p) => p.postcode === '40213')).toMatchObject({ kreisAgs: '05111' });
    expect(ref.kreisPopulation.get('05111')).toBeGreaterThan(600_000);
    expect(ref.occupations.length).toBeGreaterThan(300);
  });
});

describe('synthetic data set', () => {
  const opts = { seed: 11, clients: 20_000, places: 10_000 };
  const d = generateDataset(ref, opts);

  it('is reproducible: the same seed and options give the same data', () => {
    const small = { seed: 5, clients: 200, places: 300 };
    expect(JSON.stringify(generateDataset(ref, small))).toBe(JSON.stringify(generateDataset(ref, small)));
    expect(JSON.stringify(generateDataset(ref, { ...small, seed: 6 }).clients)).not.toBe(
      JSON.stringify(generateDataset(ref, small).clients),
    );
    // Independent streams: more places do not change the clients.
    expect(generateDataset(ref, { ...small, places: 50 }).clients).toEqual(
      generateDataset(ref, small).clients,
    );
  });

  it('makes the requested numbers with unique uuid-shaped ids', () => {
    expect(d.clients).toHaveLength(20_000);
    expect(d.places).toHaveLength(10_000);
    expect(d.companies).toHaveLength(4_000);
    const ids = new Set([...d.clients, ...d.places, ...d.companies].map((r) => r.id));
    expect(ids.size).toBe(34_000);
    expect(d.clients[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives German levels and residence statuses in the documented shares (±1.5 points)', () => {
    for (const [table, key] of [
      [GERMAN_LEVELS, 'germanLevel'],
      [RESIDENCE_STATUSES, 'residenceStatus'],
    ] as const) {
      const total = table.reduce((s, [, w]) => s + w, 0);
      for (const [value, w] of table) {
        const share = d.clients.filter((c) => c[key] === value).length / d.clients.length;
        expect(Math.abs(share - w / total)).toBeLessThan(0.015);
      }
    }
  });

  it('skews wishes like apprenticeship demand: the BIBB top occupations lead', () => {
    const counts = new Map<string, number>();
    for (const c of d.clients) for (const w of c.wishedOccupationIds) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([id]) => id);
    expect(new Set(top)).toEqual(
      new Set([
        'kaufmann-fuer-bueromanagement',
        'kraftfahrzeugmechatroniker',
        'verkaeufer',
        'kaufmann-im-einzelhandel',
      ]),
    );
    const ranked = rankOccupations(ref.occupations);
    expect(ranked[0]?.occ.id).toBe('kaufmann-fuer-bueromanagement');
    // Rank 6 has 0.76 of rank 1's weight (BIBB 2022: 17.4k / 22.95k new contracts).
    const sixth = ranked.find((r) => r.occ.id === 'medizinischer-fachangestellter');
    expect((sixth?.weight ?? 0) / (ranked[0]?.weight ?? 1)).toBeCloseTo(0.76, 2);
    expect(ranked.some((r) => r.occ.kind === 'eq')).toBe(false);
    // Trainings under their own federal law (PflBG …) are on the list but not drawn.
    expect(ref.occupations.some((o) => o.kind === 'federal_other')).toBe(true);
    expect(ranked.some((r) => r.occ.kind === 'federal_other')).toBe(false);
  });

  it('weights postcodes by Kreis population (Berlin far above a small Kreis)', () => {
    const share = (prefix: string) =>
      d.clients.filter((c) => c.kreisAgs?.startsWith(prefix)).length / d.clients.length;
    // Berlin (AGS 11000) holds about 4.4 % of Germany's population, the Kreis Lüchow-Dannenberg (03354) 0.06 %.
    expect(share('11000')).toBeGreaterThan(0.03);
    expect(share('11000')).toBeLessThan(0.06);
    expect(share('03354')).toBeLessThan(0.003);
  });

  it('restricts everything to a region (Kreise or postcode prefixes)', () => {
    const r = generateDataset(ref, {
      seed: 1,
      clients: 300,
      places: 300,
      region: { kreise: ['05111', '05914'] },
    });
    for (const x of [...r.clients.filter((c) => c.kreisAgs), ...r.places, ...r.companies])
      expect(['05111', '05914']).toContain(x.kreisAgs);
    const p = generateDataset(ref, {
      seed: 1,
      clients: 100,
      places: 100,
      region: { postcodePrefixes: ['58'] },
    });
    for (const c of p.clients) if (c.postcode) expect(c.postcode.startsWith('58')).toBe(true);
    expect(() => generateDataset(ref, { clients: 1, places: 0, region: { kreise: ['99999'] } })).toThrow(
      'no postcode',
    );
  });

  it('feeds the engine: a demo region gives explained suggestions', () => {
    const r = generateDataset(ref, {
      seed: 3,
      clients: 300,
      places: 300,
      region: { kreise: ['05111', '05914'] },
    });
    const m = createMatchModel({ occupations: r.occupations, clients: r.clients, places: r.places });
    const withSuggestions = r.clients.filter((c) => topPlacesForClient(m, c.id, 5).length > 0).length;
    expect(withSuggestions / r.clients.length).toBeGreaterThan(0.5);
  });
});
