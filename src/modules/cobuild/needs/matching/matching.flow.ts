/**
 * Exact needs ↔ resources matching as a network flow. The LP
 *
 *   maximise Σ w_i · x_ij   s.t.  Σ_j x_ij ≤ d_i (need i's demand),  Σ_i x_ij ≤ c_j (resource j's capacity),  x ≥ 0
 *
 * over the candidate edges has its weight on the need, not the edge, so the vectors of served amounts form a
 * polymatroid and the greedy is exact: serve the needs in decreasing weight, each class as much as a max flow
 * allows, never un-serving an earlier class (augmenting paths start at the source, so they never pass back through
 * an earlier need's source edge). Each class is a greedy start plus Dinic on the residual graph.
 *
 * The proof of optimality comes with it: after each class, the vertices reachable in the residual graph form a
 * minimum cut, which is a 0/1 dual solution for "weight 1 on the classes so far"; summing them with coefficients
 * w_k − w_{k+1} ≥ 0 gives a dual (u per need, v per resource) with u_i + v_j ≥ w_i on every edge, whose objective
 * Σ d_i u_i + Σ c_j v_j bounds the LP. `checkDual` verifies that independently.
 */
export interface MatchingProblem {
  weight: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  edgeStart: Int32Array;
  edgeResource: Int32Array;
}

export interface MatchingResult {
  /** Amount per candidate edge. */
  flow: Float64Array;
  served: Float64Array;
  used: Float64Array;
  objective: number;
  /** Σ d_i u_i + Σ c_j v_j of the dual below: an upper bound on the LP optimum. */
  bound: number;
  dualNeed: Float64Array;
  dualResource: Float64Array;
  phases: number;
}

const EPS = 1e-9;
const UNSEEN = -1;
const NO_SINK = 0x7fffffff;

class FlowState {
  readonly n: number;
  readonly m: number;
  readonly flow: Float64Array;
  readonly served: Float64Array;
  readonly used: Float64Array;
  readonly active: Uint8Array;
  readonly level: Int32Array;
  readonly ptr: Int32Array;
  readonly queue: Int32Array;
  readonly edgeNeed: Int32Array;
  readonly resStart: Int32Array;
  readonly resEdge: Int32Array;
  sinkLevel = NO_SINK;

  constructor(readonly p: MatchingProblem) {
    this.n = p.demand.length;
    this.m = p.capacity.length;
    const edges = p.edgeResource.length;
    this.flow = new Float64Array(edges);
    this.served = new Float64Array(this.n);
    this.used = new Float64Array(this.m);
    this.active = new Uint8Array(this.n);
    this.level = new Int32Array(this.n + this.m);
    this.ptr = new Int32Array(this.n + this.m);
    this.queue = new Int32Array(this.n + this.m);
    this.edgeNeed = new Int32Array(edges);
    for (let i = 0; i < this.n; i++) for (let e = p.edgeStart[i]; e < p.edgeStart[i + 1]; e++) this.edgeNeed[e] = i;
    // The same edges grouped by resource, for walking a flow back from a resource to the needs it serves.
    this.resStart = new Int32Array(this.m + 1);
    for (let e = 0; e < edges; e++) this.resStart[p.edgeResource[e] + 1]++;
    for (let j = 0; j < this.m; j++) this.resStart[j + 1] += this.resStart[j];
    const fill = this.resStart.slice(0, -1);
    this.resEdge = new Int32Array(edges);
    for (let e = 0; e < edges; e++) this.resEdge[fill[this.p.edgeResource[e]]++] = e;
  }

  /** Direct need → resource → sink paths, nearest resources first: most of the flow, cheaply. */
  greedy(needs: readonly number[]): void {
    const { p, flow, served, used } = this;
    for (const i of needs) {
      for (let e = p.edgeStart[i]; e < p.edgeStart[i + 1] && p.demand[i] - served[i] > EPS; e++) {
        const j = p.edgeResource[e];
        const amount = Math.min(p.demand[i] - served[i], p.capacity[j] - used[j]);
        if (amount > EPS) {
          flow[e] += amount;
          served[i] += amount;
          used[j] += amount;
        }
      }
    }
  }

