import type { TMatchConfig, TMatchRunFilters } from '../../../contracts/matching';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { type BatchResult, runClientsBatch, runPlacesBatch } from './engine/index';
import { spatialOrder } from './engine/matching.batch';
import { todayInGermany } from './matching.access';
import { type OfficeModel, officeModel } from './matching.loader';
import { placeFiltersOf } from './matching.service';
import { finishProgress, reportProgress } from './runs.progress';
import * as repo from './runs.repository';

/**
 * Execution of stored batch runs: one after the other in this process (CPU-bound), in chunks with a pause
 * between them so requests keep being served; progress goes to memory at every chunk and to the row at most
 * once a second. Results of a failed run are deleted. A region run executes its parts (office runs) in turn.
 */

/** Rows (clients or places) computed between two pauses. */
const CHUNK = 250;

/** Runs started in this process and not finished yet (parts of a region run included). */
const active = new Map<string, Promise<void>>();
/** Runs execute one after the other. */
let queue: Promise<void> = Promise.resolve();

/** Ids of the runs this process has queued or runs now (not stale, whatever their heartbeat). */
export const activeRunIds = (): string[] => [...active.keys()];

/** Waits for every run of this process to end (the app waits for it on close). */
export async function settleRuns(): Promise<void> {
  await Promise.allSettled([...active.values()]);
}

/** A stored office run as executed: its id, office, parameters and the weights stored with it. */
export interface RunJob {
  id: string;
  officeId: string;
  k: number;
  direction: string;
  filters: TMatchRunFilters;
  cfg: { config: TMatchConfig; version: number };
}

/** Queues `work` behind the runs before it; `ids` count as active until it ends. */
export function enqueue(ids: readonly string[], work: () => Promise<void>): void {
  const job = queue.then(work);
  queue = job;
  for (const id of ids) active.set(id, job);
  void job.finally(() => {
    for (const id of ids) active.delete(id);
  });
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

/** The model of a run's office with the weights stored with the run. */
function modelOf(db: Executor, run: RunJob): Promise<OfficeModel> {
  return officeModel(db, {
    officeId: run.officeId,
    today: todayInGermany(),
    config: run.cfg.config,
    configVersion: run.cfg.version,
  });
}

/** Rows a run computes on a model: its clients and/or its places. */
function rowsOf(om: OfficeModel, direction: string): number {
  return (
    (direction !== 'clients' ? om.model.clients.n : 0) + (direction !== 'places' ? om.model.places.n : 0)
  );
}

/** The lists of a run on its model, `step(n)` after every chunk of n rows. */
async function computeLists(
  run: RunJob,
  om: OfficeModel,
  step: (n: number) => Promise<void>,
): Promise<repo.ResultRow[]> {
  const m = om.model;
  const rows: repo.ResultRow[] = [];
  if (run.direction !== 'clients') {
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
  if (run.direction !== 'places') {
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
  return rows;
}

/**
 * Executes a queued office run (in the background) on `om` (a region run loads its parts' models first) or
 * its office's model; `onStep(n)` hears every chunk. Never throws: a failure is stored on the run.
 * @returns the number of result entries stored, or null when the run failed
 */
export async function executeRun(
  db: Executor,
  log: RequestContext['log'],
  run: RunJob,
  om?: OfficeModel,
  onStep?: (n: number) => Promise<void>,
): Promise<number | null> {
  try {
    await repo.updateRun(db, run.id, { status: 'running', started: true });
    const model = om ?? (await modelOf(db, run));
    const total = rowsOf(model, run.direction);
    await repo.updateRun(db, run.id, {
      data_stamp: model.stamp,
      client_count: model.model.clients.n,
      place_count: model.model.places.n,
      progress_total: total,
    });
    let done = 0;
    let saved = Date.now();
    const rows = await computeLists(run, model, async (n) => {
      done += n;
      reportProgress(run.id, done, total);
      if (Date.now() - saved >= 1000) {
        saved = Date.now();
        await repo.updateRun(db, run.id, { progress_done: done });
      }
      await onStep?.(n);
      await pause();
    });
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
    return rows.length;
  } catch (err) {
    log.error({ err, runId: run.id }, 'matching run failed');
    await repo.deleteResults(db, run.id).catch(() => undefined);
    await repo
      .updateRun(db, run.id, { status: 'failed', error_code: 'internal', finished: true })
      .catch(() => undefined);
    return null;
  } finally {
    finishProgress(run.id);
  }
}

/**
 * Executes a region run: loads the models of all its parts (so its progress has a total from the start),
 * then runs the parts one after the other. The region run is `done` when every part is, else `failed` with
 * `part_failed` (the parts that finished keep their lists). Never throws.
 */
export async function executeRegion(
  db: Executor,
  log: RequestContext['log'],
  regionId: string,
  parts: readonly RunJob[],
): Promise<void> {
  let next = 0;
  try {
    await repo.updateRun(db, regionId, { status: 'running', started: true });
    const models: OfficeModel[] = [];
    for (const part of parts) models.push(await modelOf(db, part));
    const total = models.reduce((s, om, i) => s + rowsOf(om, (parts[i] as RunJob).direction), 0);
    await repo.updateRun(db, regionId, {
      progress_total: total,
      client_count: models.reduce((s, om) => s + om.model.clients.n, 0),
      place_count: models.reduce((s, om) => s + om.model.places.n, 0),
    });
    let done = 0;
    let saved = Date.now();
    const onStep = async (n: number) => {
      done += n;
      reportProgress(regionId, done, total);
      if (Date.now() - saved >= 1000) {
        saved = Date.now();
        await repo.updateRun(db, regionId, { progress_done: done });
      }
    };
    let results = 0;
    let failed = false;
    for (; next < parts.length; next++) {
      const n = await executeRun(db, log, parts[next] as RunJob, models[next], onStep);
      if (n === null) failed = true;
      else results += n;
    }
    await repo.updateRun(
      db,
      regionId,
      failed
        ? {
            status: 'failed',
            error_code: 'part_failed',
            progress_done: done,
            result_count: results,
            finished: true,
          }
        : { status: 'done', progress_done: total, result_count: results, finished: true },
    );
  } catch (err) {
    log.error({ err, runId: regionId }, 'matching region run failed');
    // Parts not started yet fail with it (they would otherwise wait as queued until judged interrupted).
    for (const part of parts.slice(next))
      await repo
        .updateRun(db, part.id, { status: 'failed', error_code: 'internal', finished: true })
        .catch(() => undefined);
    await repo
      .updateRun(db, regionId, { status: 'failed', error_code: 'internal', finished: true })
      .catch(() => undefined);
  } finally {
    finishProgress(regionId);
  }
}
