import type {
  TCreateMatchRun,
  TMatchConfig,
  TMatchRun,
  TMatchRunResultQuery,
} from '../../../contracts/matching';
import { audit } from '../../platform/audit/audit';
import type { Actor, RequestContext } from '../../platform/auth/context';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { officeSubtreeIds } from '../offices/index';
import { officeConfig } from './config.service';
import { greatCircleKm } from './engine/index';
import { matchingScope, requireMatching } from './matching.access';
import type { OfficeModel } from './matching.loader';
import { modelForActor, requireKnownOccupations } from './matching.service';
import * as view from './matching.view';
import { activeRunIds, enqueue, executeRegion, executeRun, type RunJob } from './runs.execute';
import * as repo from './runs.repository';
import { toRun } from './runs.view';

/**
 * Stored batch runs (`POST /api/matching/runs`): the top-k lists of every client (places) and/or every place
 * (clients) of the actor's office — or, for a coordinator, of every office of their region, one part per
 * office — with the exact parameters, the office's config and its version and a fingerprint of the data, so
 * a run can be repeated and compared. Execution: runs.execute.ts.
 */

async function requireRun(db: Executor, scope: OfficeScope, id: string): Promise<repo.RunRow> {
  await repo.failStaleRuns(db, scope, activeRunIds());
  const row = await repo.selectRun(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/**
 * A run row for the API: a region run with its parts. Counts of the offices below are statistics for
 * coordinators (DOMAIN.md "Roles"): another role of the coordinator's office sees the parts' status only.
 */
async function shown(db: Executor, actor: Actor, r: repo.RunRow): Promise<TMatchRun> {
  const parts = r.scope === 'region' ? await repo.selectParts(db, r.id) : null;
  return toRun(r, actor.officeId, parts, actor.role === 'coordinator');
}

/** The stored columns of a new run of `officeId` with the weights `cfg` in force there. */
function runValues(
  actor: Actor,
  officeId: string,
  scope: 'office' | 'region',
  body: TCreateMatchRun,
  cfg: { config: TMatchConfig; version: number },
) {
  return {
    office_id: officeId,
    scope,
    k: body.k,
    direction: body.direction,
    filters: body.filters,
    config: cfg.config,
    config_version: cfg.version,
    created_by: actor.system ? null : actor.userId,
  };
}

/** Inserts an office run (a region run's part when `parentId`) with its office's current weights; audited. */
async function insertOfficeRun(
  ctx: RequestContext,
  trx: Executor,
  actor: Actor,
  officeId: string,
  body: TCreateMatchRun,
  parentId?: string,
): Promise<RunJob> {
  const cfg = await officeConfig(trx, officeId);
  const id = await repo.insertRun(trx, {
    ...runValues(actor, officeId, 'office', body, cfg),
    ...(parentId && { parent_id: parentId }),
  });
  // In the office's own audit trail, also when a coordinator above started it as part of a region run.
  await audit(ctx, trx, {
    action: 'create',
    entityType: 'match_run',
    entityId: id,
    officeId,
    details: {
      k: body.k,
      direction: body.direction,
      filters: body.filters,
      configVersion: cfg.version,
      ...(parentId && { regionRunId: parentId }),
    },
  });
  return { id, officeId, k: body.k, direction: body.direction, filters: body.filters, cfg };
}

/**
 * Stores a run and starts it in the background (status `queued`, then `running`, `done` or `failed`); poll
 * `GET /api/matching/runs/:id` or follow `…/events`. `scope: office`: the actor's office with its current
 * weights. `scope: region` (coordinators): a region run with one part per office of the actor's subtree
 * (own office included), each an office run on that office's data and current weights; the region run
 * carries the actor's office's weights and the summed progress.
 * @throws `unauthenticated`, `forbidden` (roles without client access; `region` for any role but coordinator),
 *   `validation` (400, an unknown id in `body.filters.occupationIds`)
 */
export async function createRun(ctx: RequestContext, body: TCreateMatchRun): Promise<TMatchRun> {
  const actor = requireMatching(ctx, body.scope === 'region' ? 'run_region' : 'run');
  if (body.filters.occupationIds?.length)
    requireKnownOccupations(
      await modelForActor(ctx, actor),
      body.filters.occupationIds,
      'body.filters.occupationIds',
    );
  if (body.scope === 'office') {
    const job = await ctx.db
      .transaction()
      .execute((trx) => insertOfficeRun(ctx, trx, actor, actor.officeId, body));
    enqueue([job.id], async () => {
      await executeRun(ctx.db, ctx.log, job);
    });
    return getRun(ctx, job.id);
  }
  const offices = await officeSubtreeIds(ctx.db, actor.officeId);
  const { regionId, parts } = await ctx.db.transaction().execute(async (trx) => {
    const cfg = await officeConfig(trx, actor.officeId);
    const regionId = await repo.insertRun(trx, runValues(actor, actor.officeId, 'region', body, cfg));
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'match_run',
      entityId: regionId,
      officeId: actor.officeId,
      details: { scope: 'region', k: body.k, direction: body.direction, filters: body.filters, offices },
    });
    const parts: RunJob[] = [];
    for (const officeId of offices)
      parts.push(await insertOfficeRun(ctx, trx, actor, officeId, body, regionId));
    return { regionId, parts };
  });
  enqueue([regionId, ...parts.map((p) => p.id)], () => executeRegion(ctx.db, ctx.log, regionId, parts));
  return getRun(ctx, regionId);
}