  /**
   * Distances to the sink over the residual graph, searched backwards from resources with room left: a node that
   * cannot reach the sink now never will again (augmentations only touch nodes that can), so dead regions drop out
   * of every later search. Stops at the first level holding an active need with demand left; true when there is one.
   */
  levelsToSink(): boolean {
    const { n, m, p, level, queue, flow, active, served } = this;
    level.fill(UNSEEN);
    let head = 0,
      tail = 0;
    for (let j = 0; j < m; j++)
      if (p.capacity[j] - this.used[j] > EPS) {
        level[n + j] = 0;
        queue[tail++] = n + j;
      }
    this.sinkLevel = NO_SINK;
    while (head < tail) {
      const u = queue[head++];
      const next = level[u] + 1;
      if (next > this.sinkLevel) break;
      if (u >= n) {
        for (let q = this.resStart[u - n]; q < this.resStart[u - n + 1]; q++) {
          const i = this.edgeNeed[this.resEdge[q]];
          if (level[i] !== UNSEEN) continue;
          level[i] = next;
          queue[tail++] = i;
          if (active[i] && p.demand[i] - served[i] > EPS) this.sinkLevel = next;
        }
        continue;
      }
      for (let e = p.edgeStart[u]; e < p.edgeStart[u + 1]; e++) {
        const v = n + p.edgeResource[e];
        if (flow[e] > EPS && level[v] === UNSEEN) {
          level[v] = next;
          queue[tail++] = v;
        }
      }
    }
    return this.sinkLevel !== NO_SINK;
  }

  /** Pushes up to `limit` from need i along a shortest residual path (levels fall by one each step). */
  pushFromNeed(i: number, limit: number): number {
    const { p, level, ptr, n } = this;
    for (; ptr[i] < p.edgeStart[i + 1]; ptr[i]++) {
      const e = ptr[i];
      const v = n + p.edgeResource[e];
      if (level[v] !== level[i] - 1) continue;
      const pushed = this.pushFromResource(v - n, limit);
      if (pushed > EPS) {
        this.flow[e] += pushed;
        return pushed;
      }
    }
    return 0;
  }

  pushFromResource(j: number, limit: number): number {
    const { p, level, ptr, n, flow } = this;
    const u = n + j;
    if (level[u] === 0) {
      const room = p.capacity[j] - this.used[j];
      if (room <= EPS) return 0;
      const pushed = Math.min(limit, room);
      this.used[j] += pushed;
      return pushed;
    }
    for (; ptr[u] < this.resStart[j + 1]; ptr[u]++) {
      const e = this.resEdge[ptr[u]];
      const i = this.edgeNeed[e];
      if (flow[e] <= EPS || level[i] !== level[u] - 1) continue;
      const pushed = this.pushFromNeed(i, Math.min(limit, flow[e]));
      if (pushed > EPS) {
        flow[e] -= pushed;
        return pushed;
      }
    }
    return 0;
  }

  /** Dinic until no augmenting path is left; returns the number of phases. */
  maxFlow(): number {
    const { n, m, p } = this;
    let phases = 0;
    while (this.levelsToSink()) {
      phases++;
      for (let i = 0; i < n; i++) this.ptr[i] = p.edgeStart[i];
      for (let j = 0; j < m; j++) this.ptr[n + j] = this.resStart[j];
      for (let i = 0; i < n; i++) {
        if (this.level[i] !== this.sinkLevel || !this.active[i]) continue;
        for (;;) {
          const left = p.demand[i] - this.served[i];
          if (left <= EPS) break;
          const pushed = this.pushFromNeed(i, left);
          if (pushed <= EPS) break;
          this.served[i] += pushed;
        }
      }
    }
    return phases;
  }
}

