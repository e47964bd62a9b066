import type { z } from 'zod';
import type {
  TCreatePlacement,
  TMovePlacementStage,
  TPlacement,
  TPlacementListItem,
  TPlacementMoveResult,
  TPlacementQuery,
  ZPlacementList,
} from '../../../contracts/placements';
import { audit } from '../../platform/audit/audit';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import { advanceCaseOfClient } from '../cases/index';
import { getClientAccess, hasActiveConsent } from '../clients/index';
import { ensurePlaceCandidate } from '../places/index';
import { applyContract, applyContractExit, matchingSnapshot } from './placements.effects';
import * as repo from './placements.repository';
import {
  caseTargetFor,
  contractExitNotices,
  moveInputErrors,
  needsMatchingConsent,
  placeIsFull,
  stageDateError,
  todayIso,
  transitionError,
} from './placements.rules';
import { toPlacement, toPlacementItem } from './placements.view';

/**
 * Placements (Vermittlung, issue 6): a client × training place pairing a counsellor acted on, its
 * dated stages and its effect on the case and company pipelines (rules: placements.rules.ts). Every
 * read and change names a client, so all are audited (`placement`); access needs the client and the
 * place policy (counsellors and coordinators) and stays inside the actor's office (another office's
 * placement is 404).
 */

/** Office scope of the placements module: the actor's own office only (like clients, cases, places). */
function placementScope(actor: Actor): OfficeScope {
  return officesScope([actor.officeId]);
}

/** Personal data of a client on a place: the client and the place policy must both allow it. */
function requirePlacementAccess(ctx: RequestContext, action: 'read' | 'update'): Actor {
  const actor = requireAccess(ctx, action, 'client');
  requireAccess(ctx, action, 'place');
  return actor;
}

function impossibleDate(field: string, why: string): AppError {
  return new AppError('impossible_date', [{ field, code: why, messageKey: 'impossible_date' }]);
}

/** @throws `matching_consent_required` (422, on `field`) without an active consent for matching today */
async function requireMatchingConsent(db: Executor, clientId: string, field: string): Promise<void> {
  if (!(await hasActiveConsent(db, clientId, 'matching'))) {
    throw new AppError('matching_consent_required', [{ field, code: 'matching_consent_required' }]);
  }
}

/** A placement inside `scope` with its history. @throws `not_found` */
async function loadPlacement(db: Executor, scope: OfficeScope, id: string): Promise<TPlacement> {
  const row = await repo.selectPlacement(db, scope, id);
  if (!row) throw notFound();
  return toPlacement(row, await repo.selectStageChanges(db, id));
}

function placementExists(existingId: string): AppError {
  return new AppError('placement_exists', [{ field: 'body.placeId', code: 'placement_exists' }], {
    existingId,
  });
}

/**
 * Creates a placement in `proposed` for a client and an open place of the actor's office, dated
 * `proposedOn` (default today). In the same transaction: the first history row, the client as a
 * candidate of the place (source and score, unless already a candidate; places module), and the
 * client's open case moved to `applying` when earlier (cases module). For source `matching` the score
 * snapshot is computed here by the matching engine (a score sent by the client is ignored); a pair the
 * engine excludes can only be created as `manual`.
 * @throws `forbidden`, `not_found` (field `body.clientId` or `body.placeId`: unknown or another
 *   office's record), `record_merged` (422, `body.clientId`, with `mergedIntoId`), `place_not_open`
 *   (422, `body.placeId`), `matching_consent_required` (422, `body.clientId`), `impossible_date`
 *   (`body.proposedOn`: `in_future`), `match_excluded` (422, `body.source`), `placement_exists` (409, with `existingId`: an open placement of
 *   the same client and place)
 */
