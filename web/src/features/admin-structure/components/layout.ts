/**
 * Positions for drawing a structure as layers: the root on top, each level one row lower, people
 * of a level spread evenly and ordered under their upline so links cross as little as cheaply
 * possible. Pure, so it is tested without a browser.
 */
export interface DrawnNode {
  id: string;
  level: number;
  x: number;
  y: number;
}

export function layers(
  nodes: readonly { id: string; level: number }[],
  links: readonly { source: string; target: string }[],
  size: { width: number; rowHeight: number },
): DrawnNode[] {
  const level = new Map(nodes.map((n) => [n.id, n.level]));
  const parent = new Map<string, string>();
  for (const l of links) {
    if (level.get(l.source) === (level.get(l.target) ?? -2) - 1 && !parent.has(l.target))
      parent.set(l.target, l.source);
  }
  const byLevel = new Map<number, string[]>();
  for (const n of nodes) byLevel.set(n.level, [...(byLevel.get(n.level) ?? []), n.id]);
  const x = new Map<string, number>();
  const drawn: DrawnNode[] = [];
  for (const depth of [...byLevel.keys()].sort((a, b) => a - b)) {
    const row = (byLevel.get(depth) ?? []).sort(
      (a, b) => (x.get(parent.get(a) ?? '') ?? 0) - (x.get(parent.get(b) ?? '') ?? 0) || (a < b ? -1 : 1),
    );
    row.forEach((id, i) => {
      const at = ((i + 1) / (row.length + 1)) * size.width;
      x.set(id, at);
      drawn.push({ id, level: depth, x: at, y: depth * size.rowHeight });
    });
  }
  return drawn;
}