/** The distinct weights, highest first, with the needs of each (needs without demand or edges are left out). */
function weightClasses(p: MatchingProblem): { weight: number; needs: number[] }[] {
  const byWeight = new Map<number, number[]>();
  for (let i = 0; i < p.demand.length; i++) {
    if (p.weight[i] <= 0 || p.demand[i] <= EPS || p.edgeStart[i] === p.edgeStart[i + 1]) continue;
    const list = byWeight.get(p.weight[i]);
    if (list) list.push(i);
    else byWeight.set(p.weight[i], [i]);
  }
  return [...byWeight.entries()].sort((a, b) => b[0] - a[0]).map(([weight, needs]) => ({ weight, needs }));
}

export function solveMatching(p: MatchingProblem): MatchingResult {
  const s = new FlowState(p);
  const classes = weightClasses(p);
  const dualNeed = new Float64Array(s.n),
    dualResource = new Float64Array(s.m);
  let phases = 0;
  classes.forEach((cls, k) => {
    for (const i of cls.needs) s.active[i] = 1;
    s.greedy(cls.needs);
    phases += s.maxFlow();
    // The last search found no path and so saw everything that can still reach the sink: the rest is the source
    // side of a minimum cut (an active need on the sink side is cut off from the source, a resource on the source
    // side from the sink).
    const coeff = cls.weight - (classes[k + 1]?.weight ?? 0);
    for (let i = 0; i < s.n; i++) if (s.active[i] && s.level[i] !== UNSEEN) dualNeed[i] += coeff;
    for (let j = 0; j < s.m; j++) if (s.level[s.n + j] === UNSEEN) dualResource[j] += coeff;
  });
  // A need with nothing left to serve costs nothing in the dual: cover its edges outright.
  for (let i = 0; i < s.n; i++) if (p.weight[i] > 0 && p.demand[i] <= EPS) dualNeed[i] = p.weight[i];
  let objective = 0,
    bound = 0;
  for (let i = 0; i < s.n; i++) {
    objective += p.weight[i] * s.served[i];
    bound += p.demand[i] * dualNeed[i];
  }
  for (let j = 0; j < s.m; j++) bound += p.capacity[j] * dualResource[j];
  return { flow: s.flow, served: s.served, used: s.used, objective, bound, dualNeed, dualResource, phases };
}

/**
 * Independent check of a dual solution on a set of edges: returns the largest violation of u_i + v_j ≥ w_i (≤ 0
 * means the dual is feasible there) — the edges may be a superset of the candidates the flow was solved on.
 */
export function dualViolation(opts: {
  weight: Float64Array;
  dualNeed: Float64Array;
  dualResource: Float64Array;
  edgeStart: Int32Array;
  edgeResource: Int32Array;
}): number {
  let worst = -Infinity;
  const { weight, dualNeed, dualResource, edgeStart, edgeResource } = opts;
  for (let i = 0; i < weight.length; i++) {
    for (let e = edgeStart[i]; e < edgeStart[i + 1]; e++)
      worst = Math.max(worst, weight[i] - dualNeed[i] - dualResource[edgeResource[e]]);
  }
  return worst;
}

/**
 * Raises each need's dual just enough to cover every given edge, so the dual is feasible for that (larger) edge set
 * and Σ d_i u_i + Σ c_j v_j is a proven upper bound for its LP too.
 */
export function repairedBound(opts: {
  weight: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  dualNeed: Float64Array;
  dualResource: Float64Array;
  edgeStart: Int32Array;
  edgeResource: Int32Array;
}): number {
  const { weight, demand, capacity, dualNeed, dualResource, edgeStart, edgeResource } = opts;
  let bound = 0;
  for (let i = 0; i < weight.length; i++) {
    let u = dualNeed[i];
    for (let e = edgeStart[i]; e < edgeStart[i + 1]; e++) u = Math.max(u, weight[i] - dualResource[edgeResource[e]]);
    bound += demand[i] * u;
  }
  for (let j = 0; j < capacity.length; j++) bound += capacity[j] * dualResource[j];
  return bound;
}
