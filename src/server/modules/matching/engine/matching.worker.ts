import { parentPort, workerData } from 'node:worker_threads';
import { runPlacesBatch } from './matching.batch';
import { type MatchModelData, modelFromData } from './matching.model';
import type { PlaceFilters } from './matching.types';

/**
 * Worker thread of `runPlacesBatchParallel`: rebuilds the model from shared tables, then answers
 * `{ from, to }` chunks by writing top-k rows straight into the shared result arrays.
 */
interface WorkerInput {
  model: MatchModelData;
  k: number;
  filters: PlaceFilters;
  items: Int32Array;
  scores: Float64Array;
  order: Int32Array;
}

const input = workerData as WorkerInput;
const model = modelFromData(input.model);
const target = { items: input.items, scores: input.scores };

parentPort?.on('message', (msg: { from: number; to: number } | { stop: true }) => {
  if ('stop' in msg) {
    parentPort?.close();
    return;
  }
  const r = runPlacesBatch(model, {
    k: input.k,
    filters: input.filters,
    from: msg.from,
    to: msg.to,
    target,
    order: input.order,
  });
  parentPort?.postMessage({ from: msg.from, to: msg.to, pairs: r.pairs });
});
parentPort?.postMessage({ ready: true });
