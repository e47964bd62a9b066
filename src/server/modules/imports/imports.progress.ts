import type { TImportProgress, TImportResult, TImportStatus } from '../../../contracts/imports';
import { AppError } from '../../platform/errors';

/**
 * Progress of running dry runs and commits, kept in process memory: polling (`GET /api/imports/:id`)
 * and server-sent events read it without the database, which a commit's transaction holds (PGlite
 * has one connection). One server process sees only the jobs it runs itself.
 */

/** What watchers of a job hear: progress of a run, and its end with the job's new status. */
export type ImportEvent =
  | { type: 'progress'; progress: TImportProgress }
  | { type: 'done'; status: TImportStatus; result: TImportResult | null };

type Listener = (e: ImportEvent) => void;

/** A running dry run or commit. */
export interface ImportRun {
  readonly jobId: string;
  readonly officeId: string;
  readonly progress: TImportProgress;
  /** Reports rows processed so far (clamped to the total) to every watcher. */
  report(processed: number): void;
  /** Ends the run with the job's new status (and a commit's result) and tells the watchers. */
  finish(status: TImportStatus, result?: TImportResult | null): void;
}

const runs = new Map<string, ImportRun>();
const watchers = new Map<string, Set<Listener>>();
/** Commit results of this process, for reads after the commit (bounded). */
const results = new Map<string, TImportResult>();
const MAX_RESULTS = 500;

function emit(jobId: string, e: ImportEvent): void {
  for (const l of watchers.get(jobId) ?? []) l(e);
}

/**
 * Starts a run of `phase` over `total` rows.
 * @throws AppError `import_running` (409) when the job already runs in this process
 */
export function startRun(
  jobId: string,
  officeId: string,
  phase: TImportProgress['phase'],
  total: number,
): ImportRun {
  if (runs.has(jobId)) throw new AppError('import_running');
  const progress: TImportProgress = { phase, processed: 0, total };
  const run: ImportRun = {
    jobId,
    officeId,
    progress,
    report(processed) {
      progress.processed = Math.min(progress.total, processed);
      emit(jobId, { type: 'progress', progress: { ...progress } });
    },
    finish(status, result = null) {
      if (runs.get(jobId) !== run) return;
      runs.delete(jobId);
      if (result) {
        results.set(jobId, result);
        if (results.size > MAX_RESULTS) results.delete(results.keys().next().value as string);
      }
      emit(jobId, { type: 'done', status, result });
    },
  };
  runs.set(jobId, run);
  emit(jobId, { type: 'progress', progress: { ...progress } });
  return run;
}

/** The running dry run or commit of a job, if this process runs one. */
export function currentRun(jobId: string): ImportRun | undefined {
  return runs.get(jobId);
}

/** Changes the phase of a run (a commit first re-checks the rows, then writes them). */
export function switchPhase(run: ImportRun, phase: TImportProgress['phase'], total: number): void {
  run.progress.phase = phase;
  run.progress.total = total;
  run.report(0);
}

/** The result of a commit this process ran, if it still keeps it. */
export function commitResult(jobId: string): TImportResult | undefined {
  return results.get(jobId);
}

/** Listens to a job's runs (also runs that start later); returns the function that stops listening. */
export function watch(jobId: string, listener: Listener): () => void {
  let set = watchers.get(jobId);
  if (!set) {
    set = new Set();
    watchers.set(jobId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && watchers.get(jobId) === set) watchers.delete(jobId);
  };
}

/** Number of listeners of a job (tests wait for an event stream to be connected). */
export function watcherCount(jobId: string): number {
  return watchers.get(jobId)?.size ?? 0;
}
