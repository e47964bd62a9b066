import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type TClientFields, ZClientFields } from '../../../contracts/clients';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { AppError, type FieldError } from '../../platform/errors';
import { EARLIEST_BIRTH_DATE, toColumns } from './clients.checks';
import { type ClientRow, isoDate } from './clients.repository';
import { buildNameKeys, buildSearchText } from './clients.search';
import { type Region, snapshotData, todayIso } from './clients.view';
import { assertClientMayConsent, impossibleDate } from './consents.rules';

/**
 * Bulk insert of complete client records (demo seed, issue 6): hundreds of clients in a handful of
 * statements instead of `createClient`'s dozen queries each. Same rules and derived columns as the
 * single path — fields checked by `ZClientFields`, impossible dates, unknown postcodes and occupations
 * refused, place from the postcode, search text and phonetic name keys, the counselling consent given
 * by the client personally (at least `CONSENT_MIN_AGE` old), entry snapshot of the programme fields —
 * but no access check and one audit entry for the whole batch: the caller (the demo seed, a system
 * context) vouches for the office and the data.
 */

/** Rows per INSERT statement (≈ 40 parameters per client row, well below PostgreSQL's 65,535). */
const CHUNK = 500;

/** A consent the client gave personally (`given_by = 'client'`), dated `YYYY-MM-DD`. */
export interface ClientSeedConsent {
  givenOn: string;
  form: 'paper' | 'digital';
  legalBasis?: 'art6_1a' | 'art9_2a';
}

/** One client to insert: its fields, the counselling consent of the intake, optionally a matching consent. */
export interface ClientSeedRow {
  fields: TClientFields;
  counsellingConsent: ClientSeedConsent;
  matchingConsent: ClientSeedConsent | null;
}

/** Place, Land, Kreis and density of each known postcode among `postcodes` (one read of the reference tables). */
async function postcodeFacts(
  exec: Executor,
  postcodes: string[],
): Promise<Map<string, { place: string | null; region: Region }>> {
  const out = new Map<string, { place: string | null; region: Region }>();
  if (postcodes.length === 0) return out;
  // The place as `checkFields` picks it: the first town (organisations last, then by name).
  const rows = await exec
    .selectFrom('postcode as p')
    .leftJoin('kreis as k', 'k.ags', 'p.kreis_ags')
    .select([
      'p.postcode',
      'p.land_code',
      'p.kreis_ags',
      'k.population_per_km2',
      sql<string | null>`(select pp.name from postcode_place pp where pp.postcode = p.postcode
        order by pp.organisation, pp.name limit 1)`.as('place'),
    ])
    .where(sql<boolean>`p.postcode = any(${postcodes}::text[])`)
    .execute();
  for (const r of rows) {
    out.set(r.postcode, {
      place: r.place,
      region: { landCode: r.land_code, kreisAgs: r.kreis_ags, densityPerKm2: r.population_per_km2 },
    });
  }
  return out;
}

/** Every problem of the rows, each field named `rows.N.<field>` (N = index in `rows`). */
async function checkRows(
  exec: Executor,
  rows: readonly ClientSeedRow[],
  minAge: number,
): Promise<{ errors: FieldError[]; facts: Awaited<ReturnType<typeof postcodeFacts>> }> {
  const today = todayIso();
  const errors: FieldError[] = [];
  const postcodes = [...new Set(rows.flatMap((r) => (r.fields.postcode ? [r.fields.postcode] : [])))];
  const occupationIds = [...new Set(rows.flatMap((r) => r.fields.wishedOccupationIds ?? []))];
  const [facts, known] = await Promise.all([
    postcodeFacts(exec, postcodes),
    occupationIds.length === 0
      ? Promise.resolve([])
      : exec
          .selectFrom('occupation')
          .select('id')
          .where(sql<boolean>`id = any(${occupationIds}::text[])`)
          .execute(),
  ]);
  const knownOccupations = new Set(known.map((o) => o.id));
  for (const [i, r] of rows.entries()) {
    const at = `rows.${i}`;
    const parsed = ZClientFields.safeParse(r.fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ field: [at, ...issue.path.map(String)].join('.'), code: issue.code });
      }
      continue;
    }
    const f = r.fields;
    const dob = f.dateOfBirth ?? null;
    for (const e of [
      impossibleDate(f.dateOfBirth, `${at}.dateOfBirth`, { today, notBefore: EARLIEST_BIRTH_DATE }),
      impossibleDate(f.germanLevelDate, `${at}.germanLevelDate`, { today, notBefore: dob }),
    ])
      if (e) errors.push(e);
    if (f.availableFrom && f.availableUntil && f.availableUntil < f.availableFrom) {
      errors.push({ field: `${at}.availableUntil`, code: 'until_before_from' });
    }
    if (f.postcode && !facts.has(f.postcode)) {
      errors.push({ field: `${at}.postcode`, code: 'unknown_postcode', messageKey: 'unknown_postcode' });
    }
    for (const [j, id] of (f.wishedOccupationIds ?? []).entries()) {
      if (!knownOccupations.has(id)) {
        const field = `${at}.wishedOccupationIds.${j}`;
        errors.push({ field, code: 'unknown_occupation', messageKey: 'unknown_occupation' });
      }
    }
    for (const [name, c] of [
      ['counsellingConsent', r.counsellingConsent],
      ['matchingConsent', r.matchingConsent],
    ] as const) {
      if (!c) continue;
      const e = impossibleDate(c.givenOn, `${at}.${name}.givenOn`, { today, notBefore: dob });
      if (e) errors.push(e);
      try {
        assertClientMayConsent({ minAge, dateOfBirth: dob, givenOn: c.givenOn, field: `${at}.${name}` });
      } catch (err) {
        if (err instanceof AppError) errors.push(...err.fields);
        else throw err;
      }
    }
  }
  return { errors, facts };
}

