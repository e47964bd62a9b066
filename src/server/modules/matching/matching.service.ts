import type {
  TClientSuggestions,
  TClientSuggestionsQuery,
  TExplainQuery,
  TPairExplanation,
  TPlaceCandidates,
  TPlaceCandidatesQuery,
} from '../../../contracts/matching';
import { audit } from '../../platform/audit/audit';
import type { Actor, RequestContext } from '../../platform/auth/context';
import { AppError, type FieldError, notFound } from '../../platform/errors';
import { officeConfig } from './config.service';
import { explainPair, type PlaceFilters, topClientsForPlace, topPlacesForClient } from './engine/index';
import { CEFR } from './engine/matching.codes';
import { matchingScope, requireMatching, todayInGermany } from './matching.access';
import { type OfficeModel, officeModel } from './matching.loader';
import * as view from './matching.view';

/**
 * Explained suggestions (issue 6): the best places for a client, the best clients for a place and the
 * explanation of one pair, over the cached model of the actor's office. Every answer names clients, so every
 * call is an audited read; another office's client or place answers 404.
 */

/** The model of the actor's office with the office's current weights (cached, see matching.loader.ts). */
export async function modelForActor(ctx: RequestContext, actor: Actor): Promise<OfficeModel> {
  const { config, version } = await officeConfig(ctx.db, actor.officeId);
  return officeModel(ctx.db, {
    officeId: actor.officeId,
    today: todayInGermany(),
    config,
    configVersion: version,
  });
}

/** The client summary inside the actor's office. @throws `not_found`, `conflict` (409, merged record) */
async function requireClient(ctx: RequestContext, actor: Actor, clientId: string) {
  const row = (await view.clientSummaries(ctx.db, matchingScope(actor), [clientId])).get(clientId);
  if (!row) throw notFound();
  if (row.merged_into_id) {
    throw new AppError('conflict', [{ field: 'params.id', code: 'merged' }], {
      mergedIntoId: row.merged_into_id,
    });
  }
  return row;
}

/** The place summary inside the actor's office. @throws `not_found` */
async function requirePlace(ctx: RequestContext, actor: Actor, placeId: string) {
  const row = (await view.placeSummaries(ctx.db, matchingScope(actor), [placeId])).get(placeId);
  if (!row) throw notFound();
  return row;
}

/** Engine filters of a suggestions query (an empty list means "no filter", not "nothing"). */
export function placeFiltersOf(q: {
  kind?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
  occupationId?: readonly string[] | undefined;
  occupationIds?: readonly string[] | undefined;
  maxKm?: number | undefined;
  minScore?: number | undefined;
  withoutFlags?: boolean | undefined;
}): PlaceFilters {
  const kinds = q.kind ?? q.kinds;
  const occ = q.occupationId ?? q.occupationIds;
  return {
    ...(kinds && kinds.length > 0 && { kinds: kinds as PlaceFilters['kinds'] }),
    ...(occ && occ.length > 0 && { occupationIds: occ }),
    ...(q.maxKm !== undefined && { maxDistanceKm: q.maxKm }),
    ...(q.minScore !== undefined && { minScore: q.minScore }),
    ...(q.withoutFlags && { withoutFlags: true }),
  };
}

/**
 * Refuses occupation ids of a filter that the occupation list does not hold (a filter on them would
 * silently match nothing).
 * @param field the filter's field, e.g. `query.occupationId` (each bad id is named by its position)
 * @throws `validation` (400, `unknown_occupation` at `<field>.<i>`)
 */
export function requireKnownOccupations(
  om: OfficeModel,
  ids: readonly string[] | undefined,
  field: string,
): void {
  const errors: FieldError[] = (ids ?? []).flatMap((id, i) =>
    om.model.catalogue.indexOf.has(id)
      ? []
      : [
          {
            field: `${field}.${i}`,
            code: 'unknown_occupation',
            messageKey: 'unknown_occupation_named',
            params: { value: id },
          },
        ],
  );
  if (errors.length > 0) throw new AppError('validation', errors);
}

/**
 * The `k` best places for a client of the actor's office, explained, with filters; `empty` says why there
 * are none (`no_matching_consent`, `nothing_to_match_on`, `no_open_places`, `none_within_filters`) and `notes`
 * which of the client's inputs are unknown. Audited as a read of the client.
 * @throws `forbidden` (roles without client access), `not_found` (unknown or another office's client),
 *   `conflict` (409, the record was merged: `mergedIntoId`), `validation` (400, an unknown id in
 *   `query.occupationId`)
 */