export async function createPlacement(ctx: RequestContext, input: TCreatePlacement): Promise<TPlacement> {
  const actor = requirePlacementAccess(ctx, 'update');
  const scope = placementScope(actor);
  const today = todayIso();
  const proposedOn = input.proposedOn ?? today;
  if (proposedOn > today) throw impossibleDate('body.proposedOn', 'in_future');
  const client = await getClientAccess(ctx, input.clientId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') {
      throw new AppError('not_found', [{ field: 'body.clientId', code: 'not_found' }]);
    }
    throw e;
  });
  if (client.mergedIntoId) {
    throw new AppError('record_merged', [{ field: 'body.clientId', code: 'record_merged' }], {
      mergedIntoId: client.mergedIntoId,
    });
  }
  const place = await repo.selectPlaceFacts(ctx.db, scope, input.placeId);
  if (!place) throw new AppError('not_found', [{ field: 'body.placeId', code: 'not_found' }]);
  if (place.status !== 'open') {
    throw new AppError('place_not_open', [{ field: 'body.placeId', code: 'place_not_open' }]);
  }
  await requireMatchingConsent(ctx.db, client.id, 'body.clientId');
  const existing = await repo.selectOpenPlacementOf(ctx.db, client.id, place.id);
  if (existing) throw placementExists(existing.id);
  const score = input.source === 'matching' ? await matchingSnapshot(ctx, client.id, place.id) : null;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertPlacement(trx, {
      office_id: place.office_id,
      client_id: client.id,
      place_id: place.id,
      stage: 'proposed',
      stage_on: proposedOn,
      proposed_on: proposedOn,
      source: input.source,
      score: score ? JSON.stringify(score) : null,
      created_by: actor.system ? null : actor.userId,
    });
    if (!newId) {
      const raced = await repo.selectOpenPlacementOf(trx, client.id, place.id);
      throw placementExists(raced?.id ?? '');
    }
    await repo.insertStageChange(trx, {
      placement_id: newId,
      office_id: place.office_id,
      from_stage: null,
      to_stage: 'proposed',
      changed_on: proposedOn,
      note: input.note ?? null,
      changed_by: actor.system ? null : actor.userId,
    });
    const candidateId = await ensurePlaceCandidate(ctx, trx, {
      placeId: place.id,
      officeId: place.office_id,
      clientId: client.id,
      source: input.source,
      score: score?.score ?? null,
    });
    const target = caseTargetFor('created');
    const caseMove = target
      ? await advanceCaseOfClient(ctx, trx, {
          clientId: client.id,
          to: target,
          on: proposedOn,
          details: { placementId: newId },
        })
      : null;
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'placement',
      entityId: newId,
      officeId: place.office_id,
      details: {
        clientId: client.id,
        placeId: place.id,
        source: input.source,
        score: score?.score ?? null,
        proposedOn,
        ...(candidateId && { candidateId }),
        ...(caseMove && { caseMoved: { caseId: caseMove.caseId, from: caseMove.from, to: caseMove.to } }),
      },
    });
    return newId;
  });
  return loadPlacement(ctx.db, scope, id);
}

/**
 * The placements of the actor's office, filtered (client, place, company, stage, open/final), newest
 * first. Audited read (`placement`, with the client ids of the page).
 * @throws `forbidden`
 */
export async function listPlacements(
  ctx: RequestContext,
  query: TPlacementQuery,
): Promise<z.infer<typeof ZPlacementList>> {
  const actor = requirePlacementAccess(ctx, 'read');
  const scope = placementScope(actor);
  const { rows, total } = await repo.selectPlacements(ctx.db, scope, query);
  const items: TPlacementListItem[] = rows.map(toPlacementItem);
  if (items.length > 0) {
    await audit(ctx, ctx.db, {
      action: 'read',
      entityType: 'placement',
      entityId: null,
      officeId: actor.officeId,
      details: { clientIds: [...new Set(items.map((p) => p.client.id))], count: items.length },
    });
  }
  return { items, total };
}

/**
 * One placement of the actor's office with its history. Audited read.
 * @throws `forbidden`, `not_found` (unknown or another office's placement)
 */
