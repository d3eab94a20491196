/**
 * Social graphs as compressed sparse rows: the friends of person i are
 * `neighbours[offsets[i] .. offsets[i + 1])`. Two typed arrays for a million people and millions of
 * friendships, with no object per person, so the cascade stays in cache and out of the GC.
 */
export interface Graph {
  people: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** A random float in [0, 1) from a 32-bit generator (pure-rand's `next()` is a signed int32). */
export interface Rng {
  next(): number;
}
export const unit = (rng: Rng) => (rng.next() >>> 0) * 2.3283064365386963e-10;
export const below = (rng: Rng, n: number) => Math.floor(unit(rng) * n);

/** An undirected graph from an edge list (each edge stored both ways; self-loops dropped). */
export function fromEdges(people: number, from: Int32Array, to: Int32Array, count = from.length): Graph {
  const offsets = new Int32Array(people + 1);
  let kept = 0;
  for (let e = 0; e < count; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (a === b) continue;
    (offsets[a + 1] as number)++;
    (offsets[b + 1] as number)++;
    kept++;
  }
  for (let i = 0; i < people; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const neighbours = new Int32Array(kept * 2);
  const fill = offsets.slice(0, people);
  for (let e = 0; e < count; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    if (a === b) continue;
    neighbours[(fill[a] as number)++] = b;
    neighbours[(fill[b] as number)++] = a;
  }
  return { people, offsets, neighbours };
}

/**
 * Preferential attachment (Barabási–Albert): each newcomer befriends m people already there, chosen
 * in proportion to how many friends they have, which gives the power-law degrees of real social
 * networks (a few people with very many friends). Sampling an endpoint of a uniformly chosen earlier
 * edge is that proportional choice without any weights table. Repeated picks are kept (rare, and
 * they only make a friendship count twice).
 */
export function powerLawGraph(people: number, meanDegree: number, rng: Rng): Graph {
  const m = Math.max(1, Math.ceil(meanDegree / 2));
  const core = Math.min(people, m + 1);
  const edgeCount = (core * (core - 1)) / 2 + Math.max(0, people - core) * m;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  let e = 0;
  for (let a = 0; a < core; a++) {
    for (let b = a + 1; b < core; b++) {
      from[e] = a;
      to[e] = b;
      e++;
    }
  }
  for (let person = core; person < people; person++) {
    const before = e;
    for (let k = 0; k < m; k++) {
      const edge = below(rng, before);
      from[e] = person;
      to[e] = unit(rng) < 0.5 ? (from[edge] as number) : (to[edge] as number);
      e++;
    }
  }
  return fromEdges(people, from, to, e);
}

/** Uniformly random friendships (Erdős–Rényi with n·k/2 edges): degrees close to Poisson(k). */
export function poissonGraph(people: number, meanDegree: number, rng: Rng): Graph {
  const edgeCount = Math.round((people * meanDegree) / 2);
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    from[e] = below(rng, people);
    to[e] = below(rng, people);
  }
  return fromEdges(people, from, to);
}

/** 0 — 1 — 2 — … — n−1: the simplest cascade, for closed-form tests. */
export function chainGraph(people: number): Graph {
  const from = Int32Array.from({ length: people - 1 }, (_, i) => i);
  const to = Int32Array.from({ length: people - 1 }, (_, i) => i + 1);
  return fromEdges(people, from, to);
}

/** A complete b-ary tree of the given depth, root 0, children of i at b·i+1 … b·i+b. */
export function treeGraph(branching: number, depth: number): Graph {
  let people = 1;
  for (let d = 1, level = 1; d <= depth; d++) {
    level *= branching;
    people += level;
  }
  const from = Int32Array.from({ length: people - 1 }, (_, i) => Math.floor(i / branching));
  const to = Int32Array.from({ length: people - 1 }, (_, i) => i + 1);
  return fromEdges(people, from, to);
}
