import { sql } from 'kysely';
import type {
  TKldbNode,
  TKreis,
  TLand,
  TOccupation,
  TOccupationQuery,
  TPlaceHit,
  TPostcodeInfo,
} from '../../../contracts/reference';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { greatCircleKm, postcodeCentroids } from './geo';
import { foldForSearch } from './sources/files';

/**
 * Checks the form of a postcode (exactly five digits, a string).
 * @throws AppError `invalid_postcode` (400) naming `field`, e.g. for "1067" (a lost leading zero)
 */
export function assertPostcode(plz: string, field = 'params.plz'): string {
  const v = plz.trim();
  if (!/^\d{5}$/.test(v)) throw new AppError('invalid_postcode', [{ field, code: 'invalid_postcode' }]);
  return v;
}

/**
 * Postcode details: Land, Kreis, centroid and places (towns first, organisation postcodes marked).
 * @throws `invalid_postcode` (400), `unknown_postcode` (404)
 */
export async function lookupPostcode(db: Executor, plz: string): Promise<TPostcodeInfo> {
  const postcode = assertPostcode(plz);
  const row = await db
    .selectFrom('postcode as p')
    .innerJoin('land as l', 'l.code', 'p.land_code')
    .leftJoin('kreis as k', 'k.ags', 'p.kreis_ags')
    .select([
      'p.postcode',
      'p.land_code',
      'l.name as land_name',
      'p.kreis_ags',
      'k.name as kreis_name',
      'p.lat',
      'p.lon',
    ])
    .where('p.postcode', '=', postcode)
    .executeTakeFirst();
  if (!row) throw new AppError('unknown_postcode', [{ field: 'params.plz', code: 'unknown_postcode' }]);
  const places = await db
    .selectFrom('postcode_place')
    .select(['name', 'organisation'])
    .where('postcode', '=', postcode)
    .orderBy('organisation')
    .orderBy('name')
    .execute();
  return {
    postcode: row.postcode,
    landCode: row.land_code,
    landName: row.land_name,
    kreisAgs: row.kreis_ags,
    kreisName: row.kreis_name ?? '',
    lat: row.lat,
    lon: row.lon,
    places,
  };
}

/**
 * Great-circle distance in km between the centroids of two postcodes (GeoNames coordinates).
 * @throws `invalid_postcode` (400), `unknown_postcode` (404, field `from`/`to` as given)
 */
export async function distanceKm(
  db: Executor,
  plzA: string,
  plzB: string,
  fields = ['query.from', 'query.to'],
): Promise<number> {
  const centroids = await postcodeCentroids(db);
  const points = [plzA, plzB].map((plz, i) => {
    const field = fields[i] ?? 'postcode';
    const c = centroids.get(assertPostcode(plz, field));
    if (!c) throw new AppError('unknown_postcode', [{ field, code: 'unknown_postcode' }]);
    return c;
  });
  return greatCircleKm(points[0] as { lat: number; lon: number }, points[1] as { lat: number; lon: number });
}

/**
 * Place-name autocomplete: places whose name starts with `q` (case- and accent-insensitive, umlauts
 * also as ae/oe/ue; "Magdeb" → Magdeburg …), or postcodes starting with `q` when it is digits. Towns
 * only; exact names, towns that are their own Kreis and populous Kreise first.
 */
export async function searchPlaces(db: Executor, q: string, limit: number): Promise<TPlaceHit[]> {
  const digits = /^\d+$/.test(q.trim());
  const folded = foldForSearch(q);
  // "Muenchen", "Koeln": umlauts typed as ae/oe/ue are tried folded too ("munchen").
  const variants = [...new Set([folded, folded.replace(/([aou])e/g, '$1')])].map((v) =>
    v.replace(/[%_\\]/g, '\\$&'),
  );
  const rows = await db
    .selectFrom('postcode_place as pp')
    .innerJoin('postcode as p', 'p.postcode', 'pp.postcode')
    .innerJoin('land as l', 'l.code', 'p.land_code')
    .leftJoin('kreis as k', 'k.ags', 'p.kreis_ags')
    .select(['pp.postcode', 'pp.name as place', 'k.name as kreis_name', 'p.land_code', 'l.name as land_name'])
    .where('pp.organisation', '=', false)
    .where((eb) =>
      digits
        ? eb('pp.postcode', 'like', `${q.trim()}%`)
        : eb.or(variants.map((v) => eb('pp.search_name', 'like', `${v}%`))),
    )
    // Exact names first, then the town that is its own Kreis (Hagen the city, not the village),
    // then bigger Kreise: typing a city's name must land in that city.
    .orderBy(sql`pp.search_name IN (${sql.join(variants)})`, 'desc')
    .orderBy(sql`pp.name = k.name`, 'desc')
    .orderBy('k.population', (ob) => ob.desc().nullsLast())
    .orderBy(sql`length(pp.name)`)
    .orderBy('pp.name')
    .orderBy('pp.postcode')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    postcode: r.postcode,
    place: r.place,
    kreisName: r.kreis_name ?? '',
    landCode: r.land_code,
    landName: r.land_name,
  }));
}

type OccupationRow = {
  id: string;
  name: string;
  name_female: string;
  name_male: string;
  kldb: string;
  duration_months: number;
  chamber: string[];
  kind: string;
  aliases: string[];
  field: string | null;
  legal_basis: string | null;
};

