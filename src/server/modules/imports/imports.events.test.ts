import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { commit, csv, dryRun, germanDate, type Json, uploadJob } from './imports.fixture';
import { startRun, watch, watcherCount } from './imports.progress';

let t: TestApp;
let dus: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  dus = await t.client(DEMO.counsellor);
});
afterAll(() => t.close());

const ROWS = 20_000;

/** `rows` distinct places of 200 companies; `firstDay` shifts the start dates (a second, different file). */
function placesFile(rows: number, firstDay = 60): string {
  const out: Array<Array<string | number>> = [['Firmenname', 'PLZ', 'Beruf', 'Plätze', 'Beginn']];
  for (let i = 0; i < rows; i++)
    out.push([
      `Fortschritt ${i % 200}`,
      '40210',
      'Koch/Köchin',
      1,
      germanDate(firstDay + Math.floor(i / 200)),
    ]);
  return csv(out);
}

/** Parses a server-sent event stream into `[event, data]` pairs. */
function events(body: string): Array<[string, Json]> {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [head, data] = block.split('\n');
      return [head?.slice('event: '.length) ?? '', JSON.parse(data?.slice('data: '.length) ?? 'null')];
    });
}

/**
 * Opens the event stream of a job and waits until it listens. The response is wrapped: returning
 * the thenable itself from an async function would wait for the whole stream.
 */
async function openEvents(jobId: string) {
  const stream = t.app.inject({
    method: 'GET',
    url: `/api/imports/${jobId}/events`,
    headers: { cookie: dus.cookieHeader() },
  });
  for (let i = 0; i < 200 && watcherCount(jobId) === 0; i++) await sleep(10);
  expect(watcherCount(jobId)).toBe(1);
  return { response: stream };
}

describe('progress', () => {
  it('reports processed/total to watchers of a run, then its end', () => {
    const seen: Json[] = [];
    const stop = watch('job-a', (e) => seen.push(e));
    const run = startRun('job-a', 'office', 'validating', 5_000);
    expect(() => startRun('job-a', 'office', 'validating', 1)).toThrow('import_running');
    run.report(2_000);
    run.report(9_000);
    run.finish('validated');
    stop();
    expect(seen).toEqual([
      { type: 'progress', progress: { phase: 'validating', processed: 0, total: 5_000 } },
      { type: 'progress', progress: { phase: 'validating', processed: 2_000, total: 5_000 } },
      { type: 'progress', progress: { phase: 'validating', processed: 5_000, total: 5_000 } },
      { type: 'done', status: 'validated', result: null },
    ]);
    expect(watcherCount('job-a')).toBe(0);
  });

  it('streams the progress of a dry run and of a commit as server-sent events', async () => {
    const job = await uploadJob(t, dus, 'target=places', placesFile(ROWS));
    const dryEvents = await openEvents(job.id);
    const checked = await dryRun(dus, job);
    expect(checked.json().job.status).toBe('validated');
    const dry = await dryEvents.response;
    expect(dry.statusCode).toBe(200);
    expect(dry.headers['content-type']).toContain('text/event-stream');
    const seen = events(dry.body);
    expect(seen[0]).toEqual(['job', { status: 'uploaded', progress: null }]);
    const progress = seen.filter(([e]) => e === 'progress').map(([, d]) => d);
    expect(progress.length).toBeGreaterThanOrEqual(ROWS / 2_000);
    expect(progress.every((p) => p.phase === 'validating' && p.total === ROWS)).toBe(true);
    const processed = progress.map((p) => p.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(processed.at(-1)).toBe(ROWS);
    expect(seen.at(-1)).toEqual(['done', { status: 'validated', result: null }]);

    const commitEvents = await openEvents(job.id);
    const done = await commit(dus, checked.json().job);
    expect(done.statusCode).toBe(200);
    const seenCommit = events((await commitEvents.response).body);
    const phases = new Set(seenCommit.filter(([e]) => e === 'progress').map(([, d]) => d.phase));
    expect([...phases]).toEqual(['validating', 'committing']);
    const last = seenCommit.filter(([e]) => e === 'progress').at(-1)?.[1];
    expect(last).toEqual({ phase: 'committing', processed: ROWS + 200, total: ROWS + 200 });
    expect(seenCommit.at(-1)).toEqual([
      'done',
      {
        status: 'committed',
        result: { imported: ROWS, companiesCreated: 200, placesUpdated: 0, duplicatesSkipped: 0 },
      },
    ]);
    // A committed job's stream ends at once.
    const after = events(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/imports/${job.id}/events`,
          headers: { cookie: dus.cookieHeader() },
        })
      ).body,
    );
    expect(after.map(([e]) => e)).toEqual(['job', 'done']);
  });

  it('lets the event loop run after every progress report of the write phase, so events go out during the commit', async () => {
    const job = await uploadJob(t, dus, 'target=places', placesFile(ROWS, 200));
    const checked = (await dryRun(dus, job)).json().job;
    expect(checked.status).toBe('validated');
    // Each write-phase report schedules a macrotask probe: it runs before the next report only when
    // the commit yields to the event loop in between (else sockets, and so the SSE stream, wait too).
    const log: Array<{ kind: 'report' | 'tick'; seq: number; processed: number }> = [];
    let seq = 0;
    const stop = watch(job.id, (e) => {
      if (e.type !== 'progress' || e.progress.phase !== 'committing') return;
      const entry = { seq: seq++, processed: e.progress.processed };
      log.push({ kind: 'report', ...entry });
      setImmediate(() => log.push({ kind: 'tick', ...entry }));
    });
    try {
      const done = await commit(dus, checked);
      expect(done.statusCode).toBe(200);
    } finally {
      stop();
    }
    const reports = log.filter((l) => l.kind === 'report');
    // Phase start, then one report per statement of at most 1,000 rows (companies, then places).
    const processed = reports.map((r) => r.processed);
    expect(processed[0]).toBe(0);
    expect(processed.at(-1)).toBe(ROWS); // its companies exist already (the test before made them)
    expect(processed.length).toBeGreaterThanOrEqual(ROWS / 1_000 + 1);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    for (const r of reports.slice(0, -1)) {
      const tick = log.findIndex((l) => l.kind === 'tick' && l.seq === r.seq);
      const next = log.findIndex((l) => l.kind === 'report' && l.seq === r.seq + 1);
      expect({ processed: r.processed, tickBeforeNextReport: tick >= 0 && tick < next }).toEqual({
        processed: r.processed,
        tickBeforeNextReport: true,
      });
    }
  });

  it('answers polls while a dry run is running with its progress', async () => {
    const job = await uploadJob(t, dus, 'target=places', placesFile(ROWS));
    const running = dryRun(dus, job);
    const polls: Json[] = [];
    for (let i = 0; i < 500; i++) {
      const res = await dus.get(`/api/imports/${job.id}?issues=false`);
      const j = res.json().job;
      polls.push({ status: j.status, progress: j.progress });
      if (j.status === 'validated') break;
      await sleep(5);
    }
    await running;
    const during = polls.filter((p) => p.status === 'validating');
    expect(during.length).toBeGreaterThan(0);
    for (const p of during) {
      expect(p.progress.phase).toBe('validating');
      expect(p.progress.total).toBe(ROWS);
      expect(p.progress.processed).toBeLessThanOrEqual(ROWS);
    }
    expect(polls.at(-1)?.status).toBe('validated');
  });
});
