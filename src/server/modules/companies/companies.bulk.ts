import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TCompanyImportRow } from '../../../contracts/imports.rows';
import type { Executor } from '../../platform/db/database';
import { todayIso } from './companies.access';
import { buildCompanySearchText, companyNameKey } from './companies.text';

/** Rows per INSERT statement (one array parameter per column, so the size is a memory question only). */
const CHUNK = 1000;

/** Key of `findCompaniesByKeys`' map: `${nameKey}|${postcode ?? ''}`. */
export function companyKey(nameKey: string, postcode: string | null): string {
  return `${nameKey}|${postcode ?? ''}`;
}

/**
 * The existing companies of office `officeId` (merged ones ignored) for the given name keys and
 * postcodes, for the importer's duplicate check. One query whatever the number of keys (an array
 * parameter). When several companies share a key, the oldest wins. No access check: the caller
 * (imports service) has checked access and passes the actor's office.
 * @returns map from `${nameKey}|${postcode ?? ''}` to the company's id, name and postcode
 */
export async function findCompaniesByKeys(
  exec: Executor,
  officeId: string,
  keys: ReadonlyArray<{ nameKey: string; postcode: string | null }>,
): Promise<Map<string, { id: string; name: string; postcode: string | null }>> {
  const out = new Map<string, { id: string; name: string; postcode: string | null }>();
  if (keys.length === 0) return out;
  const wanted = new Set(keys.map((k) => companyKey(k.nameKey, k.postcode)));
  const nameKeys = [...new Set(keys.map((k) => k.nameKey))];
  const rows = await exec
    .selectFrom('company as c')
    .select(['c.id', 'c.name', 'c.name_key', sql<string | null>`trim(c.postcode)`.as('postcode')])
    .where('c.office_id', '=', officeId)
    .where('c.merged_into_id', 'is', null)
    .where(sql<boolean>`c.name_key = any(${nameKeys}::text[])`)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  for (const r of rows) {
    const key = companyKey(r.name_key, r.postcode);
    if (wanted.has(key) && !out.has(key)) out.set(key, { id: r.id, name: r.name, postcode: r.postcode });
  }
  return out;
}

/** A text array as a PostgreSQL array literal (`{"tr","de"}`), for a `text[]` column inside `unnest`. */
function arrayLiteral(values: readonly string[]): string {
  return `{${[...new Set(values)].map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Inserts validated import rows as companies of `officeId`, in chunks of `CHUNK` rows: one
 * statement per chunk that unnests one array parameter per column (far cheaper to send and parse
 * than 28 parameters per row) and writes the stage-history row of each company in the same
 * statement (its `stage`, dated today, by `createdBy`). Ids are made here, so they come back in row
 * order. Fills name key and search text. Runs in the caller's transaction `exec`; no access check
 * and no audit entry per row (the imports service checks access and audits the import job).
 * @returns the new ids, in row order
 */
export async function bulkInsertCompanies(
  exec: Executor,
  input: {
    officeId: string;
    importJobId: string | null;
    createdBy: string | null;
    rows: readonly TCompanyImportRow[];
  },
): Promise<string[]> {
  const day = todayIso();
  const ids = input.rows.map(() => randomUUID());
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const rows = input.rows.slice(i, i + CHUNK);
    const col = <T>(pick: (r: TCompanyImportRow) => T): T[] => rows.map(pick);
    const nameKeys = col((r) => companyNameKey(r.name));
    await sql`
      with ins as (
        insert into company (id, office_id, name, legal_form, sector, employees, street, postcode, place,
          phone, email, website, chamber, owner_migration_background, owner_languages, authorised_to_train,
          qualified_trainer, training_history, stage, stage_changed_on, acquisition_channel, tags, notes,
          name_key, search_text, import_job_id, created_by)
        select u.id, ${input.officeId}::uuid, u.name, u.legal_form, u.sector, u.employees, u.street,
          u.postcode, u.place, u.phone, u.email, u.website, u.chamber, u.omb, u.langs::text[], u.att, u.qt,
          u.th, u.stage, ${day}::date, u.channel, u.tags::text[], u.notes, u.name_key, u.search_text,
          ${input.importJobId}::uuid, ${input.createdBy}::uuid
        from unnest(
          ${ids.slice(i, i + CHUNK)}::uuid[], ${col((r) => r.name)}::text[], ${col((r) => r.legalForm)}::text[],
          ${col((r) => r.sector)}::text[], ${col((r) => r.employees)}::int[], ${col((r) => r.street)}::text[],
          ${col((r) => r.postcode)}::text[], ${col((r) => r.place)}::text[], ${col((r) => r.phone)}::text[],
          ${col((r) => r.email)}::text[], ${col((r) => r.website)}::text[], ${col((r) => r.chamber)}::text[],
          ${col((r) => r.ownerMigrationBackground)}::boolean[], ${col((r) => arrayLiteral(r.ownerLanguages))}::text[],
          ${col((r) => r.authorisedToTrain)}::text[], ${col((r) => r.qualifiedTrainer)}::text[],
          ${col((r) => r.trainingHistory)}::text[], ${col((r) => r.stage)}::text[],
          ${col((r) => r.acquisitionChannel)}::text[], ${col((r) => arrayLiteral(r.tags))}::text[],
          ${col((r) => r.notes)}::text[], ${nameKeys}::text[],
          ${rows.map((r, j) => buildCompanySearchText({ name: r.name, place: r.place, postcode: r.postcode, nameKey: nameKeys[j] }))}::text[]
        ) as u(id, name, legal_form, sector, employees, street, postcode, place, phone, email, website,
          chamber, omb, langs, att, qt, th, stage, channel, tags, notes, name_key, search_text)
        returning id, stage
      )
      insert into company_stage_change (company_id, office_id, from_stage, to_stage, changed_on, changed_by)
      select ins.id, ${input.officeId}::uuid, null, ins.stage, ${day}::date, ${input.createdBy}::uuid from ins
    `.execute(exec);
  }
  return ids;
}
