import autocannon from 'autocannon';

/** Load settings shared by every benchmark of one run (`--quick` shortens them). */
export interface BenchOptions {
  /** Concurrent HTTP connections held open by autocannon. */
  connections: number;
  /** Measured seconds per target. */
  durationSec: number;
  /** Unmeasured seconds of the same load before each measurement (JIT, pools, caches). */
  warmupSec: number;
}

/** One measured target: throughput and latency of one URL under load. */
export interface Measurement {
  label: string;
  requestsPerSec: number;
  totalRequests: number;
  latencyAvgMs: number;
  latencyP99Ms: number;
  /** Responses outside 2xx plus connection errors and timeouts: should be 0 for a valid figure. */
  failures: number;
}

/** What a benchmark returns: its rows, and summary lines printed below the table. */
export interface BenchResult {
  rows: Measurement[];
  summary: string[];
}

/** A benchmark `bench/run.ts` can run by name. */
export interface Benchmark {
  name: string;
  description: string;
  run(opts: BenchOptions): Promise<BenchResult>;
}

/**
 * Loads `url` with autocannon: a warm-up of `opts.warmupSec` (discarded), then `opts.durationSec` measured.
 * The client runs in one worker thread, so it does not share the event loop of a server in this process.
 */
export async function measure(label: string, url: string, opts: BenchOptions): Promise<Measurement> {
  const base = { url, connections: opts.connections, workers: 1 };
  if (opts.warmupSec > 0) await autocannon({ ...base, duration: opts.warmupSec });
  const r = await autocannon({ ...base, duration: opts.durationSec });
  return {
    label,
    requestsPerSec: r.requests.average,
    totalRequests: r.requests.total,
    latencyAvgMs: r.latency.average,
    latencyP99Ms: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}

/** Renders measurements as a fixed-width text table. */
export function formatTable(rows: Measurement[]): string {
  const head = ['target', 'req/s', 'requests', 'lat avg ms', 'lat p99 ms', 'failures'];
  const body = rows.map((m) => [
    m.label,
    Math.round(m.requestsPerSec).toLocaleString('en-US'),
    m.totalRequests.toLocaleString('en-US'),
    m.latencyAvgMs.toFixed(2),
    m.latencyP99Ms.toFixed(2),
    String(m.failures),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
