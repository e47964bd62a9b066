import type { TPlacementScore, TPlacementStage } from '../../../contracts/placements';
import type { RequestContext } from '../../platform/auth/context';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { advanceCaseOfClient, recordContractOfPlacement } from '../cases/index';
import { advanceCompanyStage } from '../companies/index';
import { explainMatch } from '../matching/index';
import { fillPlaceWhenTaken, reopenPlaceWhenFree } from '../places/index';
import * as repo from './placements.repository';
import { caseTargetFor, companyMovesToTraining, placeIsFull, placeReopens } from './placements.rules';

/**
 * Effects of placements on other modules, inside the caller's transaction (through their index only):
 * a signed contract moves the case, the company and the place; leaving a contract reopens the place;
 * a placement from a matching suggestion gets its score snapshot from the matching engine.
 */

/**
 * The effects of a signed contract on the other pipelines (see `movePlacementStage`): the case moves to
 * `placed` with a note (the place, then the counsellor's `note`) and gets the training contract where the
 * place and its company hold all it needs (`recordContractOfPlacement`), the company moves to `training`,
 * the place to `filled` once its seats are taken. Returns what moved, for the audit entry.
 */
export async function applyContract(
  ctx: RequestContext,
  trx: Executor,
  scope: OfficeScope,
  p: { id: string; client_id: string; place_id: string; trial_kind: string | null },
  on: string,
  note: string | null,
): Promise<Record<string, unknown>> {
  const target = caseTargetFor('contract');
  const place = await repo.selectPlaceFacts(trx, scope, p.place_id);
  const caseMove = target
    ? await advanceCaseOfClient(ctx, trx, {
        clientId: p.client_id,
        to: target,
        on,
        // A case reaches `placed` with a training contract or a note (DOMAIN.md): the note names the
        // placement's place, followed by what the counsellor wrote on the contract.
        note: note ? `${contractNote(place)}\n${note}` : contractNote(place),
        details: { placementId: p.id },
      })
    : null;
  // The case's training contract, from the place and its company where they hold all it needs.
  const contractId = place
    ? await recordContractOfPlacement(ctx, trx, {
        clientId: p.client_id,
        placementId: p.id,
        companyName: place.company_name,
        companyPostcode: place.company_postcode,
        occupationId: place.occupation_id,
        startsOn: place.starts_on,
        chamber: place.company_chamber,
        signedOn: on,
        precededBy:
          p.trial_kind === 'internship' || p.trial_kind === 'entry_qualification' ? p.trial_kind : null,
      })
    : null;
  const companyMove =
    place && companyMovesToTraining(place.company_stage)
      ? await advanceCompanyStage(ctx, trx, { companyId: place.company_id, to: 'training', on })
      : null;
  const taken = await repo.countContracts(trx, p.place_id);
  const filled =
    place && placeIsFull(place.seats, taken)
      ? await fillPlaceWhenTaken(ctx, trx, { placeId: p.place_id, taken, details: { placementId: p.id } })
      : false;
  return {
    ...(caseMove && { caseMoved: { caseId: caseMove.caseId, from: caseMove.from, to: caseMove.to } }),
    ...(contractId && { trainingContractId: contractId }),
    ...(companyMove && { companyMoved: { companyId: companyMove.companyId, from: companyMove.from } }),
    ...(filled && { placeFilled: true }),
  };
}

/**
 * The note of a case move by a placement's contract (stored German text, like the case history's other
 * notes): "Ausbildungsvertrag laut Vermittlung: <place> bei <company>".
 */
export function contractNote(place: { title: string | null; company_name: string } | undefined): string {
  if (!place) return 'Ausbildungsvertrag laut Vermittlung';
  const what = place.title ? `„${place.title}“ bei ${place.company_name}` : place.company_name;
  return `Ausbildungsvertrag laut Vermittlung: ${what}`;
}

/**
 * The effect of leaving a `contract` (after the placement row was updated): the place is reopened when
 * it was `filled` and the remaining contracts leave a seat free (places module). The case and the
 * company are NOT moved back: the counsellor decides (e.g. the case's training-contract dissolution).
 * @returns true when the place was reopened
 */
export async function applyContractExit(
  ctx: RequestContext,
  trx: Executor,
  scope: OfficeScope,
  p: { id: string; place_id: string },
  from: TPlacementStage,
): Promise<boolean> {
  if (from !== 'contract') return false;
  const place = await repo.selectPlaceFacts(trx, scope, p.place_id);
  const taken = await repo.countContracts(trx, p.place_id);
  if (!place || !placeReopens(from, place.status, place.seats, taken)) return false;
  return reopenPlaceWhenFree(ctx, trx, { placeId: p.place_id, taken, details: { placementId: p.id } });
}

/**
 * The matching engine's score of a client × place pair as the placement's snapshot (source `matching`);
 * the client never sends it. Audited by the matching module as a read of the client.
 * @throws `match_excluded` (422, `body.source`: the engine excludes the pair — create it as `manual`),
 *   `forbidden`, `not_found` (from the matching module)
 */
export async function matchingSnapshot(
  ctx: RequestContext,
  clientId: string,
  placeId: string,
): Promise<TPlacementScore> {
  const e = await explainMatch(ctx, { clientId, placeId });
  if (e.excluded) {
    throw new AppError('match_excluded', [
      { field: 'body.source', code: e.excluded, messageKey: 'match_excluded' },
    ]);
  }
  return {
    score: e.score,
    factors: e.factors.map((f) => ({ ...f })),
    flags: [...e.flags],
  };
}
