import { type Csr, degree } from './csr.js';
import { TopK } from './top-k.js';

export interface ItemGraphParams {
  /** Sharpens (> 1) or flattens (< 1) the walk's transition probabilities. */
  alpha: number;
  /** Divides a neighbour's weight by its popularity^beta, so best sellers do not neighbour everything. */
  beta: number;
  /** Neighbours kept per item. */
  neighbours: number;
}

/**
 * Item-to-item weights of a two-step random walk item → user → item (RP3beta, Paudel et al. 2017):
 * W[i][j] = Σ_v P(i→v)^α · P(v→j)^α / popularity(j)^β, truncated to each item's best neighbours,
 * rows sorted best first. It is the "people also bought" table and the collaborative part of the
 * user's scores alike.
 */
export function buildItemGraph(
  userItems: Csr,
  itemUsers: Csr,
  params: ItemGraphParams,
  onProgress?: (fraction: number) => void,
): Csr {
  const itemCount = itemUsers.rowCount;
  const userStep = stepProbabilities(userItems, params.alpha);
  const itemStep = stepProbabilities(itemUsers, params.alpha);
  const penalty = new Float64Array(itemCount);
  for (let j = 0; j < itemCount; j++) penalty[j] = 1 / Math.max(degree(itemUsers, j), 1) ** params.beta;

  const acc = new Float64Array(itemCount);
  const touched = new Uint32Array(itemCount);
  const rows: { cols: Uint32Array; vals: Float32Array }[] = [];
  let total = 0;
  for (let i = 0; i < itemCount; i++) {
    let touchedCount = 0;
    for (let e = itemUsers.start[i]!; e < itemUsers.start[i + 1]!; e++) {
      const v = itemUsers.cols[e]!;
      const toUser = itemStep[e]!;
      for (let f = userItems.start[v]!; f < userItems.start[v + 1]!; f++) {
        const j = userItems.cols[f]!;
        if (j === i) continue;
        if (acc[j] === 0) touched[touchedCount++] = j;
        acc[j]! += toUser * userStep[f]!;
      }
    }
    const best = new TopK(params.neighbours);
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      best.offer(j, acc[j]! * penalty[j]!);
      acc[j] = 0;
    }
    const sorted = best.sorted();
    rows.push({
      cols: Uint32Array.from(sorted, (s) => s.item),
      vals: Float32Array.from(sorted, (s) => s.score),
    });
    total += sorted.length;
    if (onProgress && i % 4096 === 0) onProgress(i / itemCount);
  }
  return packRows(rows, total);
}

/** P(row → col)^α for every entry: its weight over the row's total weight. */
function stepProbabilities(csr: Csr, alpha: number): Float32Array {
  const out = new Float32Array(csr.vals.length);
  for (let r = 0; r < csr.rowCount; r++) {
    let sum = 0;
    for (let e = csr.start[r]!; e < csr.start[r + 1]!; e++) sum += csr.vals[e]!;
    for (let e = csr.start[r]!; e < csr.start[r + 1]!; e++) out[e] = (csr.vals[e]! / sum) ** alpha;
  }
  return out;
}

function packRows(rows: { cols: Uint32Array; vals: Float32Array }[], total: number): Csr {
  const start = new Uint32Array(rows.length + 1);
  const cols = new Uint32Array(total);
  const vals = new Float32Array(total);
  let at = 0;
  rows.forEach((row, r) => {
    start[r] = at;
    cols.set(row.cols, at);
    vals.set(row.vals, at);
    at += row.cols.length;
  });
  start[rows.length] = at;
  return { rowCount: rows.length, start, cols, vals };
}
