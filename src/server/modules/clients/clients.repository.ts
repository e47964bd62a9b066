import { type ExpressionBuilder, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import type { ClientTable } from '../../platform/db/schema.counselling';

/**
 * `<ref> IN (<scope offices>)` as a where-condition: `true` for an installation-wide scope, `false`
 * for an empty one. Every query of this module on office-owned rows goes through it.
 */
export function inScope(scope: OfficeScope, ref: string): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.officeIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(ref)} in (${sql.join(scope.officeIds)})`;
}

/** A `date` column as `YYYY-MM-DD` text (node-postgres would make a local-midnight `Date` of it). */
export function isoDate(ref: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(ref)}, 'YYYY-MM-DD')`;
}

/** A client row as read: dates as `YYYY-MM-DD`, plus its current case (read join, ADR 0003). */
export type ClientRow = Selectable<ClientTable> & {
  case_id: string | null;
  case_stage: string | null;
  case_last_contact_on: string | null;
  counsellor_name: string | null;
};

/** Columns to write (dates as `YYYY-MM-DD` strings, `languages` as JSON text). */
export type ClientWrite = Updateable<ClientTable>;

const DATE_COLUMNS = [
  'date_of_birth',
  'german_level_date',
  'residence_expires_on',
  'work_permit_expires_on',
  'available_from',
  'available_until',
] as const;

/**
 * The client's current case, read-only (ADR 0003): its open case if any, else the newest; with the
 * counsellor's display name. The `case` table belongs to the cases module.
 */
