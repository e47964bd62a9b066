import type { TMatchRunProgress } from '../../../contracts/matching';

/**
 * Progress of the batch runs this process executes, in memory (as imports.progress.ts): polling and
 * server-sent events read it without waiting for the database. The stored run gets the same progress at
 * most once a second (for other processes and after a restart).
 */

/** What watchers of a run hear: progress while it runs, then its end. */
export type RunEvent = { type: 'progress'; progress: TMatchRunProgress } | { type: 'done' };

type Listener = (e: RunEvent) => void;

const progressOf = new Map<string, TMatchRunProgress>();
const watchers = new Map<string, Set<Listener>>();

/** Percent of `done` of `total`, 0–99 while running (100 only when the run is done). */
export function percentOf(done: number, total: number, finished: boolean): number {
  if (finished) return 100;
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((done / total) * 100));
}

function emit(runId: string, e: RunEvent): void {
  for (const l of watchers.get(runId) ?? []) l(e);
}

/** Reports progress of a running run to its watchers. */
export function reportProgress(runId: string, done: number, total: number): TMatchRunProgress {
  const p = { done, total, percent: percentOf(done, total, false) };
  progressOf.set(runId, p);
  emit(runId, { type: 'progress', progress: p });
  return p;
}

/** Ends a run: watchers hear `done` (they read the stored run for its outcome). */
export function finishProgress(runId: string): void {
  progressOf.delete(runId);
  emit(runId, { type: 'done' });
}

/** The in-memory progress of a run this process executes now, if any. */
export function liveProgress(runId: string): TMatchRunProgress | undefined {
  return progressOf.get(runId);
}

/** Listens to a run; returns the function that stops listening. */
export function watchRun(runId: string, listener: Listener): () => void {
  let set = watchers.get(runId);
  if (!set) {
    set = new Set();
    watchers.set(runId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && watchers.get(runId) === set) watchers.delete(runId);
  };
}
