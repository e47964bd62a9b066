import type { z } from 'zod';
import type {
  TCreateCandidate,
  TCreateProposal,
  TPlaceCandidate,
  TPlaceProposal,
  TRecordAnswer,
  TUpdateCandidate,
  ZCandidateList,
} from '../../../contracts/places';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, type FieldError, notFound } from '../../platform/errors';
import { getClientAccess, hasActiveConsent } from '../clients/index';
import * as repo from './candidates.repository';
import { lockPlace } from './places.repository';
import { placeScope, requirePlace } from './places.service';
import { todayIso } from './places.sql';

/**
 * Pre-selected candidates of a place and proposals to the company — the chambers' "passgenaue
 * Besetzung". Candidates are clients of the office: every read and change is audited, and a client
 * needs an active consent for `matching`, since a proposal passes personal data to a company
 * (DSGVO Art. 6(1)(a)).
 */

function toCandidate(r: repo.CandidateRow): TPlaceCandidate {
  return {
    id: r.id,
    placeId: r.place_id,
    clientId: r.client_id,
    clientName: r.client_name,
    source: r.source as TPlaceCandidate['source'],
    score: r.score,
    assessment: r.assessment as TPlaceCandidate['assessment'],
    assessmentNote: r.assessment_note,
    proposalId: r.proposal_id,
    proposedOn: r.proposed_on,
    answer: r.answer as TPlaceCandidate['answer'],
    answerOn: r.answer_on,
    answerReason: r.answer_reason,
    addedByName: r.added_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

type ProposalRow = Awaited<ReturnType<typeof repo.selectProposals>>[number];

function toProposal(p: ProposalRow): TPlaceProposal {
  return {
    id: p.id,
    placeId: p.place_id,
    sentOn: p.sent_on,
    channel: p.channel as TPlaceProposal['channel'],
    note: p.note,
    sentByName: p.sent_by_name,
    candidateIds: p.candidate_ids,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

async function requireCandidate(db: Executor, scope: OfficeScope, placeId: string, id: string) {
  const row = await repo.selectCandidate(db, scope, placeId, id);
  if (!row) throw notFound();
  return row;
}

/** An open place inside `scope`. @throws `not_found`, `place_not_open` (422, field `params.id`) */
async function requireOpenPlace(db: Executor, scope: OfficeScope, placeId: string) {
  const place = await requirePlace(db, scope, placeId);
  if (place.status !== 'open') {
    throw new AppError('place_not_open', [{ field: 'params.id', code: 'place_not_open' }]);
  }
  return place;
}

/** Personal data of clients: the place and the client policy must both allow it. */
function requireCandidateAccess(ctx: RequestContext, action: 'read' | 'update') {
  const actor = requireAccess(ctx, action, 'place');
  requireAccess(ctx, action, 'client');
  return actor;
}

/**
 * The candidates of a place (best assessment first, with the client's name) and its proposals (newest
 * first). Audited read of personal data (`place_candidate`, with the client ids).
 * @throws `forbidden`, `not_found` (unknown or another office's place)
 */
export async function listCandidates(
  ctx: RequestContext,
  placeId: string,
): Promise<z.infer<typeof ZCandidateList>> {
  const actor = requireCandidateAccess(ctx, 'read');
  const scope = placeScope(actor);
  const place = await requirePlace(ctx.db, scope, placeId);
  const [rows, proposals] = await Promise.all([
    repo.selectCandidates(ctx.db, scope, placeId),
    repo.selectProposals(ctx.db, scope, placeId),
  ]);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'place_candidate',
    entityId: placeId,
    officeId: place.office_id,
    details: { clientIds: rows.map((r) => r.client_id) },
  });
  return { items: rows.map(toCandidate), proposals: proposals.map(toProposal) };
}

/**
 * Adds a client of the actor's office as a candidate for an open place, with the counsellor's
 * assessment (source `manual` or `matching`, optional matching score 0–100).
 * @throws `forbidden`, `not_found` (place; field `body.clientId` for an unknown or another office's
 *   client), `place_not_open` (422), `place_invalid` (422, `body.clientId` code `record_merged`),
 *   `matching_consent_required` (422, field `body.clientId`: no active consent for matching),
 *   `duplicate` (409, `body.clientId` code `already_candidate`)
 */
export async function addCandidate(
  ctx: RequestContext,
  placeId: string,
  input: TCreateCandidate,
): Promise<TPlaceCandidate> {
  const actor = requireCandidateAccess(ctx, 'update');
  const scope = placeScope(actor);
  const place = await requireOpenPlace(ctx.db, scope, placeId);
  const client = await getClientAccess(ctx, input.clientId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') {
      throw new AppError('not_found', [{ field: 'body.clientId', code: 'not_found' }]);
    }
    throw e;
  });
  if (client.mergedIntoId) {
    throw new AppError(
      'place_invalid',
      [{ field: 'body.clientId', code: 'record_merged', messageKey: 'record_merged' }],
      { mergedIntoId: client.mergedIntoId },
    );
  }
  if (!(await hasActiveConsent(ctx.db, client.id, 'matching'))) {
    throw new AppError('matching_consent_required', [
      { field: 'body.clientId', code: 'matching_consent_required' },
    ]);
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertCandidate(trx, {
      place_id: place.id,
      office_id: place.office_id,
      client_id: client.id,
      source: input.source,
      score: input.score ?? null,
      assessment: input.assessment,
      assessment_note: input.assessmentNote ?? null,
      added_by: actor.system ? null : actor.userId,
    });
    if (!newId) throw new AppError('duplicate', [{ field: 'body.clientId', code: 'already_candidate' }]);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'place_candidate',
      entityId: newId,
      officeId: place.office_id,
      details: { placeId, clientId: client.id, assessment: input.assessment, source: input.source },
    });
    return newId;
  });
  return toCandidate(await requireCandidate(ctx.db, scope, placeId, id));
}