export async function getPlacement(ctx: RequestContext, id: string): Promise<TPlacement> {
  const actor = requirePlacementAccess(ctx, 'read');
  const placement = await loadPlacement(ctx.db, placementScope(actor), id);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'placement',
    entityId: id,
    officeId: placement.officeId,
    details: { clientId: placement.client.id },
  });
  return placement;
}

/**
 * Refuses a contract on a place that is not an apprenticeship (a placement's contract is the training
 * contract — BBiG § 10 —, which moves the case to `placed`; an internship, EQ or taster day ends at
 * `internship_or_eq`), or when the place's contracts already take all its seats (the place row stays
 * locked until the transaction ends, so concurrent contracts are counted too).
 * @throws `contract_needs_apprenticeship` (400, `body.stage`), `place_seats_taken` (409, `body.stage`,
 *   with `seats` and `contracts`)
 */
async function requireFreeSeat(trx: Executor, placeId: string): Promise<void> {
  const place = await repo.lockPlaceSeats(trx, placeId);
  if (place && place.kind !== 'apprenticeship') {
    throw new AppError('contract_needs_apprenticeship', [
      { field: 'body.stage', code: 'contract_needs_apprenticeship' },
    ]);
  }
  const taken = await repo.countContracts(trx, placeId);
  if (place && placeIsFull(place.seats, taken)) {
    throw new AppError('place_seats_taken', [{ field: 'body.stage', code: 'place_seats_taken' }], {
      seats: place.seats,
      contracts: taken,
    });
  }
}

/**
 * Moves a placement to another stage on the day it happened (`on`), with optimistic concurrency.
 * Rules (placements.rules.ts): forwards only along the pipeline (steps may be skipped), side exits
 * `rejected` (needs `reason`) and `withdrawn` from any open stage, nothing after a final stage; `on`
 * not in the future, not before the proposal or the previous change; moving into
 * `company_contacted`, `interview` or `internship_or_eq` needs the client's matching consent (the
 * company learns more about the client). On `contract`, in the same transaction: the client's open
 * case moves to `placed` (cases module), the company to `training` (companies module) and the place
 * to `filled` once contracts take all its seats (places module) — each only forwards, each audited
 * as automatic. `rejected` and `withdrawn` move nothing back. A `contract` may be left once as
 * `withdrawn` or `rejected` (reason e.g. `contract_cancelled`, allowed only there): that reopens the
 * place when it was filled and a seat is free again, but leaves the case and the company as they are —
 * the returned `notices` say so (`case_not_moved_back`, `company_not_moved_back`, `place_reopened`).
 * @throws `forbidden`, `not_found`, `conflict` (409, stale `version`), `invalid_stage_change`
 *   (`body.stage`: `same_stage` | `placement_closed` | `placement_backwards`; `body.reason`/`body.trialKind` sent for
 *   the wrong stage), `reason_required` (`body.reason`), `impossible_date` (`body.on`: `in_future` |
 *   `before_proposal` | `before_previous_change`), `matching_consent_required` (422, `body.stage`),
 *   `place_seats_taken` (409, `body.stage`: contracts already take all the place's seats),
 *   `contract_needs_apprenticeship` (400, `body.stage`: `contract` on an internship, EQ or taster-day place)
 */
