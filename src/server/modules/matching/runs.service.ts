import type {
  TCreateMatchRun,
  TMatchConfig,
  TMatchRun,
  TMatchRunFilters,
  TMatchRunResultQuery,
} from '../../../contracts/matching';
import { ZMatchConfig, ZMatchRunFilters } from '../../../contracts/matching';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { officeConfig } from './config.service';
import { type BatchResult, greatCircleKm, runClientsBatch, runPlacesBatch } from './engine/index';
import { spatialOrder } from './engine/matching.batch';
import { matchingScope, requireMatching, todayInGermany } from './matching.access';
import { type OfficeModel, officeModel } from './matching.loader';
import { modelForActor, placeFiltersOf } from './matching.service';
import * as view from './matching.view';
import { finishProgress, liveProgress, percentOf, reportProgress } from './runs.progress';
import * as repo from './runs.repository';

/**
 * Stored batch runs (`POST /api/matching/runs`): the top-k lists of every client (places) and/or every place
 * (clients) of the actor's office, with the exact parameters, the office's config and its version and a
 * fingerprint of the data, so a run can be repeated and compared. Runs execute in this process one after the
 * other (CPU-bound), in chunks with a pause between them so requests keep being served; progress goes to
 * memory at every chunk and to the row at most once a second. Results of a failed run are deleted.
 */

/** Rows (clients or places) computed between two pauses. */
const CHUNK = 250;

/** Runs started in this process and not finished yet. */
const active = new Map<string, Promise<void>>();
/** Runs execute one after the other. */
let queue: Promise<void> = Promise.resolve();

/** Waits for every run of this process to end (the app waits for it on close). */
export async function settleRuns(): Promise<void> {
  await Promise.allSettled([...active.values()]);
}

