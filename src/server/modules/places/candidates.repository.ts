import { type Insertable, sql, type Updateable } from 'kysely';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import type { PlaceCandidateTable, PlaceProposalTable } from '../../platform/db/schema.companies';
import { inScope, isoDate } from './places.sql';

/**
 * Repository of `place_candidate` and `place_proposal` (the only writer of both). Reads join
 * `client` (the name only) and `app_user` (display names) read-only (ADR 0003); every query takes
 * the office scope.
 */

function candidateBase(db: Executor, scope: OfficeScope) {
  return db
    .selectFrom('place_candidate as pc')
    .innerJoin('client as cl', 'cl.id', 'pc.client_id')
    .leftJoin('place_proposal as pp', 'pp.id', 'pc.proposal_id')
    .leftJoin('app_user as u', 'u.id', 'pc.added_by')
    .where(inScope(scope, 'pc.office_id'))
    .select([
      'pc.id',
      'pc.place_id',
      'pc.office_id',
      'pc.client_id',
      sql<string>`cl.given_names || ' ' || cl.family_name`.as('client_name'),
      'pc.source',
      'pc.score',
      'pc.assessment',
      'pc.assessment_note',
      'pc.proposal_id',
      isoDate('pp.sent_on').$castTo<string | null>().as('proposed_on'),
      'pc.answer',
      isoDate('pc.answer_on').$castTo<string | null>().as('answer_on'),
      'pc.answer_reason',
      'u.display_name as added_by_name',
      'pc.created_at',
      'pc.version',
    ]);
}

/** A candidate row with the client's name and the proposal date. */
export type CandidateRow = NonNullable<Awaited<ReturnType<typeof selectCandidate>>>;

/** One candidate of a place inside `scope`, or undefined. */
export function selectCandidate(db: Executor, scope: OfficeScope, placeId: string, id: string) {
  return candidateBase(db, scope)
    .where('pc.place_id', '=', placeId)
    .where('pc.id', '=', id)
    .executeTakeFirst();
}

/** The candidates of a place inside `scope`: suitable first, then with support, then the rest; by name. */
export function selectCandidates(db: Executor, scope: OfficeScope, placeId: string) {
  return candidateBase(db, scope)
    .where('pc.place_id', '=', placeId)
    .orderBy(
      sql`case pc.assessment when 'suitable' then 0 when 'suitable_with_support' then 1 when 'not_suitable' then 3 else 2 end`,
    )
    .orderBy('cl.family_name')
    .orderBy('cl.given_names')
    .orderBy('pc.id')
    .execute();
}

/** The candidate of `clientId` on a place, if any (one per client and place). */
export function selectCandidateOfClient(db: Executor, placeId: string, clientId: string) {
  return db
    .selectFrom('place_candidate')
    .where('place_id', '=', placeId)
    .where('client_id', '=', clientId)
    .select('id')
    .executeTakeFirst();
}

/** Inserts a candidate; returns its id, or null when the client is already a candidate of the place. */
export async function insertCandidate(
  db: Executor,
  row: Insertable<PlaceCandidateTable>,
): Promise<string | null> {
  const r = await db
    .insertInto('place_candidate')
    .values(row)
    .onConflict((oc) => oc.columns(['place_id', 'client_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Updates a candidate of a place inside `scope` whose `version` still equals `version`, bumping it.
 * @returns true when a row changed, false when stale or outside the scope
 */
export async function updateCandidateVersioned(
  db: Executor,
  scope: OfficeScope,
  placeId: string,
  id: string,
  version: number,
  patch: Updateable<PlaceCandidateTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('place_candidate as pc')
    .set({ ...patch, version: sql`pc.version + 1` })
    .where('pc.id', '=', id)
    .where('pc.place_id', '=', placeId)
    .where('pc.version', '=', version)
    .where(inScope(scope, 'pc.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a candidate of a place inside `scope`; returns true when one was deleted. */
export async function deleteCandidate(db: Executor, scope: OfficeScope, placeId: string, id: string) {
  const r = await db
    .deleteFrom('place_candidate as pc')
    .where('pc.id', '=', id)
    .where('pc.place_id', '=', placeId)
    .where(inScope(scope, 'pc.office_id'))
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Inserts a proposal and returns its id. */
export async function insertProposal(db: Executor, row: Insertable<PlaceProposalTable>): Promise<string> {
  const r = await db.insertInto('place_proposal').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Marks candidates of a place inside `scope` as proposed with `proposalId`, bumping their versions. */
export async function markProposed(
  db: Executor,
  scope: OfficeScope,
  placeId: string,
  candidateIds: readonly string[],
  proposalId: string,
): Promise<number> {
  const r = await db
    .updateTable('place_candidate as pc')
    .set({ proposal_id: proposalId, version: sql`pc.version + 1` })
    .where('pc.place_id', '=', placeId)
    .where('pc.id', 'in', [...candidateIds])
    .where(inScope(scope, 'pc.office_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The proposals of a place inside `scope`, newest first, with who sent them and which candidates. */
export function selectProposals(db: Executor, scope: OfficeScope, placeId: string) {
  return db
    .selectFrom('place_proposal as pp')
    .leftJoin('app_user as u', 'u.id', 'pp.sent_by')
    .where('pp.place_id', '=', placeId)
    .where(inScope(scope, 'pp.office_id'))
    .select([
      'pp.id',
      'pp.place_id',
      isoDate('pp.sent_on').as('sent_on'),
      'pp.channel',
      'pp.note',
      'u.display_name as sent_by_name',
      'pp.created_at',
      sql<
        string[]
      >`coalesce((select array_agg(pc.id::text order by pc.id) from place_candidate pc where pc.proposal_id = pp.id), '{}'::text[])`.as(
        'candidate_ids',
      ),
    ])
    .orderBy('pp.sent_on', 'desc')
    .orderBy('pp.created_at', 'desc')
    .execute();
}

/**
 * Moves the place candidacies of a merged client to the kept client (a `ClientMergeHandler` of the
 * clients module, wired in `app.ts`). Where both were candidates for the same place, the kept
 * client's row wins and the other is dropped (unique place × client).
 */
export async function moveClientCandidates(
  exec: Executor,
  fromClientId: string,
  toClientId: string,
): Promise<void> {
  await exec
    .deleteFrom('place_candidate')
    .where('client_id', '=', fromClientId)
    .where('place_id', 'in', (eb) =>
      eb.selectFrom('place_candidate').select('place_id').where('client_id', '=', toClientId),
    )
    .execute();
  await exec
    .updateTable('place_candidate')
    .set({ client_id: toClientId, version: sql`version + 1` })
    .where('client_id', '=', fromClientId)
    .execute();
}