export async function movePlacementStage(
  ctx: RequestContext,
  id: string,
  input: TMovePlacementStage,
): Promise<TPlacementMoveResult> {
  const actor = requirePlacementAccess(ctx, 'update');
  const scope = placementScope(actor);
  const inputErrors = moveInputErrors(input);
  if (inputErrors.length > 0) {
    const code = inputErrors.some((e) => e.code === 'reason_required')
      ? 'reason_required'
      : 'invalid_stage_change';
    throw new AppError(code, inputErrors);
  }
  const today = todayIso();
  if (input.on > today) throw impossibleDate('body.on', 'in_future');
  const rejected = input.stage === 'rejected';
  const trial = input.stage === 'internship_or_eq';
  const notices = await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.lockPlacement(trx, scope, id);
    if (!p) throw notFound();
    if (p.version !== input.version) throw conflict();
    const from = p.stage as TPlacementListItem['stage'];
    const why = transitionError(from, input.stage);
    if (why) throw new AppError('invalid_stage_change', [{ field: 'body.stage', code: why }]);
    const fromErrors = moveInputErrors(input, from);
    if (fromErrors.length > 0) throw new AppError('invalid_stage_change', fromErrors);
    const last = await repo.selectLastChangeOn(trx, id);
    const dateWhy = stageDateError({ on: input.on, today, proposedOn: p.proposed_on, lastChangeOn: last });
    if (dateWhy) throw impossibleDate('body.on', dateWhy);
    if (needsMatchingConsent(input.stage)) await requireMatchingConsent(trx, p.client_id, 'body.stage');
    if (input.stage === 'contract') await requireFreeSeat(trx, p.place_id);
    const note = input.note?.trim() || null;
    const trialKind = trial ? (input.trialKind ?? 'internship') : null;
    const ok = await repo.updatePlacementVersioned(trx, scope, id, input.version, {
      stage: input.stage,
      stage_on: input.on,
      ...(rejected && { rejection_reason: input.reason ?? null, rejection_note: note }),
      ...(trial && { trial_kind: trialKind }),
    });
    if (!ok) throw conflict();
    await repo.insertStageChange(trx, {
      placement_id: id,
      office_id: p.office_id,
      from_stage: from,
      to_stage: input.stage,
      changed_on: input.on,
      reason: rejected ? (input.reason ?? null) : null,
      trial_kind: trialKind,
      note,
      changed_by: actor.system ? null : actor.userId,
    });
    const effects = input.stage === 'contract' ? await applyContract(ctx, trx, scope, p, input.on, note) : {};
    const reopened = await applyContractExit(ctx, trx, scope, p, from);
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'placement',
      entityId: id,
      officeId: p.office_id,
      details: {
        fields: ['stage'],
        clientId: p.client_id,
        placeId: p.place_id,
        from,
        to: input.stage,
        changedOn: input.on,
        ...(rejected && { reason: input.reason }),
        ...(trialKind && { trialKind }),
        ...effects,
        ...(from === 'contract' && { contractLeft: true, caseMovedBack: false, companyMovedBack: false }),
        ...(reopened && { placeReopened: true }),
      },
    });
    return contractExitNotices(from, reopened);
  });
  return { placement: await loadPlacement(ctx.db, scope, id), notices };
}

/**
 * Deletes a placement recorded by mistake, only while it is still `proposed` (later stages are part
 * of the client's history: close them as `withdrawn` instead), with optimistic concurrency. The case
 * move and the candidate entry made on creation stay (they may have other reasons); audited.
 * @throws `forbidden`, `not_found`, `placement_not_deletable` (409, `params.id`: no longer proposed),
 *   `conflict` (409, stale `version`)
 */
export async function deletePlacement(ctx: RequestContext, id: string, version: number): Promise<void> {
  const actor = requirePlacementAccess(ctx, 'update');
  const scope = placementScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.lockPlacement(trx, scope, id);
    if (!p) throw notFound();
    if (p.stage !== 'proposed') {
      throw new AppError('placement_not_deletable', [
        { field: 'params.id', code: 'placement_not_deletable' },
      ]);
    }
    if (p.version !== version) throw new AppError('conflict', [{ field: 'query.version', code: 'conflict' }]);
    if (!(await repo.deleteProposedPlacement(trx, scope, id, version))) throw conflict();
    await audit(ctx, trx, {
      action: 'delete',
      entityType: 'placement',
      entityId: id,
      officeId: p.office_id,
      details: { clientId: p.client_id, placeId: p.place_id },
    });
  });
}