/**
 * One run of the actor's office (live progress while this process runs it); a region run with its parts.
 * @throws `forbidden`, `not_found`
 */
export async function getRun(ctx: RequestContext, id: string): Promise<TMatchRun> {
  const actor = requireMatching(ctx, 'run');
  return shown(ctx.db, actor, await requireRun(ctx.db, matchingScope(actor), id));
}

/** The runs of the actor's office, newest first. @throws `forbidden` */
export async function listRuns(
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<{ items: TMatchRun[]; total: number }> {
  const actor = requireMatching(ctx, 'run');
  const scope = matchingScope(actor);
  await repo.failStaleRuns(ctx.db, scope, activeRunIds());
  const { rows, total } = await repo.selectRuns(ctx.db, scope, page);
  return { items: await Promise.all(rows.map((r) => shown(ctx.db, actor, r))), total };
}

/**
 * Distance in km (one decimal, as the pair explanation's distance factor) between a client and a place of
 * the office model as they are now (client's postcode centroid, place's or else its company's); null when
 * either is not in the model or has no known location.
 */
export function pairDistanceKm(om: OfficeModel, clientId: string, placeId: string): number | null {
  const c = om.clientById.get(clientId);
  const p = om.placeById.get(placeId);
  if (!c || !p || c.lat === null || c.lon === null || p.lat === null || p.lon === null) return null;
  return Math.round(greatCircleKm(c.lat, c.lon, p.lat, p.lon) * 10) / 10;
}

/**
 * A page of a run's results with the clients and places as they are now (`place.distanceKm` from the
 * current postcodes, as in the pair explanation); audited as a read of the clients shown. For a region run:
 * the lists of the actor's own office's part (the other offices' lists are theirs).
 * @throws `forbidden`, `not_found`
 */
export async function listRunResults(ctx: RequestContext, id: string, q: TMatchRunResultQuery) {
  const actor = requireMatching(ctx, 'run');
  const scope = matchingScope(actor);
  const run = await requireRun(ctx.db, scope, id);
  if (run.scope === 'region') {
    const own = (await repo.selectParts(ctx.db, id)).find((p) => p.office_id === actor.officeId);
    if (!own) return { items: [], total: 0 };
    id = own.id;
  }
  // A run with one kind of list shows it whatever the filter; a `both` run picks by the filter given.
  const direction =
    q.direction ??
    (run.direction !== 'both'
      ? (run.direction as 'places' | 'clients')
      : q.clientId
        ? 'places'
        : q.placeId
          ? 'clients'
          : undefined);
  const { rows, total } = await repo.selectResults(ctx.db, scope, id, { ...q, direction });
  const [clients, places, om] = await Promise.all([
    view.clientSummaries(
      ctx.db,
      scope,
      rows.map((r) => r.client_id),
    ),
    view.placeSummaries(
      ctx.db,
      scope,
      rows.map((r) => r.place_id),
    ),
    rows.length > 0 ? modelForActor(ctx, actor) : null,
  ]);
  const items = rows.map((r) => {
    const c = clients.get(r.client_id);
    const p = places.get(r.place_id);
    return {
      direction: r.direction,
      rank: r.rank,
      score: r.score,
      clientId: r.client_id,
      placeId: r.place_id,
      client: c ? view.toClientSummary(c) : null,
      place: p ? view.toPlaceSummary(p, om ? pairDistanceKm(om, r.client_id, r.place_id) : null) : null,
    };
  });
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'match_run',
    entityId: id,
    officeId: actor.officeId,
    details: { clientIds: [...new Set(rows.map((r) => r.client_id))] },
  });
  return { items, total };
}