/**
 * Changes the assessment (and note, score) of a candidate, with optimistic concurrency.
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`)
 */
export async function updateCandidate(
  ctx: RequestContext,
  placeId: string,
  candidateId: string,
  input: TUpdateCandidate,
): Promise<TPlaceCandidate> {
  const actor = requireCandidateAccess(ctx, 'update');
  const scope = placeScope(actor);
  const before = await requireCandidate(ctx.db, scope, placeId, candidateId);
  if (before.version !== input.version) throw conflict();
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateCandidateVersioned(trx, scope, placeId, candidateId, input.version, {
      ...(input.assessment !== undefined && { assessment: input.assessment }),
      ...(input.assessmentNote !== undefined && { assessment_note: input.assessmentNote }),
      ...(input.score !== undefined && { score: input.score }),
    });
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'place_candidate',
      entityId: candidateId,
      officeId: before.office_id,
      details: {
        placeId,
        clientId: before.client_id,
        fields: Object.keys(input).filter((k) => k !== 'version'),
      },
    });
  });
  return toCandidate(await requireCandidate(ctx.db, scope, placeId, candidateId));
}

/** Removes a candidate from a place (audited). @throws `forbidden`, `not_found` */
export async function removeCandidate(
  ctx: RequestContext,
  placeId: string,
  candidateId: string,
): Promise<void> {
  const actor = requireCandidateAccess(ctx, 'update');
  const scope = placeScope(actor);
  const before = await requireCandidate(ctx.db, scope, placeId, candidateId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteCandidate(trx, scope, placeId, candidateId))) throw notFound();
    await audit(ctx, trx, {
      action: 'delete',
      entityType: 'place_candidate',
      entityId: candidateId,
      officeId: before.office_id,
      details: { placeId, clientId: before.client_id },
    });
  });
}

/**
 * Records the company's answer to a proposed candidate: `interview`, `internship` or `rejected`
 * (with a reason), on a date not in the future and not before the proposal was sent.
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`), `candidate_not_proposed`
 *   (422, field `params.candidateId`), `validation` (400, `body.reason` code `required` for
 *   `rejected`), `impossible_date` (400, `body.answerOn`: `in_future` or `before_proposal`)
 */
