// `npm run bench [-- [--quick] [--connections=N] [--duration=S] [name ...]]`: runs the named benchmarks
// (all when none is named) one after the other and prints a table per benchmark.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Benchmark, type BenchOptions, formatTable } from './harness';
import { httpBenchmark } from './http.bench';
import { importBenchmark } from './import.bench';
import { startupBenchmark } from './startup.bench';

/** Every benchmark, in run order. Add new ones here. */
const BENCHMARKS: Benchmark[] = [httpBenchmark, startupBenchmark, importBenchmark];

const USAGE = `usage: npm run bench -- [--quick] [--connections=N] [--duration=S] [name ...]
  --quick           3 s measured after a 1 s warm-up (default: 10 s after 2 s)
  --connections=N   concurrent connections (default 50)
  --duration=S      measured seconds per target
benchmarks:
${BENCHMARKS.map((b) => `  ${b.name.padEnd(16)}${b.description}`).join('\n')}`;

/** Parses the command line into the options and the benchmarks to run; exits on bad input. */
function parseCommandLine(argv: string[]): { opts: BenchOptions; selected: Benchmark[] } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (v: string | undefined, fallback: number) => {
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${v}\n${USAGE}`);
    return n;
  };
  const opts: BenchOptions = {
    connections: int(values.connections, 50),
    durationSec: int(values.duration, values.quick ? 3 : 10),
    warmupSec: values.quick ? 1 : 2,
  };
  const unknown = positionals.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark: ${unknown.join(', ')}\n${USAGE}`);
  const selected = positionals.length ? BENCHMARKS.filter((b) => positionals.includes(b.name)) : BENCHMARKS;
  return { opts, selected };
}

let parsed: ReturnType<typeof parseCommandLine>;
try {
  parsed = parseCommandLine(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
}
const { opts, selected } = parsed;
// Other processes on the same cores skew every figure: the load average tells whether the machine was idle.
const load = () => loadavg()[0]?.toFixed(2) ?? '?';
console.log(
  `node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), load ${load()}; ` +
    `${opts.connections} connections, ${opts.warmupSec} s warm-up + ${opts.durationSec} s per target`,
);
for (const bench of selected) {
  console.log(`\n## ${bench.name}: ${bench.description}\n`);
  const result = await bench.run(opts);
  console.log(`(load average after the run: ${load()})\n`);
  if (result.rows.length) console.log(formatTable(result.rows));
  for (const line of result.summary) console.log(line);
}
