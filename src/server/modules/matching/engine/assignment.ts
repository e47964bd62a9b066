/**
 * Assignment mode for events (a speed dating at a training forum): which client meets which company in
 * which time slot, maximising the total match score. Each client meets at most N companies and each
 * company at most once, nobody is in two meetings in one slot, and a company sees one client per slot.
 *
 * Two exact steps (ADR 0004):
 * 1. Which pairs meet: a maximum-weight b-matching — client degree ≤ min(N, slots), company degree ≤ slots —
 *    solved as a min-cost flow by successive shortest paths (Dijkstra on reduced costs with Johnson
 *    potentials; the first potentials come from the DAG order). Augmenting stops when the cheapest path
 *    no longer has negative cost, which gives the maximum total weight (the cost of successive shortest
 *    paths is convex in the flow).
 * 2. When they meet: every bipartite graph of maximum degree Δ ≤ slots can be edge-coloured with Δ colours
 *    (König's edge-colouring theorem); each colour is a slot. Colours are assigned edge by edge, freeing a
 *    colour by swapping an alternating path where needed.
 * So every pair set that step 1 finds can be scheduled, and the optimum over schedules equals the optimum of
 * step 1. Scores are compared as integers (score × 10⁶, rounded), so the optimum is exact.
 */

/** Input of `scheduleMeetings`. */
export interface MeetingInput {
  clientIds: readonly string[];
  companyIds: readonly string[];
  /** Number of time slots (≥ 1). */
  slots: number;
  /**
   * Score of client i with company j (`score[i][j]`), e.g. the best match score between the client and the
   * company's places. Null, NaN or ≤ 0 = the pair does not meet.
   */
  score: ReadonlyArray<ReadonlyArray<number | null>>;
  /** Most meetings per client (N ≥ 0). */
  maxMeetingsPerClient: number;
}

/** One meeting: slot index 0…slots−1. */
export interface Meeting {
  clientId: string;
  companyId: string;
  slot: number;
  score: number;
}

/** A schedule: meetings sorted by slot, then client, then company; `total` = sum of their scores. */
export interface MeetingSchedule {
  meetings: Meeting[];
  total: number;
}

const SCALE = 1e6;

/**
 * Plans the meetings of an event.
 * @throws Error for a score matrix that does not match the ids, slots < 1 or a negative N
 */
export function scheduleMeetings(input: MeetingInput): MeetingSchedule {
  const nc = input.clientIds.length;
  const nk = input.companyIds.length;
  const T = input.slots;
  if (!Number.isInteger(T) || T < 1) throw new Error('slots must be a whole number ≥ 1');
  if (!Number.isInteger(input.maxMeetingsPerClient) || input.maxMeetingsPerClient < 0)
    throw new Error('maxMeetingsPerClient must be a whole number ≥ 0');
  if (input.score.length !== nc || input.score.some((row) => row.length !== nk))
    throw new Error('score must have one row per client and one column per company');
  const pairs = chooseMeetings(input.score, Math.min(input.maxMeetingsPerClient, T), T);
  const slotOf = colourEdges(pairs, nc, nk, T);
  const meetings = pairs.map(([i, j], e) => ({
    clientId: input.clientIds[i] as string,
    companyId: input.companyIds[j] as string,
    slot: slotOf[e] as number,
    score: input.score[i]?.[j] as number,
  }));
  meetings.sort(
    (a, b) =>
      a.slot - b.slot ||
      input.clientIds.indexOf(a.clientId) - input.clientIds.indexOf(b.clientId) ||
      input.companyIds.indexOf(a.companyId) - input.companyIds.indexOf(b.companyId),
  );
  return { meetings, total: meetings.reduce((s, m) => s + m.score, 0) };
}

interface Edge {
  to: number;
  cap: number;
  cost: number;
  rev: number;
}

/**
 * Step 1: the pairs (client, company) of a maximum-weight b-matching with client degree ≤ `perClient` and
 * company degree ≤ `perCompany`, by successive shortest paths.
 */
