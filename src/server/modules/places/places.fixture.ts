import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

/**
 * Test fixtures of the places module: companies and contact persons inserted straight into the
 * companies module's tables (tests only — the app writes them through the companies module), so
 * place tests do not depend on that module's routes.
 */

/** Id of the office whose name contains `name` (e.g. "Düsseldorf", "Hagen", "Landesstelle"). */
export async function officeIdOf(db: Kysely<Database>, name: string): Promise<string> {
  const r = await db
    .selectFrom('office')
    .select('id')
    .where('name', 'like', `%${name}%`)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts a company of `officeId` (stage `offering` unless given) and returns its id. */
export async function insertTestCompany(
  db: Kysely<Database>,
  input: {
    officeId: string;
    name: string;
    postcode?: string | null;
    place?: string | null;
    mergedIntoId?: string | null;
    /** Pipeline stage (default `offering`). */
    stage?: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('company')
    .values({
      office_id: input.officeId,
      name: input.name,
      postcode: input.postcode ?? null,
      place: input.place ?? null,
      merged_into_id: input.mergedIntoId ?? null,
      stage: input.stage ?? 'offering',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts a contact person of a company and returns its id. */
export async function insertTestContactPerson(
  db: Kysely<Database>,
  input: { companyId: string; officeId: string; name: string },
): Promise<string> {
  const r = await db
    .insertInto('company_contact_person')
    .values({ company_id: input.companyId, office_id: input.officeId, name: input.name, role: 'trainer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
