/**
 * Assignment mode for events (a speed dating at a training forum): which client meets which company in
 * which time slot. Each client meets at most N companies and each company at most once, nobody is in two
 * meetings in one slot, and a company sees one client per slot.
 *
 * Objective, lexicographic: first as many clients as possible with at least one meeting, then the highest
 * total match score. A plan that maximised only the total could give one client a third meeting while a
 * fitting client meets nobody.
 *
 * Two exact steps (ADR 0004):
 * 1. Which pairs meet: a b-matching (client degree ≤ min(N, slots), company degree ≤ slots) of maximum
 *    B·(clients met) + Σ scores, in integer units (score × 10⁶, rounded) with B = Σ of all usable pair
 *    scores + 1. Any plan's Σ scores is < B, so one more client met outweighs any score difference: the
 *    maximum of this sum is the lexicographic optimum. Solved as a min-cost flow: source → client is two
 *    arcs, capacity 1 at cost −B (the client's first meeting) and capacity N−1 at cost 0 (the gain per
 *    client is concave, so the −B arc is always used first); client → company capacity 1 at cost −score;
 *    company → sink capacity slots. Successive shortest paths (Dijkstra on reduced costs with Johnson
 *    potentials; the first potentials come from the DAG order) give a minimum-cost flow of each value, and
 *    the cost is convex in the flow value, so augmenting until the cheapest path no longer has negative
 *    cost gives the exact optimum. All costs are integers well below 2⁵³.
 * 2. When they meet: every bipartite graph of maximum degree Δ ≤ slots can be edge-coloured with Δ colours
 *    (König's edge-colouring theorem); each colour is a slot. Colours are assigned edge by edge, freeing a
 *    colour by swapping an alternating path where needed.
 * So every pair set that step 1 finds can be scheduled, and the optimum over schedules equals the optimum of
 * step 1.
 *
 * A client without a meeting (`unmatchedClients`) then either fits no company (`no_fit`) or fits some, but
 * each of those companies meets, in every slot, a client for whom it is the only meeting (`no_slot`). Nothing
 * else can happen: a free slot there, or a client with another meeting there, would let one more client meet.
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
  /** Most meetings per client (N ≥ 1). */
  maxMeetingsPerClient: number;
}

/** One meeting: slot index 0…slots−1. */
export interface Meeting {
  clientId: string;
  companyId: string;
  slot: number;
  score: number;
}

/**
 * A schedule: meetings sorted by slot, then client, then company; `total` = the plain sum of their scores
 * (no bonus for the clients met).
 */
export interface MeetingSchedule {
  meetings: Meeting[];
  total: number;
}

/**
 * Why a client has no meeting: `no_fit` = no usable score with any company; `no_slot` = fits some company,
 * but all slots of those companies go to clients for whom it is the only meeting.
 */
export type UnmatchedReason = 'no_fit' | 'no_slot';

/** A client without a meeting and why. */
export interface UnmatchedClient {
  clientId: string;
  reason: UnmatchedReason;
}

const SCALE = 1e6;

/** A score in integer units (score × 10⁶, rounded); 0 = the pair does not meet (null, NaN, ≤ 0, ∞, < 5·10⁻⁷). */
function scaled(w: number | null | undefined): number {
  return typeof w === 'number' && Number.isFinite(w) && w > 0 ? Math.round(w * SCALE) : 0;
}

/**
 * Plans the meetings of an event: the most clients with a meeting, then the highest total score (module
 * note); the same input gives the same schedule.
 * @throws Error for a score matrix that does not match the ids, slots < 1, N < 1, or scores so large that
 *   the integer costs would pass 2⁵³
 */
export function scheduleMeetings(input: MeetingInput): MeetingSchedule {
  const nc = input.clientIds.length;
  const nk = input.companyIds.length;
  const T = input.slots;
  if (!Number.isInteger(T) || T < 1) throw new Error('slots must be a whole number ≥ 1');
  if (!Number.isInteger(input.maxMeetingsPerClient) || input.maxMeetingsPerClient < 1)
    throw new Error('maxMeetingsPerClient must be a whole number ≥ 1');
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

/**
 * Why each client without a meeting has none, in the order of `input.clientIds` (see `UnmatchedReason`;
 * `no_slot` is only truthful for a plan of `scheduleMeetings`, which meets as many clients as possible).
 * @param meetings the meetings of `scheduleMeetings(input)`
 */
export function unmatchedClients(input: MeetingInput, meetings: readonly Meeting[]): UnmatchedClient[] {
  const met = new Set(meetings.map((m) => m.clientId));
  return input.clientIds.flatMap((clientId, i) =>
    met.has(clientId)
      ? []
      : [{ clientId, reason: input.score[i]?.some((w) => scaled(w) > 0) ? 'no_slot' : 'no_fit' } as const],
  );
}

/** A residual arc: head, remaining capacity, cost (integer units), index of its reverse arc at `to`. */
interface Edge {
  to: number;
  cap: number;
  cost: number;
  rev: number;
}

/**
 * Step 1: the pairs (client, company) of a b-matching with client degree ≤ `perClient` and company degree
 * ≤ `perCompany` that meets the most clients and, among those, has the highest total score (see the module
 * note), by successive shortest paths. Scores as in `MeetingInput.score`.
 * @throws Error when the integer costs could pass 2⁵³ (scores far above 1 on a large event)
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
  const weight = score.map((row) => Array.from({ length: nk }, (_, j) => scaled(row[j])));
  // The bonus of a client's first meeting: more than any plan's total score.
  const bonus = weight.reduce((s, row) => row.reduce((t, w) => t + w, s), 0) + 1;
  // Distances, potentials and reduced costs stay within a few V × bonus: keep every sum an exact integer.
  if (bonus * 4 * (V + 1) > Number.MAX_SAFE_INTEGER) throw new Error('scores too large to compare exactly');
  for (let i = 0; i < nc; i++) {
    if (perClient >= 1) add(source, i, 1, -bonus);
    if (perClient > 1) add(source, i, perClient - 1, 0);
  }
  for (let j = 0; j < nk; j++) add(nc + j, sink, perCompany, 0);
  weight.forEach((row, i) => {
    row.forEach((w, j) => {
      if (w > 0) add(i, nc + j, 1, -w);
    });
  });
  // Potentials: shortest distances in the DAG order source → clients → companies → sink (each capped at 0),
  // so every residual reduced cost is ≥ 0 from the start.
  const pot = new Float64Array(V);
  for (const u of [source, ...Array.from({ length: nc + nk }, (_, v) => v)])
    for (const e of graph[u] as Edge[])
      if (e.cap > 0) pot[e.to] = Math.min(pot[e.to] as number, (pot[u] as number) + e.cost);

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
    // Path cost in original costs: a non-negative one would not raise the objective.
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