export function chooseMeetings(
  score: ReadonlyArray<ReadonlyArray<number | null>>,
  perClient: number,
  perCompany: number,
): Array<[number, number]> {
  const nc = score.length;
  const nk = score[0]?.length ?? 0;
  const source = nc + nk;
  const sink = source + 1;
  const V = sink + 1;
  const graph: Edge[][] = Array.from({ length: V }, () => []);
  const add = (u: number, v: number, cap: number, cost: number) => {
    (graph[u] as Edge[]).push({ to: v, cap, cost, rev: (graph[v] as Edge[]).length });
    (graph[v] as Edge[]).push({ to: u, cap: 0, cost: -cost, rev: (graph[u] as Edge[]).length - 1 });
  };
  for (let i = 0; i < nc; i++) add(source, i, perClient, 0);
  for (let j = 0; j < nk; j++) add(nc + j, sink, perCompany, 0);
  for (let i = 0; i < nc; i++)
    for (let j = 0; j < nk; j++) {
      const w = score[i]?.[j];
      if (typeof w !== 'number' || !(w > 0) || !Number.isFinite(w)) continue;
      const iw = Math.round(w * SCALE);
      if (iw > 0) add(i, nc + j, 1, -iw);
    }
  // Potentials from the DAG order source → clients → companies → sink (all residual costs ≥ 0 after).
  const pot = new Float64Array(V);
  for (let j = 0; j < nk; j++) pot[nc + j] = 0;
  for (let i = 0; i < nc; i++)
    for (const e of graph[i] as Edge[])
      if (e.cap > 0 && e.to >= nc && e.to < source) pot[e.to] = Math.min(pot[e.to] as number, e.cost);
  let sinkPot = 0;
  for (let j = 0; j < nk; j++) sinkPot = Math.min(sinkPot, pot[nc + j] as number);
  pot[sink] = sinkPot;

  const dist = new Float64Array(V);
  const prevNode = new Int32Array(V);
  const prevEdge = new Int32Array(V);
  for (;;) {
    dist.fill(Infinity);
    dist[source] = 0;
    const done = new Uint8Array(V);
    // Dijkstra with an array scan: V is small (an event's clients and companies).
    for (;;) {
      let u = -1;
      for (let v = 0; v < V; v++) if (!done[v] && (u < 0 || (dist[v] as number) < (dist[u] as number))) u = v;
      if (u < 0 || dist[u] === Infinity) break;
      done[u] = 1;
      (graph[u] as Edge[]).forEach((e, k) => {
        if (e.cap <= 0) return;
        const nd = (dist[u] as number) + e.cost + (pot[u] as number) - (pot[e.to] as number);
        if (nd < (dist[e.to] as number)) {
          dist[e.to] = nd;
          prevNode[e.to] = u;
          prevEdge[e.to] = k;
        }
      });
    }
    if (dist[sink] === Infinity) break;
    // pot += min(dist, dist[sink]) keeps every residual reduced cost ≥ 0, also at vertices not reached.
    const dSink = dist[sink] as number;
    for (let v = 0; v < V; v++) pot[v] = (pot[v] as number) + Math.min(dist[v] as number, dSink);
    // Path cost in original costs: a non-negative one would not raise the total weight.
    if ((pot[sink] as number) - (pot[source] as number) >= 0) break;
    for (let v = sink; v !== source; v = prevNode[v] as number) {
      const e = (graph[prevNode[v] as number] as Edge[])[prevEdge[v] as number] as Edge;
      e.cap -= 1;
      ((graph[v] as Edge[])[e.rev] as Edge).cap += 1;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < nc; i++)
    for (const e of graph[i] as Edge[])
      if (e.to >= nc && e.to < source && e.cap === 0 && e.cost < 0) pairs.push([i, e.to - nc]);
  return pairs;
}

/**
 * Step 2: a slot (colour 0…T−1) for each pair so that no client and no company has two pairs in one slot.
 * Requires every degree ≤ T (guaranteed by step 1).
 */
export function colourEdges(
  pairs: ReadonlyArray<readonly [number, number]>,
  nc: number,
  nk: number,
  T: number,
): Int32Array {
  // atClient[i·T + c] = company met in colour c (−1 free); atCompany[j·T + c] = client.
  const atClient = new Int32Array(nc * T).fill(-1);
  const atCompany = new Int32Array(nk * T).fill(-1);
  const free = (at: Int32Array, x: number) => {
    for (let c = 0; c < T; c++) if (at[x * T + c] === -1) return c;
    throw new Error('degree exceeds the number of slots');
  };
  for (const [i, j] of pairs) {
    const a = free(atClient, i);
    if (atCompany[j * T + a] !== -1) {
      const b = free(atCompany, j);
      // Alternating path from company j: colour a at companies, b at clients (j –a– client –b– company
      // –a– …). Swapping a and b on it frees a at j; it cannot reach client i, which has no edge of colour a.
      const path: Array<[number, number, number]> = [];
      for (let company = j; ; ) {
        const client = atCompany[company * T + a] as number;
        if (client === -1) break;
        path.push([client, company, a]);
        const next = atClient[client * T + b] as number;
        if (next === -1) break;
        path.push([client, next, b]);
        company = next;
      }
      for (const [ci, kj, c] of path) {
        atClient[ci * T + c] = -1;
        atCompany[kj * T + c] = -1;
      }
      for (const [ci, kj, c] of path) {
        const swapped = c === a ? b : a;
        atClient[ci * T + swapped] = kj;
        atCompany[kj * T + swapped] = ci;
      }
    }
    atClient[i * T + a] = j;
    atCompany[j * T + a] = i;
  }
  const slotOf = new Int32Array(pairs.length);
  pairs.forEach(([i, j], e) => {
    for (let c = 0; c < T; c++)
      if (atClient[i * T + c] === j) {
        slotOf[e] = c;
        return;
      }
  });
  return slotOf;
}
