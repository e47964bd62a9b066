// `npm run bench:matching [-- --quick] [--seed=N] [--workers=N]`: the matching benchmark of issue 6. Generates a
// synthetic national data set from the real reference data (400,000 clients × 500,000 places; --quick: a tenth)
// and prints, measured in one run: top-10 places for every client single-threaded and on worker threads, peak
// memory, candidate pairs per client and ns per pair; on a 10,000 × 10,000 sample (--quick: 2,000 × 2,000) the
// speed-up over the naive all-pairs scan and whether the top-10 lists are identical; scaling at 10/25/50/100 %.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type BatchResult,
  createMatchModel,
  type MatchModel,
  runPlacesBatch,
  runPlacesBatchParallel,
  sameBatch,
} from '../src/server/modules/matching/engine';
import {
  type GeneratedDataset,
  generateDataset,
  loadGeneratorReference,
} from '../src/server/modules/matching/generator';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2026' },
    workers: { type: 'string', default: '2' },
  },
});
const quick = values.quick ?? false;
const seed = Number(values.seed);
const nWorkers = Number(values.workers);
const N_CLIENTS = quick ? 40_000 : 400_000;
const N_PLACES = quick ? 50_000 : 500_000;
const SAMPLE = quick ? 2_000 : 10_000;
const K = 10;

let heapPeak = 0;
const sampleHeap = () => {
  const h = getHeapStatistics().used_heap_size;
  if (h > heapPeak) heapPeak = h;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
/** Seconds, or milliseconds below one second (with a decimal below 100 ms: the sample's runs take ~15 ms). */
const sec = (ms: number) =>
  ms < 100 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
/** CPU time of the whole process (all threads) in ms: with other processes on the cores, wall time is not. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows: Array<[string, string]> = [];
const row = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label.padEnd(58)} ${value}`);
};

/** A subset: the first `nc` clients and `np` places (the generator's order is random, so prefixes are samples). */
function subset(d: GeneratedDataset, nc: number, np: number, shared = false): MatchModel {
  return createMatchModel({
    occupations: d.occupations,
    clients: d.clients.slice(0, nc),
    places: d.places.slice(0, np),
    shared,
  });
}

// Before a timed section: a full collection, then a pause for V8's background threads to finish sweeping.
// The CPU time of a process includes those threads, so a run would otherwise pay for the garbage of the steps
// before it (a subset's model allocates hundreds of MB next to ~700 MB of generated records): a major GC
// landing in one run made e.g. the 25 % step look 2× too slow in some runs.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const settle = async () => {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 1000));
};

function run(m: MatchModel, naive = false): [BatchResult, number, number] {
  const c0 = cpuMs();
  const [r, t] = time(() => runPlacesBatch(m, { k: K, naive, onProgress: sampleHeap, every: 5_000 }));
  return [r, t, cpuMs() - c0];
}
const wallCpu = (wall: number, cpu: number) => `${sec(wall)} (CPU ${sec(cpu)})`;

console.log(
  `node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0]?.toFixed(2)}; ` +
    `${N_CLIENTS.toLocaleString('en')} clients × ${N_PLACES.toLocaleString('en')} places, top-${K}, seed ${seed}${quick ? ' (--quick)' : ''}\n`,
);

const [ref, tRef] = time(() => loadGeneratorReference());
const [data, tGen] = time(() => generateDataset(ref, { seed, clients: N_CLIENTS, places: N_PLACES }));
row('reference data read', sec(tRef));
row('synthetic data generated', sec(tGen));
const [model, tBuild] = time(() => subset(data, N_CLIENTS, N_PLACES, true));
row('model built (compile clients + places, place grid)', sec(tBuild));
/** Cell sizes of a model's place grids in km (north–south): buckets per occupation, all occupations. */
const grids = (m: MatchModel) =>
  `${(m.places.grid.dLat * 111.195).toFixed(1)} km / ${(m.places.fine.grid.dLat * 111.195).toFixed(1)} km`;
row('  grid cells: occupation buckets / all occupations (by density)', grids(model));
sampleHeap();