function withCurrentCase(db: Executor) {
  return db
    .selectFrom('client as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case as k')
          .select(['k.id', 'k.stage', 'k.counsellor_id', isoDate('k.last_contact_on').as('last_contact_on')])
          .whereRef('k.client_id', '=', 'c.id')
          .whereRef('k.office_id', '=', 'c.office_id')
          .orderBy(sql`k.stage = 'closed'`)
          .orderBy('k.created_at', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .leftJoin('app_user as u', 'u.id', 'cur.counsellor_id');
}

/** One client inside `scope` (merged records included), with its current case; undefined otherwise. */
export async function selectClient(
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<ClientRow | undefined> {
  const row = await withCurrentCase(db)
    .selectAll('c')
    // Later columns of the same name win: the dates come back as text.
    .select(DATE_COLUMNS.map((col) => isoDate(`c.${col}`).as(col)))
    .select(['cur.id as case_id', 'cur.stage as case_stage', 'cur.last_contact_on as case_last_contact_on'])
    .select('u.display_name as counsellor_name')
    .where('c.id', '=', id)
    .where(inScope(scope, 'c.office_id'))
    .executeTakeFirst();
  return row as ClientRow | undefined;
}

/** Locks a client row inside `scope` for the rest of the transaction; false when absent. */
export async function lockClient(db: Executor, scope: OfficeScope, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('client')
    .select('id')
    .where('id', '=', id)
    .where(inScope(scope, 'office_id'))
    .forUpdate()
    .executeTakeFirst();
  return r !== undefined;
}

/** Inserts a client and returns its id. */
export async function insertClient(
  db: Executor,
  row: ClientWrite & { office_id: string; given_names: string; family_name: string },
): Promise<string> {
  const r = await db
    .insertInto('client')
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates a client inside `scope`, bumping `version`; with `version` only while it still equals it.
 * @returns true when a row changed, false when stale, merged away or outside the scope
 */
export async function updateClient(
  db: Executor,
  scope: OfficeScope,
  id: string,
  version: number | null,
  patch: ClientWrite,
): Promise<boolean> {
  let q = db
    .updateTable('client')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('merged_into_id', 'is', null)
    .where(inScope(scope, 'office_id'));
  if (version !== null) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks `fromId` as merged into `intoId` (both inside `scope`), bumping its version. */
export async function markMerged(
  db: Executor,
  scope: OfficeScope,
  fromId: string,
  intoId: string,
): Promise<void> {
  await db
    .updateTable('client')
    .set({ merged_into_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', fromId)
    .where(inScope(scope, 'office_id'))
    .execute();
}

/** A row of the client list or search, with its current case and (when searching) a rank. */
export type ClientSummaryRow = {
  id: string;
  given_names: string;
  family_name: string;
  date_of_birth: string | null;
  postcode: string | null;
  place: string | null;
  german_level: string | null;
  name_keys: string[];
  case_id: string | null;
  case_stage: string | null;
  case_last_contact_on: string | null;
  counsellor_name: string | null;
};

function summaryQuery(db: Executor, scope: OfficeScope) {
  return withCurrentCase(db)
    .select([
      'c.id',
      'c.given_names',
      'c.family_name',
      isoDate('c.date_of_birth').as('date_of_birth'),
      sql<string | null>`trim(c.postcode)`.as('postcode'),
      'c.place',
      'c.german_level',
      'c.name_keys',
      'cur.id as case_id',
      'cur.stage as case_stage',
      'cur.last_contact_on as case_last_contact_on',
      'u.display_name as counsellor_name',
    ])
    .where(inScope(scope, 'c.office_id'))
    .where('c.merged_into_id', 'is', null);
}

/** What a search runs on: the folded text, the phone digits (if the query looks like a number), phonetic keys. */
export interface ClientSearch {
  /** Query folded like `search_text` (lower case, no accents). */
  folded: string;
  /** Digits of a phone-like query, else null. */
  digits: string | null;
  /** Phonetic name keys of the query (duplicates engine `searchKeys`). */
  keys: string[];
  /** Only the substring test (part of an e-mail address): no full text, similarity or name keys. */
  exact?: boolean;
  /** A whole e-mail address, lower case: only clients whose e-mail is exactly this (case-insensitive). */
  email?: string | null;
  limit: number;
  offset: number;
}

/** Word similarity (pg_trgm) from which a misspelt query still counts as a hit. */
const SIMILARITY_MIN = 0.5;

/**
 * Clients inside `scope` (not merged away) matching a search: German full text on `search_text`
 * OR a substring (phone digits, e-mail, postcode) OR trigram word similarity ≥ 0.5 OR a shared
 * phonetic name key. Ranked: substring hits, then full-text rank + similarity + share of the
 * query's name keys found. Without a query: all, by family and given names.
 */
export async function searchClients(
  db: Executor,
  scope: OfficeScope,
  s: ClientSearch | null,
  page: { limit: number; offset: number },
): Promise<{ rows: ClientSummaryRow[]; total: number }> {
  const base = summaryQuery(db, scope);
  if (!s) {
    const [rows, count] = await Promise.all([
      base
        .orderBy('c.family_name')
        .orderBy('c.given_names')
        .orderBy('c.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('client as c')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(inScope(scope, 'c.office_id'))
        .where('c.merged_into_id', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }
  const like = `%${(s.digits ?? s.folded).replace(/[%_\\]/g, '\\$&')}%`;
  const fts = sql<boolean>`to_tsvector('german', c.search_text) @@ plainto_tsquery('german', ${s.folded})`;
  const similarity = sql<number>`word_similarity(${s.folded}, c.search_text)`;
  const keys = sql`${s.keys}::text[]`;
  const keyShare =
    s.keys.length > 0
      ? sql<number>`(select count(distinct k) from unnest(c.name_keys) k where k = any(${keys}))::float / ${s.keys.length}`
      : sql<number>`0`;
  const contains = sql<boolean>`c.search_text like ${like}`;
  const matches = (eb: ExpressionBuilder<Database, never>) =>
    s.email
      ? sql<boolean>`lower(c.email) = ${s.email}`
      : s.exact
        ? contains
        : eb.or([
            fts,
            contains,
            eb(similarity, '>=', SIMILARITY_MIN),
            ...(s.keys.length > 0 ? [sql<boolean>`c.name_keys && ${keys}`] : []),
          ]);
  const rank = sql<number>`(case when ${contains} then 1 else 0 end) + ts_rank(to_tsvector('german', c.search_text), plainto_tsquery('german', ${s.folded})) + ${similarity} + ${keyShare}`;
  const [rows, count] = await Promise.all([
    base
      .where(matches as never)
      .orderBy(rank, 'desc')
      .orderBy('c.family_name')
      .orderBy('c.id')
      .limit(s.limit)
      .offset(s.offset)
      .execute(),
    db
      .selectFrom('client as c')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(inScope(scope, 'c.office_id'))
      .where('c.merged_into_id', 'is', null)
      .where(matches as never)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Candidates for a duplicate check inside `scope`: clients (not merged away) sharing a phonetic name
 * key or born on `dateOfBirth`; at most `limit`.
 */
export function selectDuplicateCandidates(
  db: Executor,
  scope: OfficeScope,
  c: { keys: string[]; dateOfBirth: string | null; excludeId?: string; limit: number },
): Promise<ClientSummaryRow[]> {
  let q = summaryQuery(db, scope).where((eb) =>
    eb.or([
      sql<boolean>`c.name_keys && ${sql`${c.keys}::text[]`}`,
      ...(c.dateOfBirth ? [eb('c.date_of_birth', '=', c.dateOfBirth)] : []),
    ]),
  );
  if (c.excludeId) q = q.where('c.id', '<>', c.excludeId);
  return q.orderBy('c.family_name').orderBy('c.id').limit(c.limit).execute();
}

/**
 * Pairs of clients inside `scope` (not merged away) that share a phonetic name key, first id < second
 * id; at most `limit` pairs (the GIN index on `name_keys` keeps this cheap).
 */
export async function selectCandidatePairs(
  db: Executor,
  scope: OfficeScope,
  limit: number,
): Promise<Array<{ a: string; b: string }>> {
  return db
    .selectFrom('client as x')
    .innerJoin('client as y', (j) =>
      j
        .onRef('y.office_id', '=', 'x.office_id')
        .onRef('y.id', '>', 'x.id')
        .on(sql<boolean>`y.name_keys && x.name_keys`),
    )
    .select(['x.id as a', 'y.id as b'])
    .where(inScope(scope, 'x.office_id'))
    .where('x.merged_into_id', 'is', null)
    .where('y.merged_into_id', 'is', null)
    .limit(limit)
    .execute();
}

/** Summary rows of the given clients inside `scope`. */
export function selectSummaries(
  db: Executor,
  scope: OfficeScope,
  ids: string[],
): Promise<ClientSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return summaryQuery(db, scope).where('c.id', 'in', ids).execute();
}

/** Number of cases of a client (read-only, ADR 0003): a merge must not leave cases behind. */
export async function countCases(db: Executor, scope: OfficeScope, clientId: string): Promise<number> {
  const r = await db
    .selectFrom('case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_id', '=', clientId)
    .where(inScope(scope, 'office_id'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Population density (inhabitants per km²) of the Kreis of a postcode, or null (reference data, read-only). */
export async function selectDensityOfPostcode(db: Executor, postcode: string): Promise<number | null> {
  const r = await db
    .selectFrom('postcode as p')
    .innerJoin('kreis as k', 'k.ags', 'p.kreis_ags')
    .select('k.population_per_km2')
    .where('p.postcode', '=', postcode)
    .executeTakeFirst();
  return r?.population_per_km2 ?? null;
}
