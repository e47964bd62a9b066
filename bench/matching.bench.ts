// `npm run bench:matching [-- --quick] [--seed=N] [--workers=N]`: the matching benchmark of issue 6. Generates a
// synthetic national data set from the real reference data (400,000 clients × 500,000 places; --quick: a tenth)
// and prints, measured in one run: top-10 places for every client single-threaded and on worker threads, peak
// memory, candidate pairs per client and ns per pair; on a 10,000 × 10,000 sample (--quick: 2,000 × 2,000) the
// speed-up over the naive all-pairs scan and whether the top-10 lists are identical; scaling at 10/25/50/100 %.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
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
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
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

function run(m: MatchModel, naive = false): [BatchResult, number] {
  return time(() => runPlacesBatch(m, { k: K, naive, onProgress: sampleHeap, every: 5_000 }));
}

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
sampleHeap();

// Warm-up on 1 % of the clients, so the JIT has compiled the hot path before the clock runs.
runPlacesBatch(model, { k: K, to: Math.ceil(N_CLIENTS / 100) });
const [single, tSingle] = run(model);
const pairsPerClient = single.pairs / N_CLIENTS;
row('top-10 for every client, 1 thread', sec(tSingle));
row('  candidate pairs scored per client', pairsPerClient.toFixed(0));
row('  ns per pair (search time / pairs scored)', ((tSingle * 1e6) / single.pairs).toFixed(1));
row('  µs per client', ((tSingle * 1000) / N_CLIENTS).toFixed(2));
const filled = single.items.reduce((s, x) => s + (x >= 0 ? 1 : 0), 0);
row('  suggestions found (of clients × 10)', `${((100 * filled) / (N_CLIENTS * K)).toFixed(1)} %`);

const par = await runPlacesBatchParallel(model, { k: K, workers: nWorkers, onProgress: sampleHeap });
row(`top-10 for every client, ${nWorkers} worker threads`, sec(par.timing.searchMs));
row('  worker start-up (model rebuilt from shared tables)', sec(par.timing.startupMs));
row('  identical to the single-threaded lists', String(sameBatch(single, par)));
sampleHeap();
const rss = process.resourceUsage().maxRSS * 1024;
row('peak memory: RSS (whole process, incl. generated objects)', mb(rss));
row('peak memory: V8 heap used (sampled)', mb(heapPeak));

// Naive versus indexed on a sample.
const sample = subset(data, SAMPLE, SAMPLE);
runPlacesBatch(sample, { k: K, to: 200 });
runPlacesBatch(sample, { k: K, to: 20, naive: true });
const [fast, tFast] = run(sample);
const [naive, tNaive] = run(sample, true);
row(`${SAMPLE.toLocaleString('en')} × ${SAMPLE.toLocaleString('en')} sample: indexed`, sec(tFast));
row(
  `${SAMPLE.toLocaleString('en')} × ${SAMPLE.toLocaleString('en')} sample: naive all-pairs scan`,
  sec(tNaive),
);
row('  speed-up of the index', `${(tNaive / tFast).toFixed(0)}×`);
row('  top-10 lists identical', String(sameBatch(fast, naive)));

// Scaling: the same share of clients and places.
const scaling: string[] = [];
for (const share of [0.1, 0.25, 0.5]) {
  const m = subset(data, Math.round(N_CLIENTS * share), Math.round(N_PLACES * share));
  runPlacesBatch(m, { k: K, to: Math.ceil(m.clients.n / 100) });
  const [r, t] = run(m);
  scaling.push(`${share * 100} %: ${sec(t)} (${(r.pairs / m.clients.n).toFixed(0)} pairs/client)`);
}
scaling.push(`100 %: ${sec(tSingle)} (${pairsPerClient.toFixed(0)} pairs/client, run above)`);
row('scaling, 1 thread (clients and places at the same share)', scaling.join('; '));
console.log(`\n(load average after the run: ${loadavg()[0]?.toFixed(2)})`);