// Warm-up on 1 % of the clients, so the JIT has compiled the hot path before the clock runs.
runPlacesBatch(model, { k: K, to: Math.ceil(N_CLIENTS / 100) });
await settle();
const [single, tSingle, cpuSingle] = run(model);
const pairsPerClient = single.pairs / N_CLIENTS;
row('top-10 for every client, 1 thread', sec(tSingle));
row('  CPU time of that run (differs from wall time when the cores are shared)', sec(cpuSingle));
row('  candidate pairs scored per client', pairsPerClient.toFixed(0));
row(
  '  ns per pair (search time / pairs scored; incl. per-client work)',
  ((tSingle * 1e6) / single.pairs).toFixed(1),
);
row('  µs per client', ((tSingle * 1000) / N_CLIENTS).toFixed(2));
const filled = single.items.reduce((s, x) => s + (x >= 0 ? 1 : 0), 0);
row('  suggestions found (of clients × 10)', `${((100 * filled) / (N_CLIENTS * K)).toFixed(1)} %`);

await settle();
const cpu1 = cpuMs();
const par = await runPlacesBatchParallel(model, { k: K, workers: nWorkers, onProgress: sampleHeap });
const cpuPar = cpuMs() - cpu1;
row(`top-10 for every client, ${nWorkers} worker threads`, sec(par.timing.searchMs));
row('  CPU time, all threads (incl. start-up)', sec(cpuPar));
row('  worker start-up (model rebuilt from shared tables)', sec(par.timing.startupMs));
row('  identical to the single-threaded lists', String(sameBatch(single, par)));
sampleHeap();
const rss = process.resourceUsage().maxRSS * 1024;
row('peak memory: RSS (whole process, incl. generated objects)', mb(rss));
row('peak memory: V8 heap used (sampled)', mb(heapPeak));

// Naive versus indexed on a sample: the best of ten indexed runs (tens of ms each) and of three naive runs
// (short runs are the most exposed to other processes on the same cores). The naive scan runs last, after
// the scaling steps: it calls the same kernel one place at a time, and V8 then re-tunes the kernel's compiled
// code for that use — indexed runs after a naive one measured slower (the sample in a process of its own
// 14.8–15.5 → 18.9 ms; here the 50 % step 1.46 → 1.28 s once moved before it). The service never runs the
// naive scan, so the indexed figures are taken before it.
const sample = subset(data, SAMPLE, SAMPLE);
row(`${SAMPLE.toLocaleString('en')} × ${SAMPLE.toLocaleString('en')} sample: grid cells`, grids(sample));
runPlacesBatch(sample, { k: K, to: 200 });
const bestOf = (naiveRun: boolean, times: number): [BatchResult, number, number] => {
  let best = run(sample, naiveRun);
  for (let i = 1; i < times; i++) {
    const r = run(sample, naiveRun);
    if (r[1] < best[1]) best = r;
  }
  return best;
};
await settle();
const [fast, tFast, cFast] = bestOf(false, 10);

// Scaling: the same share of clients and places.
const scaling: string[] = [];
for (const share of [0.1, 0.25, 0.5]) {
  const m = subset(data, Math.round(N_CLIENTS * share), Math.round(N_PLACES * share));
  runPlacesBatch(m, { k: K, to: Math.ceil(m.clients.n / 100) });
  await settle();
  const [r, t, c] = run(m);
  scaling.push(`${share * 100} %: ${wallCpu(t, c)}, ${(r.pairs / m.clients.n).toFixed(0)} pairs/client`);
}
scaling.push(`100 %: ${wallCpu(tSingle, cpuSingle)}, ${pairsPerClient.toFixed(0)} pairs/client (run above)`);

runPlacesBatch(sample, { k: K, to: 20, naive: true });
await settle();
const [naive, tNaive, cNaive] = bestOf(true, 3);
const label = `${SAMPLE.toLocaleString('en')} × ${SAMPLE.toLocaleString('en')} sample`;
row(`${label}: indexed (best of 10)`, wallCpu(tFast, cFast));
row(`${label}: naive all-pairs scan (best of 3)`, wallCpu(tNaive, cNaive));
row(
  '  speed-up of the index (wall; CPU)',
  `${(tNaive / tFast).toFixed(1)}×; ${(cNaive / cFast).toFixed(1)}×`,
);
row('  pairs scored per client: indexed / naive', `${(fast.pairs / SAMPLE).toFixed(0)} / ${SAMPLE}`);
row('  top-10 lists identical', String(sameBatch(fast, naive)));

console.log('scaling, 1 thread (clients and places at the same share):');
for (const line of scaling) console.log(`  ${line}`);
console.log(`\n(load average after the run: ${loadavg()[0]?.toFixed(2)})`);
