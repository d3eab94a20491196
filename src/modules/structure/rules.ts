/**
 * The shape of a team or a community, from its links alone (pure: no I/O). A team grows from its
 * promoter along invitations and bindings; a community from its leader along membership. Every
 * measure is defined by distances from the root and by the undirected links, never by the order
 * links arrive or by ids, so renaming people never changes a shape.
 */

/** `from` is the upline: the inviter, the promoter a buyer is bound to, the community's leader. */
export type LinkKind = 'invited' | 'bound' | 'member';
export interface Link {
  from: string;
  to: string;
  kind: LinkKind;
}

export const SHAPES = ['tower', 'umbrella', 'honeycomb', 'unclassified'] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * The stated thresholds. A graph smaller than `minSize` has no shape yet. It is a honeycomb when
 * its people close triangles (A and B both linked to C, and to each other) often enough: at least
 * `honeycombMinTriangles` triangles and a clustering (transitivity: closed triples ÷ all triples)
 * of at least `honeycombMinClustering`. Otherwise it is a tower when it is at least
 * `towerMinDepth` links deep and no broader than deep; every other shape (shallow, or broader
 * than deep) is an umbrella: someone holds many direct members.
 */
export const SHAPE_THRESHOLDS = {
  minSize: 4,
  honeycombMinTriangles: 2,
  honeycombMinClustering: 0.3,
  towerMinDepth: 3,
} as const;

export interface Metrics {
  /** People reachable from the root, the root included. */
  size: number;
  /** The longest shortest path from the root, in links. */
  depth: number;
  /** The most direct members anyone has: neighbours one step further from the root. */
  breadth: number;
  /** Closed triangles among the reachable people. */
  triangles: number;
  /** Transitivity, 0..1, three decimals. */
  clustering: number;
  shape: Shape;
}

/** The undirected neighbours of each person, without self-links or duplicates. */
function adjacency(links: readonly Link[]): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = adj.get(a) ?? new Set<string>();
    set.add(b);
    adj.set(a, set);
  };
  for (const l of links) {
    if (l.from === l.to) continue;
    add(l.from, l.to);
    add(l.to, l.from);
  }
  return adj;
}

/** Distance from the root of everyone reachable. */
export function distancesFrom(root: string, links: readonly Link[]): Map<string, number> {
  const adj = adjacency(links);
  const dist = new Map([[root, 0]]);
  let frontier = [root];
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const v of frontier) {
      for (const u of adj.get(v) ?? []) {
        if (dist.has(u)) continue;
        dist.set(u, d);
        next.push(u);
      }
    }
    frontier = next;
  }
  return dist;
}

export function measure(root: string, links: readonly Link[]): Metrics {
  const adj = adjacency(links);
  const dist = distancesFrom(root, links);
  let depth = 0;
  let breadth = 0;
  let triples = 0;
  let closed = 0; // each triangle counted once per edge: 3 times
  for (const [v, d] of dist) {
    depth = Math.max(depth, d);
    const near = adj.get(v) ?? new Set<string>();
    let below = 0;
    for (const u of near) if (dist.get(u) === d + 1) below++;
    breadth = Math.max(breadth, below);
    triples += (near.size * (near.size - 1)) / 2;
    for (const u of near) {
      if (u <= v) continue; // each edge once
      const other = adj.get(u) ?? new Set<string>();
      const [small, large] = near.size <= other.size ? [near, other] : [other, near];
      for (const w of small) if (large.has(w)) closed++;
    }
  }
  const triangles = closed / 3;
  const clustering = triples === 0 ? 0 : Math.round(((3 * triangles) / triples) * 1000) / 1000;
  const found = { size: dist.size, depth, breadth, triangles, clustering };
  return { ...found, shape: classify(found) };
}

export function classify(m: Omit<Metrics, 'shape'>): Shape {
  const t = SHAPE_THRESHOLDS;
  if (m.size < t.minSize) return 'unclassified';
  if (m.triangles >= t.honeycombMinTriangles && m.clustering >= t.honeycombMinClustering) return 'honeycomb';
  if (m.depth >= t.towerMinDepth && m.depth >= m.breadth) return 'tower';
  return 'umbrella';
}

/**
 * A community's links: each member hangs from whoever inside the community invited or bound them,
 * and from the leader only when nobody inside did. So neighbours who recruit each other in chains
 * make a tower, and a leader who signed everyone up an umbrella.
 */
export function communityLinks(
  leaderId: string,
  memberIds: readonly string[],
  uplinks: readonly Link[],
): Link[] {
  const inside = new Set([leaderId, ...memberIds]);
  const internal = uplinks.filter((l) => inside.has(l.from) && inside.has(l.to) && l.from !== l.to);
  const attached = new Set(internal.map((l) => l.to));
  const fromLeader = memberIds
    .filter((m) => m !== leaderId && !attached.has(m))
    .map((m): Link => ({ from: leaderId, to: m, kind: 'member' }));
  const links = [...internal, ...fromLeader];
  // Members who only bind each other (A bound to B, B to A) hang from nobody reachable: the leader.
  const reached = distancesFrom(leaderId, links);
  for (const m of new Set(memberIds)) {
    if (!reached.has(m)) links.push({ from: leaderId, to: m, kind: 'member' });
  }
  return links;
}
