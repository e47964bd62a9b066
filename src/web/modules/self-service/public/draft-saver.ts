import type { TClientLanguage, TProfileDraftAnswers } from '../../../../contracts/self-service';

/** What the saver sends: the whole draft with its order number. */
export interface TDraftPayload {
  language: TClientLanguage;
  seq: number;
  answers: TProfileDraftAnswers;
}

/** State of the draft as the page shows it. */
export type TSaveState =
  | { status: 'idle'; savedAt: string | null }
  | { status: 'pending' | 'saving'; savedAt: string | null }
  | { status: 'saved'; savedAt: string }
  | { status: 'failed'; savedAt: string | null; error: unknown };

/** Options of {@link DraftSaver}. */
export interface TDraftSaverOptions {
  /** Sends one draft (`PUT …/draft`); `keepalive` when the page is being left. */
  send: (payload: TDraftPayload, opts: { keepalive: boolean }) => Promise<{ savedAt: string; seq: number }>;
  /** Called on every state change. */
  onState: (state: TSaveState) => void;
  /** Called when a save fails for good (the link expired, was revoked or used): stop the form. */
  onFatal?: (error: unknown) => void;
  /** True for errors no retry can fix. */
  isFatal?: (error: unknown) => boolean;
  /** The `seq` the server holds already (from the form); saves count on from it. */
  initialSeq: number;
  /** When the stored draft was saved (shown until the first save). */
  initialSavedAt: string | null;
  /** Milliseconds of quiet typing before a save (default 800). */
  delayMs?: number;
  /** Milliseconds before the first retry after a failure; doubles up to `maxRetryMs` (default 3000, 60000). */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * Saves the profile draft as the client types: debounced, one request at a time, every save with a
 * higher `seq` (so a late reply can never overwrite newer input on the server), retried with backoff
 * while the network is down. Nothing is ever thrown away locally; there is no time-out.
 */
export class DraftSaver {
  readonly #opts: Required<Omit<TDraftSaverOptions, 'onFatal' | 'isFatal'>> &
    Pick<TDraftSaverOptions, 'onFatal' | 'isFatal'>;
  #seq: number;
  #latest: Omit<TDraftPayload, 'seq'> | null = null;
  #dirty = false;
  #inFlight: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #retry: number;
  #savedAt: string | null;
  #stopped = false;

  constructor(opts: TDraftSaverOptions) {
    this.#opts = { delayMs: 800, retryMs: 3000, maxRetryMs: 60_000, ...opts };
    this.#seq = opts.initialSeq;
    this.#retry = this.#opts.retryMs;
    this.#savedAt = opts.initialSavedAt;
  }

  /** The `seq` of the newest draft handed out (the submit sends it too). */
  get seq(): number {
    return this.#seq;
  }

  /** True while a change is not on the server yet. */
  get dirty(): boolean {
    return this.#dirty || this.#inFlight !== null;
  }

  /** Records a change; it is sent after `delayMs` without further changes. */
  change(draft: Omit<TDraftPayload, 'seq'>): void {
    if (this.#stopped) return;
    this.#latest = draft;
    this.#dirty = true;
    this.#retry = this.#opts.retryMs;
    this.#opts.onState({ status: 'pending', savedAt: this.#savedAt });
    this.#schedule(this.#opts.delayMs);
  }

  /** Sends a waiting change now (e.g. when the page is hidden or before submitting). */
  async flush(keepalive = false): Promise<void> {
    this.#clearTimer();
    if (this.#inFlight) await this.#inFlight;
    if (this.#dirty && !this.#stopped) await this.#send(keepalive);
  }

  /** Stops saving (after the submit, or when the link stopped working). */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(ms: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#tick();
    }, ms);
  }

  async #tick(): Promise<void> {
    // One request at a time: a change during a save is sent when it returns.
    if (this.#inFlight) return;
    if (this.#dirty && !this.#stopped) await this.#send(false);
  }

  #send(keepalive: boolean): Promise<void> {
    const latest = this.#latest;
    if (!latest) return Promise.resolve();
    this.#dirty = false;
    this.#seq += 1;
    const payload: TDraftPayload = { ...latest, seq: this.#seq };
    this.#opts.onState({ status: 'saving', savedAt: this.#savedAt });
    const run = this.#opts
      .send(payload, { keepalive })
      .then(
        (saved) => {
          this.#savedAt = saved.savedAt;
          this.#retry = this.#opts.retryMs;
          if (this.#dirty) this.#opts.onState({ status: 'pending', savedAt: this.#savedAt });
          else this.#opts.onState({ status: 'saved', savedAt: saved.savedAt });
        },
        (error: unknown) => {
          if (this.#opts.isFatal?.(error)) {
            this.stop();
            this.#opts.onFatal?.(error);
            return;
          }
          // Not saved: keep the change and try again later (the input stays on the page).
          this.#dirty = true;
          this.#opts.onState({ status: 'failed', savedAt: this.#savedAt, error });
          const wait = this.#retry;
          this.#retry = Math.min(this.#retry * 2, this.#opts.maxRetryMs);
          if (!this.#stopped) this.#schedule(wait);
        },
      )
      .finally(() => {
        this.#inFlight = null;
      });
    this.#inFlight = run.then(() => {
      if (this.#dirty && !this.#stopped && this.#timer === null) this.#schedule(this.#opts.delayMs);
    });
    return this.#inFlight;
  }
}
