import type { TImportProgress } from '../../../contracts/imports';
import { parseProgressEvent } from './progress';

/** The part of `EventSource` the watcher uses (a fake in tests). */
export interface TEventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

/** Options of {@link watchProgress}. */
export interface TWatchOptions {
  /** The job whose run to follow. */
  jobId: string;
  /** Called with each progress report (server-sent event or poll answer). */
  onProgress: (progress: TImportProgress) => void;
  /** Reads the job's current progress (`GET /api/imports/:id?issues=false`); the polling fallback. */
  poll: (signal: AbortSignal) => Promise<TImportProgress | null>;
  /** Opens the event stream; null (or absent `EventSource`) means: poll instead. */
  openEvents?: ((url: string) => TEventSourceLike) | null;
  /** Pause between two polls, ms (default 500). */
  pollMs?: number;
  /** How long to wait for the stream to connect before polling instead, ms (default 3000). */
  connectTimeoutMs?: number;
}

/** A running watch: `ready` settles once progress can be heard (stream connected, or polling). */
export interface TProgressWatch {
  ready: Promise<void>;
  /** How progress arrives now. */
  readonly mode: 'events' | 'polling' | 'stopped';
  /** Ends the watch (closes the stream, stops polling). */
  stop(): void;
}

function defaultOpenEvents(): ((url: string) => TEventSourceLike) | null {
  if (typeof EventSource === 'undefined') return null;
  return (url) => new EventSource(url) as unknown as TEventSourceLike;
}

/**
 * Follows the progress of a job's next dry run or commit through the server-sent events endpoint
 * (`GET /api/imports/:id/events`: `job`, then `progress` per chunk of rows, then `done`), falling
 * back to polling when the stream fails or does not connect in time. Start the run only after
 * `ready`: the server then already listens, so no report is missed.
 */
export function watchProgress(options: TWatchOptions): TProgressWatch {
  const pollMs = options.pollMs ?? 500;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const open = options.openEvents === undefined ? defaultOpenEvents() : options.openEvents;
  const aborter = new AbortController();
  let mode: TProgressWatch['mode'] = 'events';
  let source: TEventSourceLike | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const closeSource = () => {
    clearTimeout(connectTimer);
    source?.close();
    source = null;
  };

  const pollOnce = async () => {
    if (mode !== 'polling') return;
    try {
      const progress = await options.poll(aborter.signal);
      if (progress && mode === 'polling') options.onProgress(progress);
    } catch {
      // A failed poll is retried on the next tick; the run's own request reports real failures.
    }
    if (mode === 'polling') pollTimer = setTimeout(() => void pollOnce(), pollMs);
  };

  const startPolling = () => {
    if (mode !== 'events') return;
    closeSource();
    mode = 'polling';
    markReady();
    pollTimer = setTimeout(() => void pollOnce(), pollMs);
  };

  if (!open) {
    startPolling();
  } else {
    source = open(`/api/imports/${encodeURIComponent(options.jobId)}/events`);
    source.addEventListener('job', (event) => {
      clearTimeout(connectTimer);
      markReady();
      try {
        const data = JSON.parse(event.data) as { progress?: unknown };
        const progress = data.progress ? parseProgressEvent(JSON.stringify(data.progress)) : null;
        if (progress) options.onProgress(progress);
      } catch {
        // A malformed greeting still means the stream is connected.
      }
    });
    source.addEventListener('progress', (event) => {
      const progress = parseProgressEvent(event.data);
      if (progress && mode === 'events') options.onProgress(progress);
    });
    source.addEventListener('done', () => {
      // The run ended; the stream ends too (without this, EventSource would reconnect).
      closeSource();
    });
    source.onerror = () => {
      if (source) startPolling();
    };
    connectTimer = setTimeout(startPolling, connectTimeoutMs);
  }

  return {
    ready,
    get mode() {
      return mode;
    },
    stop() {
      mode = 'stopped';
      closeSource();
      clearTimeout(pollTimer);
      aborter.abort();
      markReady();
    },
  };
}