/**
 * Inserts complete client records into office `officeId` inside `exec` (the caller's transaction):
 * one checking read per kind (postcodes, occupations), then one multi-row INSERT per 500 clients,
 * consents and entry snapshots, and one audit entry (`create`, entity `client`, no id, details
 * `{ bulk: true, count }`). Consents are recorded as given by the client personally on their date,
 * `recordedBy` as the recording user (null: the installation). No access check (see the file comment).
 * @returns the new client ids, in row order
 * @throws AppError `validation` (400) listing every problem as `rows.N.<field>` — zod codes,
 *   `impossible_date`, `until_before_from`, `unknown_postcode`, `unknown_occupation`,
 *   `below_consent_age`, `date_of_birth_unknown`; nothing is written then
 */
export async function bulkInsertClients(
  ctx: RequestContext,
  exec: Executor,
  input: { officeId: string; recordedBy: string | null; rows: readonly ClientSeedRow[] },
): Promise<string[]> {
  const { officeId, recordedBy, rows } = input;
  if (rows.length === 0) return [];
  const { errors, facts } = await checkRows(exec, rows, ctx.config.consentMinAge);
  if (errors.length > 0) throw new AppError('validation', errors.slice(0, 100));
  const ids = rows.map(() => randomUUID());
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await exec
      .insertInto('client')
      .values(
        part.map((r, j) => ({
          ...toColumns(r.fields),
          id: ids[i + j] as string,
          office_id: officeId,
          given_names: r.fields.givenNames,
          family_name: r.fields.familyName,
          place: r.fields.postcode ? (facts.get(r.fields.postcode)?.place ?? null) : null,
          search_text: buildSearchText(r.fields),
          name_keys: buildNameKeys(r.fields),
          created_by: recordedBy,
        })) as never,
      )
      .execute();
  }
  const consents = rows.flatMap((r, i) =>
    (['counselling', 'matching'] as const).flatMap((purpose) => {
      const c = purpose === 'counselling' ? r.counsellingConsent : r.matchingConsent;
      if (!c) return [];
      return [
        {
          client_id: ids[i] as string,
          office_id: officeId,
          purpose,
          partner_name: null,
          legal_basis: c.legalBasis ?? 'art6_1a',
          given_on: c.givenOn,
          form: c.form,
          given_by: 'client',
          guardian_id: null,
          recorded_by: recordedBy,
        },
      ];
    }),
  );
  for (let i = 0; i < consents.length; i += CHUNK) {
    await exec
      .insertInto('consent')
      .values(consents.slice(i, i + CHUNK))
      .execute();
  }
  await insertEntrySnapshots(exec, officeId, ids, facts);
  await audit(ctx, exec, {
    action: 'create',
    entityType: 'client',
    entityId: null,
    officeId,
    details: { bulk: true, count: rows.length },
  });
  return ids;
}

/** The entry snapshots of freshly inserted clients (read back once, as `fillEntrySnapshot` would take them). */
async function insertEntrySnapshots(
  exec: Executor,
  officeId: string,
  ids: readonly string[],
  facts: Awaited<ReturnType<typeof postcodeFacts>>,
): Promise<void> {
  const none: Region = { landCode: null, kreisAgs: null, densityPerKm2: null };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await exec
      .selectFrom('client as c')
      .selectAll('c')
      .select(isoDate('c.date_of_birth').as('date_of_birth'))
      .where(sql<boolean>`c.id = any(${ids.slice(i, i + CHUNK)}::uuid[])`)
      .execute();
    const snapshots = rows.map((r) => ({
      client_id: r.id,
      office_id: officeId,
      kind: 'entry' as const,
      data: JSON.stringify(
        snapshotData(r as unknown as ClientRow, (r.postcode && facts.get(r.postcode.trim())?.region) || none),
      ),
    }));
    if (snapshots.length > 0) await exec.insertInto('client_snapshot').values(snapshots).execute();
  }
}