function toRun(r: repo.RunRow): TMatchRun {
  const live = r.status === 'running' ? liveProgress(r.id) : undefined;
  const done = live?.done ?? r.progress_done;
  const total = live?.total ?? r.progress_total;
  return {
    id: r.id,
    officeId: r.office_id,
    scope: 'office',
    parameters: {
      k: r.k,
      direction: r.direction as TMatchRun['parameters']['direction'],
      filters: ZMatchRunFilters.parse(r.filters),
    },
    configVersion: r.config_version,
    config: ZMatchConfig.parse(r.config),
    dataStamp: r.data_stamp,
    status: r.status as TMatchRun['status'],
    progress: { done, total, percent: percentOf(done, total, r.status === 'done') },
    counts: { clients: r.client_count, places: r.place_count, results: r.result_count },
    errorCode: r.error_code,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: r.started_at ? new Date(r.started_at).toISOString() : null,
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

async function requireRun(db: Executor, scope: OfficeScope, id: string): Promise<repo.RunRow> {
  await repo.failStaleRuns(db, scope, [...active.keys()]);
  const row = await repo.selectRun(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/** Yields to the event loop (pending requests and I/O run in between). */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Result entries of a batch: row owner × rank (rank 1 = best), leaving out empty places of a list. */
function entries(
  b: BatchResult,
  ownerIds: readonly string[],
  itemIds: readonly string[],
  direction: 'places' | 'clients',
): repo.ResultRow[] {
  const out: repo.ResultRow[] = [];
  for (let row = 0; row < b.rows; row++) {
    for (let j = 0; j < b.k; j++) {
      const item = b.items[row * b.k + j] as number;
      if (item < 0) break;
      const owner = ownerIds[row] as string;
      const other = itemIds[item] as string;
      out.push({
        direction,
        client_id: direction === 'places' ? owner : other,
        place_id: direction === 'places' ? other : owner,
        rank: j + 1,
        score: b.scores[row * b.k + j] as number,
      });
    }
  }
  return out;
}

/** Executes a queued run (in the background). Never throws: a failure is stored on the run. */
async function executeRun(
  db: Executor,
  log: RequestContext['log'],
  run: { id: string; officeId: string; k: number; direction: string; filters: TMatchRunFilters },
  cfg: { config: TMatchConfig; version: number },
): Promise<void> {
  try {
    await repo.updateRun(db, run.id, { status: 'running', started: true });
    const om = await officeModel(db, {
      officeId: run.officeId,
      today: todayInGermany(),
      config: cfg.config,
      configVersion: cfg.version,
    });
    const m = om.model;
    const doPlaces = run.direction !== 'clients';
    const doClients = run.direction !== 'places';
    const total = (doPlaces ? m.clients.n : 0) + (doClients ? m.places.n : 0);
    await repo.updateRun(db, run.id, {
      data_stamp: om.stamp,
      client_count: m.clients.n,
      place_count: m.places.n,
      progress_total: total,
    });
    let done = 0;
    let saved = Date.now();
    const step = async (n: number) => {
      done += n;
      reportProgress(run.id, done, total);
      if (Date.now() - saved >= 1000) {
        saved = Date.now();
        await repo.updateRun(db, run.id, { progress_done: done });
      }
      await pause();
    };
    const rows: repo.ResultRow[] = [];
    if (doPlaces) {
      const filters = placeFiltersOf(run.filters);
      const target = {
        items: new Int32Array(m.clients.n * run.k).fill(-1),
        scores: new Float64Array(m.clients.n * run.k),
      };
      const order = spatialOrder(m);
      let b: BatchResult | null = null;
      for (let from = 0; from < m.clients.n || b === null; from += CHUNK) {
        const to = Math.min(m.clients.n, from + CHUNK);
        b = runPlacesBatch(m, { k: run.k, filters, from, to, order, target });
        await step(to - from);
      }
      rows.push(...entries(b, m.clients.ids, m.places.ids, 'places'));
    }
    if (doClients) {
      const filters = {
        ...(run.filters.maxKm !== undefined && { maxDistanceKm: run.filters.maxKm }),
        ...(run.filters.minScore !== undefined && { minScore: run.filters.minScore }),
        ...(run.filters.withoutFlags && { withoutFlags: true }),
      };
      const target = {
        items: new Int32Array(m.places.n * run.k).fill(-1),
        scores: new Float64Array(m.places.n * run.k),
      };
      let b: BatchResult | null = null;
      for (let from = 0; from < m.places.n || b === null; from += CHUNK) {
        const to = Math.min(m.places.n, from + CHUNK);
        b = runClientsBatch(m, { k: run.k, filters, from, to, target });
        await step(to - from);
      }
      rows.push(...entries(b, m.places.ids, m.clients.ids, 'clients'));
    }
    for (let i = 0; i < rows.length; i += 5000) {
      await repo.insertResults(db, run.id, run.officeId, rows.slice(i, i + 5000));
      await pause();
    }
    await repo.updateRun(db, run.id, {
      status: 'done',
      progress_done: total,
      result_count: rows.length,
      finished: true,
    });
  } catch (err) {
    log.error({ err, runId: run.id }, 'matching run failed');
    await repo.deleteResults(db, run.id).catch(() => undefined);
    await repo
      .updateRun(db, run.id, { status: 'failed', error_code: 'internal', finished: true })
      .catch(() => undefined);
  } finally {
    finishProgress(run.id);
  }
}

/**
 * Stores a run of the actor's office with the office's current config and starts it in the background
 * (status `queued`, then `running`, `done` or `failed`); poll `GET /api/matching/runs/:id` or follow
 * `…/events`. Only `scope: office` exists (see `ZMatchRunScope`).
 * @throws `unauthenticated`, `forbidden` (roles without client access)
 */
export async function createRun(ctx: RequestContext, body: TCreateMatchRun): Promise<TMatchRun> {
  const actor = requireMatching(ctx, 'run');
  const cfg = await officeConfig(ctx.db, actor.officeId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const runId = await repo.insertRun(trx, {
      office_id: actor.officeId,
      scope: body.scope,
      k: body.k,
      direction: body.direction,
      filters: body.filters,
      config: cfg.config,
      config_version: cfg.version,
      created_by: actor.system ? null : actor.userId,
    });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'match_run',
      entityId: runId,
      officeId: actor.officeId,
      details: { k: body.k, direction: body.direction, filters: body.filters, configVersion: cfg.version },
    });
    return runId;
  });
  const job = queue.then(() => executeRun(ctx.db, ctx.log, { id, officeId: actor.officeId, ...body }, cfg));
  queue = job;
  active.set(id, job);
  void job.finally(() => active.delete(id));
  return getRun(ctx, id);
}

/** One run of the actor's office (live progress while this process runs it). @throws `forbidden`, `not_found` */
export async function getRun(ctx: RequestContext, id: string): Promise<TMatchRun> {
  const actor = requireMatching(ctx, 'run');
  return toRun(await requireRun(ctx.db, matchingScope(actor), id));
}

/** The runs of the actor's office, newest first. @throws `forbidden` */
export async function listRuns(
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<{ items: TMatchRun[]; total: number }> {
  const actor = requireMatching(ctx, 'run');
  const scope = matchingScope(actor);
  await repo.failStaleRuns(ctx.db, scope, [...active.keys()]);
  const { rows, total } = await repo.selectRuns(ctx.db, scope, page);
  return { items: rows.map(toRun), total };
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
 * current postcodes, as in the pair explanation); audited as a read of the clients shown.
 * @throws `forbidden`, `not_found`
 */
export async function listRunResults(ctx: RequestContext, id: string, q: TMatchRunResultQuery) {
  const actor = requireMatching(ctx, 'run');
  const scope = matchingScope(actor);
  await requireRun(ctx.db, scope, id);
  const direction = q.direction ?? (q.clientId ? 'places' : q.placeId ? 'clients' : undefined);
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