export async function suggestPlacesForClient(
  ctx: RequestContext,
  clientId: string,
  q: TClientSuggestionsQuery,
): Promise<TClientSuggestions> {
  const actor = requireMatching(ctx, 'suggest');
  const summary = await requireClient(ctx, actor, clientId);
  const om = await modelForActor(ctx, actor);
  requireKnownOccupations(om, q.occupationId, 'query.occupationId');
  const client = om.clientById.get(clientId);
  // A client created after the stamp was read is not in the model yet: treat as nothing recorded.
  const items = client ? topPlacesForClient(om.model, clientId, q.k, placeFiltersOf(q)) : [];
  const places = await view.placeSummaries(
    ctx.db,
    matchingScope(actor),
    items.map((s) => s.placeId),
  );
  let empty: TClientSuggestions['empty'] = null;
  if (items.length === 0) {
    if (!client?.matchingConsent) empty = 'no_matching_consent';
    else if (client.caseClosed) empty = 'case_closed';
    else if (!view.hasMatchBasis(om.model, client)) empty = 'nothing_to_match_on';
    else if (![...om.placeById.values()].some((p) => p.status === 'open')) empty = 'no_open_places';
    else empty = 'none_within_filters';
  }
  const result: TClientSuggestions = {
    client: view.toClientSummary(summary),
    items: items.flatMap((s) => {
      const p = places.get(s.placeId);
      return p ? [{ ...view.toScore(s), place: view.toPlaceSummary(p, view.distanceOf(s)) }] : [];
    }),
    empty,
    notes: client ? view.clientNotes(om.model, client) : [],
    configVersion: om.configVersion,
  };
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: clientId,
    officeId: actor.officeId,
    details: { kind: 'matching_suggestions', placeIds: result.items.map((i) => i.place.id) },
  });
  return result;
}

/**
 * The `k` best clients for a place of the actor's office, explained (clients without matching consent never
 * appear); `minGermanLevel` keeps clients with at least that recorded level. Audited as a read of the listed
 * clients.
 * @throws `forbidden`, `not_found` (unknown or another office's place)
 */
export async function suggestClientsForPlace(
  ctx: RequestContext,
  placeId: string,
  q: TPlaceCandidatesQuery,
): Promise<TPlaceCandidates> {
  const actor = requireMatching(ctx, 'suggest');
  const summary = await requirePlace(ctx, actor, placeId);
  const om = await modelForActor(ctx, actor);
  const place = om.placeById.get(placeId);
  const filters = {
    ...(q.maxKm !== undefined && { maxDistanceKm: q.maxKm }),
    ...(q.minScore !== undefined && { minScore: q.minScore }),
    ...(q.withoutFlags && { withoutFlags: true }),
  };
  const minLevel = q.minGermanLevel ? CEFR.indexOf(q.minGermanLevel) : -1;
  const levelOk = (id: string) => {
    if (minLevel < 0) return true;
    const level = om.clientById.get(id)?.germanLevel;
    return level !== null && level !== undefined && CEFR.indexOf(level) >= minLevel;
  };
  let items: ReturnType<typeof topClientsForPlace> = [];
  if (place) {
    // The level filter is not an engine filter: ask for more until k pass it or the list is exhausted.
    for (let want = q.k; ; want *= 4) {
      const got = topClientsForPlace(om.model, placeId, want, filters);
      items = got.filter((s) => levelOk(s.clientId)).slice(0, q.k);
      if (items.length >= q.k || got.length < want) break;
    }
  }
  const clients = await view.clientSummaries(
    ctx.db,
    matchingScope(actor),
    items.map((s) => s.clientId),
  );
  let empty: TPlaceCandidates['empty'] = null;
  if (items.length === 0) {
    if (place?.status !== 'open') empty = 'place_not_open';
    else if (![...om.clientById.values()].some((c) => c.matchingConsent)) empty = 'no_consenting_clients';
    else empty = 'none_within_filters';
  }
  const result: TPlaceCandidates = {
    place: view.toPlaceSummary(summary, null),
    items: items.flatMap((s) => {
      const c = clients.get(s.clientId);
      return c ? [{ ...view.toScore(s), client: view.toClientSummary(c) }] : [];
    }),
    empty,
    notes: place ? view.placeNotes(om.model, place) : [],
    configVersion: om.configVersion,
  };
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: null,
    officeId: actor.officeId,
    details: { kind: 'matching_candidates', placeId, clientIds: result.items.map((i) => i.client.id) },
  });
  return result;
}

/**
 * The explanation of one client × place pair of the actor's office, also an excluded one (`excluded` names
 * the first hard exclusion). Audited as a read of the client.
 * @throws `forbidden`, `not_found` (either record unknown or of another office), `conflict` (merged client)
 */
export async function explainMatch(ctx: RequestContext, q: TExplainQuery): Promise<TPairExplanation> {
  const actor = requireMatching(ctx, 'suggest');
  const [client, place] = [
    await requireClient(ctx, actor, q.clientId),
    await requirePlace(ctx, actor, q.placeId),
  ];
  const om = await modelForActor(ctx, actor);
  if (!om.clientById.has(q.clientId) || !om.placeById.has(q.placeId)) {
    // Created after the data stamp was read (a concurrent write): the next request sees it.
    throw notFound();
  }
  const pair = explainPair(om.model, q.clientId, q.placeId);
  // Without the matching consent the client's data are not matched, also not to explain a pair.
  const e = pair.excluded === 'no_matching_consent' ? { ...pair, score: 0, factors: [], flags: [] } : pair;
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'client',
    entityId: q.clientId,
    officeId: actor.officeId,
    details: { kind: 'matching_explain', placeId: q.placeId },
  });
  return {
    ...view.toScore(e),
    client: view.toClientSummary(client),
    place: view.toPlaceSummary(place, view.distanceOf(e)),
    excluded: e.excluded,
    configVersion: om.configVersion,
  };
}