function toOccupation(r: OccupationRow, q?: string): TOccupation {
  const folded = q ? foldForSearch(q) : '';
  const nameHit =
    !folded || [r.name, r.name_female, r.name_male].some((n) => foldForSearch(n).includes(folded));
  return {
    id: r.id,
    name: r.name,
    nameFemale: r.name_female,
    nameMale: r.name_male,
    kldb: r.kldb,
    durationMonths: r.duration_months,
    chamber: r.chamber as TOccupation['chamber'],
    kind: r.kind as TOccupation['kind'],
    aliases: r.aliases,
    field: r.field,
    legalBasis: r.legal_basis,
    matchedAlias: nameHit ? null : (r.aliases.find((a) => foldForSearch(a).includes(folded)) ?? null),
  };
}

const OCCUPATION_COLUMNS = [
  'id',
  'name',
  'name_female',
  'name_male',
  'kldb',
  'duration_months',
  'chamber',
  'kind',
  'aliases',
  'field',
  'legal_basis',
] as const;

/**
 * Searches occupations by official name, gendered forms, aliases (former/colloquial names) and
 * misspellings (pg_trgm word similarity). Substring hits rank first, then by similarity. When
 * nothing is close enough, returns the nearest few instead of nothing.
 */
export async function searchOccupations(
  db: Executor,
  q: TOccupationQuery,
): Promise<{ items: TOccupation[]; total: number }> {
  let base = db.selectFrom('occupation');
  if (q.kldbPrefix) base = base.where('kldb', 'like', `${q.kldbPrefix}%`);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.letter) base = base.where('search_text', 'like', `${foldForSearch(q.letter)}%`);
  if (!q.q) {
    const [rows, count] = await Promise.all([
      base.select(OCCUPATION_COLUMNS).orderBy('search_text').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toOccupation(r)), total: Number(count.n) };
  }
  const folded = foldForSearch(q.q);
  const like = `%${folded.replace(/[%_\\]/g, '\\$&')}%`;
  const score = sql<number>`word_similarity(${folded}, search_text)`;
  const ranked = base
    .select(OCCUPATION_COLUMNS)
    .select([
      score.as('score'),
      sql<boolean>`search_text LIKE ${like}`.as('contains'),
      sql<boolean>`search_text LIKE ${`${folded.replace(/[%_\\]/g, '\\$&')}%`}`.as('starts'),
    ])
    .orderBy('contains', 'desc')
    .orderBy('starts', 'desc')
    .orderBy('score', 'desc')
    .orderBy(sql`kind = 'eq'`)
    .orderBy(sql`length(name)`)
    .orderBy('search_text');
  const matching = ranked.where((eb) => eb.or([eb('search_text', 'like', like), eb(score, '>=', 0.5)]));
  const [rows, count] = await Promise.all([
    matching.limit(q.limit).offset(q.offset).execute(),
    base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('search_text', 'like', like), eb(score, '>=', 0.5)]))
      .executeTakeFirstOrThrow(),
  ]);
  if (rows.length === 0 && q.offset === 0) {
    const nearest = await ranked.where(score, '>=', 0.25).limit(Math.min(q.limit, 5)).execute();
    return { items: nearest.map((r) => toOccupation(r, q.q)), total: nearest.length };
  }
  return { items: rows.map((r) => toOccupation(r, q.q)), total: Number(count.n) };
}

/** One occupation by id. @throws `unknown_occupation` (404) */
export async function getOccupation(db: Executor, id: string): Promise<TOccupation> {
  const r = await db
    .selectFrom('occupation')
    .select(OCCUPATION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('unknown_occupation');
  return toOccupation(r);
}

/**
 * KldB 2010 nodes below `parent` (the 10 occupational areas without it), each with the number of
 * recognised occupations filed beneath it. @throws `not_found` for an unknown parent
 */
export async function listKldbChildren(db: Executor, parent?: string): Promise<TKldbNode[]> {
  if (parent && !(await db.selectFrom('kldb').select('code').where('code', '=', parent).executeTakeFirst())) {
    throw new AppError('not_found', [{ field: 'query.parent', code: 'not_found' }]);
  }
  const rows = await db
    .selectFrom('kldb as k')
    .select(['k.code', 'k.level', 'k.title', 'k.short_title', 'k.parent_code'])
    .select((eb) =>
      eb
        .selectFrom('occupation as o')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('o.kldb', 'like', sql`k.code || '%'`)
        .as('occupation_count'),
    )
    .where((eb) => (parent ? eb('k.parent_code', '=', parent) : eb('k.level', '=', 1)))
    .orderBy('k.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    level: r.level,
    title: r.title,
    shortTitle: r.short_title,
    parentCode: r.parent_code,
    occupationCount: Number(r.occupation_count ?? 0),
  }));
}

/** The 16 Länder, by AGS code. */
export async function listLaender(db: Executor): Promise<TLand[]> {
  const rows = await db.selectFrom('land').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, population: r.population }));
}

/** Kreise, optionally of one Land, by AGS. */
export async function listKreise(db: Executor, landCode?: string): Promise<TKreis[]> {
  let q = db.selectFrom('kreis').selectAll().orderBy('ags');
  if (landCode) q = q.where('land_code', '=', landCode);
  const rows = await q.execute();
  return rows.map(toKreis);
}

function toKreis(r: {
  ags: string;
  name: string;
  land_code: string;
  population: number | null;
  population_per_km2: number | null;
}): TKreis {
  return {
    ags: r.ags,
    name: r.name,
    landCode: r.land_code,
    population: r.population,
    populationPerKm2: r.population_per_km2,
  };
}

/** One Kreis by AGS (5 digits) with population and density (inhabitants per km²), or undefined. */
export async function getKreis(db: Executor, ags: string): Promise<TKreis | undefined> {
  const r = await db.selectFrom('kreis').selectAll().where('ags', '=', ags).executeTakeFirst();
  return r ? toKreis(r) : undefined;
}
