import type { Factors } from './als.js';
import type { Csr } from './csr.js';

export interface SmoothParams {
  /** Share of the neighbours' mean in each user's and item's vector (0 keeps the ALS factors). */
  graph: number;
  /** Share of the followees' mean in each user's vector. */
  social: number;
}

/**
 * One LightGCN-style propagation layer over the user–item–user graph, applied to trained ALS
 * factors: each user's vector leans towards the mean of their items' vectors and of the people
 * they follow, each item's towards the mean of its buyers'. Sparse users and items borrow from
 * their neighbourhood, which is where plain ALS vectors are noisiest.
 */
export function smoothFactors(
  factors: Factors,
  userItems: Csr,
  itemUsers: Csr,
  follows: Csr,
  params: SmoothParams,
): Factors {
  const f = factors.factors;
  const rows = propagate(factors.rows, factors.cols, userItems, f, params.graph);
  if (params.social > 0) {
    const social = propagate(rows, factors.rows, follows, f, params.social);
    rows.set(social);
  }
  const cols = propagate(factors.cols, factors.rows, itemUsers, f, params.graph);
  return { rows, cols, factors: f };
}

/** (1 − share) · own + share · mean of the neighbours' vectors (own alone when there are none). */
function propagate(
  own: Float32Array,
  other: Float32Array,
  edges: Csr,
  f: number,
  share: number,
): Float32Array {
  const out = Float32Array.from(own);
  if (share <= 0) return out;
  const mean = new Float64Array(f);
  for (let r = 0; r < edges.rowCount; r++) {
    const from = edges.start[r]!;
    const to = edges.start[r + 1]!;
    if (to === from) continue;
    mean.fill(0);
    for (let e = from; e < to; e++) {
      const base = edges.cols[e]! * f;
      for (let c = 0; c < f; c++) mean[c]! += other[base + c]!;
    }
    const base = r * f;
    for (let c = 0; c < f; c++)
      out[base + c] = (1 - share) * own[base + c]! + (share * mean[c]!) / (to - from);
  }
  return out;
}
