import { Worker } from 'node:worker_threads';
import { type BatchResult, type ProgressCallback, spatialOrder } from './matching.batch';
import { type MatchModel, modelData } from './matching.model';
import type { PlaceFilters } from './matching.types';

/**
 * Parallel batch over worker threads: each worker rebuilds the model from the (shared) tables and takes
 * chunks of clients from a queue, writing rows into shared result arrays. Build the model with
 * `shared: true`, else every worker receives a copy of the tables. Under tsx (TypeScript source) the
 * worker loads itself through tsx's `tsImport`; compiled JavaScript runs the worker file directly.
 */

/** Options of `runPlacesBatchParallel`. */
export interface ParallelOptions {
  k: number;
  workers: number;
  filters?: PlaceFilters;
  /** Clients per chunk (default 2,000). */
  chunk?: number;
  onProgress?: ProgressCallback;
}

/** Timing of a parallel run: worker start-up (model rebuilt) and the search itself, ms. */
export interface ParallelTiming {
  startupMs: number;
  searchMs: number;
}

function startWorker(data: unknown): Worker {
  const url = new URL('./matching.worker.ts', import.meta.url);
  if (import.meta.url.endsWith('.ts')) {
    const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}))`;
    return new Worker(code, { eval: true, workerData: data });
  }
  return new Worker(new URL('./matching.worker.js', import.meta.url), { workerData: data });
}

/**
 * Best `k` places for every client using `workers` threads; same rows as `runPlacesBatch`.
 * @throws the first worker error
 */
export async function runPlacesBatchParallel(
  m: MatchModel,
  opts: ParallelOptions,
): Promise<BatchResult & { timing: ParallelTiming }> {
  const n = m.clients.n;
  const k = opts.k;
  const items = new Int32Array(new SharedArrayBuffer(4 * n * k)).fill(-1);
  const scores = new Float64Array(new SharedArrayBuffer(8 * n * k));
  const chunk = opts.chunk ?? 2000;
  const ordered = spatialOrder(m);
  const order = new Int32Array(new SharedArrayBuffer(4 * n));
  order.set(ordered);
  const data = { model: modelData(m), k, filters: opts.filters ?? {}, items, scores, order };
  const t0 = performance.now();
  const workers = Array.from({ length: Math.max(1, opts.workers) }, () => startWorker(data));
  let pairs = 0;
  let done = 0;
  let nextRow = 0;
  let t1 = performance.now();
  let t2 = t1;
  let ready = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const give = (w: Worker) => {
        if (nextRow >= n) {
          w.postMessage({ stop: true });
          return;
        }
        const from = nextRow;
        nextRow = Math.min(n, nextRow + chunk);
        w.postMessage({ from, to: nextRow });
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (msg: { ready?: true; from?: number; to?: number; pairs?: number }) => {
          if (msg.ready) {
            // Start the clock when every worker has rebuilt its model: start-up is reported apart.
            if (++ready === workers.length) {
              t1 = performance.now();
              for (const x of workers) give(x);
            }
            return;
          }
          pairs += msg.pairs ?? 0;
          done += (msg.to ?? 0) - (msg.from ?? 0);
          opts.onProgress?.(done, n);
          if (done >= n) {
            t2 = performance.now();
            resolve();
          } else give(w);
        });
      }
      if (n === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { k, rows: n, items, scores, pairs, timing: { startupMs: t1 - t0, searchMs: t2 - t1 } };
}
