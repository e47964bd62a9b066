import type { TDuplicateCheck, TDuplicateHit, TDuplicatePair } from '../../../contracts/clients';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { auditListRead } from './clients.audit';
import * as repo from './clients.repository';
import { clientScope, toSummary } from './clients.view';
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  findDuplicates,
  type PreparedPerson,
  preparePerson,
  scorePrepared,
  searchKeys,
} from './duplicates/index';

/** Most candidates a check scores (preselected by shared phonetic key or equal date of birth). */
const MAX_CANDIDATES = 500;
/** Most hits an intake check returns. */
const MAX_HITS = 20;
/** Most candidate pairs the duplicate list scores per office, and most pairs it returns. */
const MAX_PAIRS_SCANNED = 5000;
const MAX_PAIRS = 100;

/**
 * Intake check: clients of the actor's office that may be the person about to be recorded (names in
 * any spelling or script, date of birth), best first, each with its score (0–1) and the engine's
 * reasons (`given_phonetic`, `dob_equal`, …). Candidates share a phonetic name key or the birth date;
 * scored by the duplicates engine (threshold `DEFAULT_DUPLICATE_THRESHOLD`). Merged-away records are
 * left out. @throws `forbidden`
 */
export async function checkDuplicates(ctx: RequestContext, input: TDuplicateCheck): Promise<TDuplicateHit[]> {
  const actor = requireAccess(ctx, 'read', 'client');
  const keys = searchKeys(`${input.givenNames} ${input.familyName}`);
  const rows = await repo.selectDuplicateCandidates(ctx.db, clientScope(actor), {
    keys,
    dateOfBirth: input.dateOfBirth ?? null,
    limit: MAX_CANDIDATES,
  });
  const people = rows.map((row) => ({
    row,
    givenNames: row.given_names,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
  }));
  const hits = findDuplicates(input, people, { limit: MAX_HITS }).map((h) => ({
    client: toSummary(h.record.row),
    score: h.score,
    reasons: h.reasons,
  }));
  await auditListRead(
    ctx,
    'duplicate_check',
    hits.map((h) => h.client.id),
  );
  return hits;
}

/**
 * Likely duplicate pairs among the clients of the actor's office (not merged away), best first: pairs
 * sharing a phonetic name key, scored by the duplicates engine, kept from `DEFAULT_DUPLICATE_THRESHOLD`.
 * At most 100 pairs. @throws `forbidden`
 */
export async function listDuplicatePairs(ctx: RequestContext): Promise<TDuplicatePair[]> {
  const actor = requireAccess(ctx, 'read', 'client');
  const scope = clientScope(actor);
  const pairs = await repo.selectCandidatePairs(ctx.db, scope, MAX_PAIRS_SCANNED);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = new Map((await repo.selectSummaries(ctx.db, scope, ids)).map((r) => [r.id, r]));
  const prepared = new Map<string, PreparedPerson>();
  const prepare = (id: string): PreparedPerson | undefined => {
    const row = rows.get(id);
    if (!row) return undefined;
    let p = prepared.get(id);
    if (!p) {
      p = preparePerson({
        givenNames: row.given_names,
        familyName: row.family_name,
        dateOfBirth: row.date_of_birth,
      });
      prepared.set(id, p);
    }
    return p;
  };
  const out: TDuplicatePair[] = [];
  for (const pair of pairs) {
    const a = prepare(pair.a);
    const b = prepare(pair.b);
    const ra = rows.get(pair.a);
    const rb = rows.get(pair.b);
    if (!a || !b || !ra || !rb) continue;
    const { score, reasons } = scorePrepared(a, b);
    if (score >= DEFAULT_DUPLICATE_THRESHOLD)
      out.push({ a: toSummary(ra), b: toSummary(rb), score, reasons });
  }
  const result = out.sort((x, y) => y.score - x.score).slice(0, MAX_PAIRS);
  await auditListRead(
    ctx,
    'duplicate_pairs',
    result.flatMap((p) => [p.a.id, p.b.id]),
  );
  return result;
}
