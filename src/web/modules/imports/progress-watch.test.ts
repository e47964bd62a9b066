import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TImportProgress } from '../../../contracts/imports';
import { type TEventSourceLike, watchProgress } from './progress-watch';

/** An EventSource stand-in whose events the test sends. */
class FakeEvents implements TEventSourceLike {
  listeners = new Map<string, Array<(e: MessageEvent<string>) => void>>();
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

const progress = (processed: number): TImportProgress => ({ phase: 'validating', processed, total: 50_000 });

describe('progress watch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hears progress as server-sent events once the stream greets, and closes on done', async () => {
    let source: FakeEvents | undefined;
    const seen: number[] = [];
    const poll = vi.fn(async () => null);
    const watch = watchProgress({
      jobId: 'job-1',
      onProgress: (p) => seen.push(p.processed),
      poll,
      openEvents: (url) => {
        source = new FakeEvents(url);
        return source;
      },
    });
    expect(source?.url).toBe('/api/imports/job-1/events');
    let ready = false;
    void watch.ready.then(() => {
      ready = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(ready).toBe(false);
    source?.send('job', { status: 'uploaded', progress: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(ready).toBe(true);
    source?.send('progress', progress(2000));
    source?.send('progress', progress(4000));
    source?.send('done', { status: 'validated', result: null });
    expect(seen).toEqual([2000, 4000]);
    expect(source?.closed).toBe(true);
    expect(watch.mode).toBe('events');
    await vi.advanceTimersByTimeAsync(5000);
    expect(poll).not.toHaveBeenCalled();
    watch.stop();
  });

  it('falls back to polling when the stream fails', async () => {
    let source: FakeEvents | undefined;
    const seen: number[] = [];
    let n = 0;
    const watch = watchProgress({
      jobId: 'job-2',
      onProgress: (p) => seen.push(p.processed),
      poll: async () => {
        n += 1000;
        return progress(n);
      },
      openEvents: (url) => {
        source = new FakeEvents(url);
        return source;
      },
      pollMs: 500,
    });
    source?.onerror?.(new Event('error'));
    await watch.ready;
    expect(watch.mode).toBe('polling');
    expect(source?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1600);
    expect(seen).toEqual([1000, 2000, 3000]);
    watch.stop();
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toHaveLength(3);
    expect(watch.mode).toBe('stopped');
  });

  it('polls when the stream does not connect in time, and when there is no EventSource', async () => {
    const slow = watchProgress({
      jobId: 'job-3',
      onProgress: () => {},
      poll: async () => null,
      openEvents: (url) => new FakeEvents(url),
      connectTimeoutMs: 3000,
    });
    await vi.advanceTimersByTimeAsync(2999);
    expect(slow.mode).toBe('events');
    await vi.advanceTimersByTimeAsync(1);
    expect(slow.mode).toBe('polling');
    slow.stop();

    const none = watchProgress({
      jobId: 'job-4',
      onProgress: () => {},
      poll: async () => null,
      openEvents: null,
    });
    await none.ready;
    expect(none.mode).toBe('polling');
    none.stop();
  });

  it('keeps polling after a failed poll', async () => {
    const seen: number[] = [];
    let calls = 0;
    const watch = watchProgress({
      jobId: 'job-5',
      onProgress: (p) => seen.push(p.processed),
      poll: async () => {
        calls += 1;
        if (calls === 1) throw new Error('network');
        return progress(calls);
      },
      openEvents: null,
      pollMs: 100,
    });
    await vi.advanceTimersByTimeAsync(350);
    expect(seen).toEqual([2, 3]);
    watch.stop();
  });
});
