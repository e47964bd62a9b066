import type { TAssignmentInput, TAssignmentResult } from '../../../contracts/matching';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { AppError, type FieldError } from '../../platform/errors';
import { explainPair, type MatchPlace, scheduleMeetings, unmatchedClients } from './engine/index';
import { matchingScope, requireMatching } from './matching.access';
import { selectCompanies } from './matching.repository';
import { modelForActor } from './matching.service';
import * as view from './matching.view';

/**
 * Assignment mode (speed dating at a training forum, issue 6): which client meets which company in which
 * slot — first as many clients as possible with a meeting, then the highest total score; exact, by the
 * engine's `scheduleMeetings` (ADR 0004), with the reason for each client left without a meeting
 * (`unmatchedClients`). Standalone so an events module can call `planMeetings` for its event later. A pair's
 * score is the best explained score of the client with the company's places in play (excluded pairs never
 * meet).
 */

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** `duplicate_entry` for every entry of `list` that repeats an earlier one (a slip in the event's lists). */
function repeats(name: string, list: readonly string[]): FieldError[] {
  const seen = new Set<string>();
  return list.flatMap((v, i) => {
    if (!seen.has(v)) {
      seen.add(v);
      return [];
    }
    return [{ field: `body.${name}.${i}`, code: 'duplicate_entry' }];
  });
}

/**
 * Plans the meetings of an event for clients and companies of the actor's office.
 * @param input `clientIds`; `placeIds` (the companies of these places, scored on these places) or
 *   `companyIds` (scored on each company's open places); `slots` (count or labels); `maxMeetingsPerClient`
 *   (default: every slot)
 * @throws `forbidden`, `not_found` (404, each unknown or other-office id named: `body.clientIds.2`,
 *   `body.placeIds.0`, `body.companyIds.1`), `validation` (400: a merged client or company, or an id or
 *   slot label given twice — `duplicate_entry` at the repeat, e.g. `body.slots.3`)
 */
export async function planMeetings(ctx: RequestContext, input: TAssignmentInput): Promise<TAssignmentResult> {
  const actor = requireMatching(ctx, 'assign');
  const repeated = [
    ...repeats('clientIds', input.clientIds),
    ...repeats('placeIds', input.placeIds ?? []),
    ...repeats('companyIds', input.companyIds ?? []),
    ...repeats('slots', Array.isArray(input.slots) ? input.slots : []),
  ];
  if (repeated.length > 0) throw new AppError('validation', repeated);
  const scope = matchingScope(actor);
  const clientIds = unique(input.clientIds);
  const missing: FieldError[] = [];
  const invalid: FieldError[] = [];
  const clients = await view.clientSummaries(ctx.db, scope, clientIds);
  input.clientIds.forEach((id, i) => {
    const c = clients.get(id);
    if (!c) missing.push({ field: `body.clientIds.${i}`, code: 'not_found' });
    else if (c.merged_into_id)
      invalid.push({ field: `body.clientIds.${i}`, code: 'record_merged', messageKey: 'record_merged' });
  });
  const om = await modelForActor(ctx, actor);
  let places: MatchPlace[] = [];
  const companyNames = new Map<string, string>();
  if (input.placeIds) {
    const placeIds = unique(input.placeIds);
    const rows = await view.placeSummaries(ctx.db, scope, placeIds);
    input.placeIds.forEach((id, i) => {
      if (!rows.has(id) || !om.placeById.has(id))
        missing.push({ field: `body.placeIds.${i}`, code: 'not_found' });
    });
    places = placeIds.flatMap((id) => (om.placeById.has(id) ? [om.placeById.get(id) as MatchPlace] : []));
    for (const r of rows.values()) companyNames.set(r.company_id, r.company_name);
  } else {
    const companyIds = unique(input.companyIds ?? []);
    const rows = new Map((await selectCompanies(ctx.db, scope, companyIds)).map((r) => [r.id, r]));
    (input.companyIds ?? []).forEach((id, i) => {
      const r = rows.get(id);
      if (!r) missing.push({ field: `body.companyIds.${i}`, code: 'not_found' });
      else if (r.merged_into_id)
        invalid.push({ field: `body.companyIds.${i}`, code: 'record_merged', messageKey: 'record_merged' });
    });
    for (const r of rows.values()) companyNames.set(r.id, r.name);
    places = [...om.placeById.values()].filter((p) => rows.has(p.companyId) && p.status === 'open');
  }
  if (missing.length > 0) throw new AppError('not_found', missing);
  if (invalid.length > 0) throw new AppError('validation', invalid);

  const companyIds = input.placeIds ? unique(places.map((p) => p.companyId)) : unique(input.companyIds ?? []);
  const col = new Map(companyIds.map((id, j) => [id, j]));
  // Best score and the place behind it for every client × company.
  const score = clientIds.map(() => companyIds.map((): number | null => null));
  const via = clientIds.map(() => companyIds.map((): string | null => null));
  clientIds.forEach((clientId, i) => {
    if (!om.clientById.has(clientId)) return;
    for (const p of places) {
      const e = explainPair(om.model, clientId, p.id);
      if (e.excluded) continue;
      const j = col.get(p.companyId) as number;
      const row = score[i] as Array<number | null>;
      const cur = row[j];
      if (
        cur === null ||
        cur === undefined ||
        e.score > cur ||
        (e.score === cur && p.id < (via[i]?.[j] ?? ''))
      ) {
        row[j] = e.score;
        (via[i] as Array<string | null>)[j] = p.id;
      }
    }
  });
  const labels =
    typeof input.slots === 'number'
      ? Array.from({ length: input.slots }, (_, s) => String(s + 1))
      : [...input.slots];
  const event = {
    clientIds,
    companyIds,
    slots: labels.length,
    score,
    maxMeetingsPerClient: input.maxMeetingsPerClient ?? labels.length,
  };
  const schedule = scheduleMeetings(event);
  const unmatched = unmatchedClients(event, schedule.meetings);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: null,
    officeId: actor.officeId,
    details: { kind: 'matching_assignment', clientIds, companyIds },
  });
  return {
    slots: labels,
    meetings: schedule.meetings.map((m) => {
      const i = clientIds.indexOf(m.clientId);
      const j = col.get(m.companyId) as number;
      const c = clients.get(m.clientId);
      return {
        slot: m.slot,
        slotLabel: labels[m.slot] as string,
        clientId: m.clientId,
        clientName: c ? view.displayName(c) : '',
        companyId: m.companyId,
        companyName: companyNames.get(m.companyId) ?? '',
        placeId: via[i]?.[j] as string,
        score: m.score,
      };
    }),
    total: schedule.total,
    unmatchedClientIds: unmatched.map((u) => u.clientId),
    unmatched,
    configVersion: om.configVersion,
  };
}