export async function recordAnswer(
  ctx: RequestContext,
  placeId: string,
  candidateId: string,
  input: TRecordAnswer,
): Promise<TPlaceCandidate> {
  const actor = requireCandidateAccess(ctx, 'update');
  const scope = placeScope(actor);
  const before = await requireCandidate(ctx.db, scope, placeId, candidateId);
  if (before.version !== input.version) throw conflict();
  if (!before.proposal_id || !before.proposed_on) {
    throw new AppError('candidate_not_proposed', [
      { field: 'params.candidateId', code: 'candidate_not_proposed' },
    ]);
  }
  if (input.answer === 'rejected' && !input.reason) {
    throw new AppError('validation', [{ field: 'body.reason', code: 'required' }]);
  }
  const why =
    input.answerOn > todayIso()
      ? 'in_future'
      : input.answerOn < before.proposed_on
        ? 'before_proposal'
        : null;
  if (why) {
    throw new AppError('impossible_date', [
      { field: 'body.answerOn', code: why, messageKey: 'impossible_date' },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateCandidateVersioned(trx, scope, placeId, candidateId, input.version, {
      answer: input.answer,
      answer_on: input.answerOn,
      answer_reason: input.reason ?? null,
    });
    if (!ok) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'place_candidate',
      entityId: candidateId,
      officeId: before.office_id,
      details: { placeId, clientId: before.client_id, answer: input.answer },
    });
  });
  return toCandidate(await requireCandidate(ctx.db, scope, placeId, candidateId));
}

/**
 * Records a proposal sent to the company (date not in the future, channel, note) and marks the given
 * candidates of the place as proposed. Each must still have an active consent for matching and must
 * not have been proposed before. All or nothing.
 * @throws `forbidden`, `not_found` (place; `body.candidateIds.N` not a candidate of this place),
 *   `place_not_open` (422), `impossible_date` (400, `body.sentOn` in the future), `duplicate` (409,
 *   `body.candidateIds.N` code `already_proposed`), `matching_consent_required` (422, `body.candidateIds.N`)
 */
export async function createProposal(
  ctx: RequestContext,
  placeId: string,
  input: TCreateProposal,
): Promise<TPlaceProposal> {
  const actor = requireCandidateAccess(ctx, 'update');
  const scope = placeScope(actor);
  const place = await requireOpenPlace(ctx.db, scope, placeId);
  if (input.sentOn > todayIso()) {
    throw new AppError('impossible_date', [
      { field: 'body.sentOn', code: 'in_future', messageKey: 'impossible_date' },
    ]);
  }
  const ids = [...new Set(input.candidateIds)];
  const proposalId = await ctx.db.transaction().execute(async (trx) => {
    // Two proposals at once must not both take the same candidate.
    await lockPlace(trx, scope, placeId);
    const byId = new Map((await repo.selectCandidates(trx, scope, placeId)).map((c) => [c.id, c]));
    const missing: FieldError[] = [];
    const proposed: FieldError[] = [];
    const noConsent: FieldError[] = [];
    for (const [i, id] of input.candidateIds.entries()) {
      const c = byId.get(id);
      const field = `body.candidateIds.${i}`;
      if (!c) missing.push({ field, code: 'not_found' });
      else if (c.proposal_id) proposed.push({ field, code: 'already_proposed' });
      else if (!(await hasActiveConsent(trx, c.client_id, 'matching'))) {
        noConsent.push({ field, code: 'matching_consent_required' });
      }
    }
    if (missing.length) throw new AppError('not_found', missing);
    if (proposed.length) throw new AppError('duplicate', proposed);
    if (noConsent.length) throw new AppError('matching_consent_required', noConsent);
    const newId = await repo.insertProposal(trx, {
      place_id: place.id,
      office_id: place.office_id,
      sent_on: input.sentOn,
      channel: input.channel,
      note: input.note ?? null,
      sent_by: actor.system ? null : actor.userId,
    });
    await repo.markProposed(trx, scope, placeId, ids, newId);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'place_proposal',
      entityId: newId,
      officeId: place.office_id,
      details: {
        placeId,
        companyId: place.company_id,
        candidateIds: ids,
        clientIds: ids.map((id) => byId.get(id)?.client_id),
      },
    });
    return newId;
  });
  const proposal = (await repo.selectProposals(ctx.db, scope, placeId)).find((p) => p.id === proposalId);
  if (!proposal) throw notFound();
  return toProposal(proposal);
}
