import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type TDraftPayload, type TSaveState } from './draft-saver';

function setup(send: (p: TDraftPayload) => Promise<{ savedAt: string; seq: number }>, fatal = false) {
  const states: TSaveState[] = [];
  const onFatal = vi.fn();
  const saver = new DraftSaver({
    send: (p) => send(p),
    onState: (s) => states.push(s),
    onFatal,
    isFatal: () => fatal,
    initialSeq: 4,
    initialSavedAt: null,
    delayMs: 500,
    retryMs: 1000,
    maxRetryMs: 4000,
  });
  return { saver, states, onFatal };
}

describe('DraftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces typing into one save with the next seq', async () => {
    const sent: TDraftPayload[] = [];
    const { saver, states } = setup(async (p) => {
      sent.push(p);
      return { savedAt: '2026-11-30T10:00:00.000Z', seq: p.seq };
    });
    saver.change({ language: 'ar', answers: { spokenName: 'A' } });
    await vi.advanceTimersByTimeAsync(200);
    saver.change({ language: 'ar', answers: { spokenName: 'Ah' } });
    await vi.advanceTimersByTimeAsync(200);
    saver.change({ language: 'ar', answers: { spokenName: 'Ahmad' } });
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toEqual([{ language: 'ar', seq: 5, answers: { spokenName: 'Ahmad' } }]);
    expect(states.at(-1)).toEqual({ status: 'saved', savedAt: '2026-11-30T10:00:00.000Z' });
    expect(saver.dirty).toBe(false);
  });

  it('sends a change made during a save after it, with a higher seq (one request at a time)', async () => {
    const sent: TDraftPayload[] = [];
    let release: () => void = () => undefined;
    const { saver } = setup(
      (p) =>
        new Promise((resolve) => {
          sent.push(p);
          release = () => resolve({ savedAt: 'now', seq: p.seq });
        }),
    );
    saver.change({ language: 'de', answers: { interests: 'a' } });
    await vi.advanceTimersByTimeAsync(600);
    saver.change({ language: 'de', answers: { interests: 'ab' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.map((p) => p.seq)).toEqual([5]);
    release();
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.map((p) => p.seq)).toEqual([5, 6]);
    expect(sent[1]?.answers).toEqual({ interests: 'ab' });
  });

  it('keeps the input and retries with backoff while the network is down', async () => {
    let fail = true;
    const sent: number[] = [];
    const { saver, states } = setup(async (p) => {
      sent.push(p.seq);
      if (fail) throw new Error('offline');
      return { savedAt: 'later', seq: p.seq };
    });
    saver.change({ language: 'tr', answers: { phone: '0170' } });
    await vi.advanceTimersByTimeAsync(600);
    expect(states.at(-1)?.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([5, 6]);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([5, 6, 7]);
    expect(states.at(-1)).toEqual({ status: 'saved', savedAt: 'later' });
  });

  it('stops on a fatal error (link expired) and reports it', async () => {
    const { saver, onFatal } = setup(async () => {
      throw new Error('gone');
    }, true);
    saver.change({ language: 'uk', answers: {} });
    await vi.advanceTimersByTimeAsync(600);
    expect(onFatal).toHaveBeenCalledOnce();
    saver.change({ language: 'uk', answers: { spokenName: 'x' } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(onFatal).toHaveBeenCalledOnce();
  });

  it('flush sends a waiting change at once', async () => {
    const sent: number[] = [];
    const { saver } = setup(async (p) => {
      sent.push(p.seq);
      return { savedAt: 'x', seq: p.seq };
    });
    saver.change({ language: 'fa', answers: {} });
    await saver.flush();
    expect(sent).toEqual([5]);
    expect(saver.seq).toBe(5);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([5]);
  });
});
