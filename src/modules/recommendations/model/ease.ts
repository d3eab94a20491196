import type { Csr } from './csr.js';
import { degree } from './csr.js';

export interface EaseParams {
  /** How many of the most popular items the item–item regression covers (its cost grows as n³). */
  items: number;
  /** Ridge penalty added to the Gram matrix's diagonal. */
  regularisation: number;
}

/** An item–item weight matrix over the `items` most popular items; `local[j]` is −1 outside them. */
export interface Ease {
  items: Uint32Array;
  local: Int32Array;
  weights: Float32Array;
  /** Writes the user's EASE score of every covered item into `out` (length itemCount); returns the best. */
  scoreInto(user: number, out: Float64Array): number;
  memoryBytes: number;
}

/**
 * EASE (Steck 2019): the closed-form ridge regression of each item's column on all the others with
 * a zero diagonal, B = −P / diag(P) for P = (XᵀX + λI)⁻¹. Restricted to the most popular items so
 * the n³ inversion stays within the training budget; those items hold a large share of purchases.
 */
export function buildEase(userItems: Csr, itemUsers: Csr, params: EaseParams): Ease {
  const itemCount = itemUsers.rowCount;
  const n = Math.min(params.items, itemCount);
  const order = Uint32Array.from({ length: itemCount }, (_, j) => j).sort(
    (a, b) => degree(itemUsers, b) - degree(itemUsers, a) || a - b,
  );
  const items = order.slice(0, n).filter((j) => degree(itemUsers, j) > 0);
  const size = items.length;
  const local = new Int32Array(itemCount).fill(-1);
  items.forEach((j, at) => {
    local[j] = at;
  });
  const gram = new Float64Array(size * size);
  const mine: number[] = [];
  const mineVals: number[] = [];
  for (let u = 0; u < userItems.rowCount; u++) {
    mine.length = 0;
    mineVals.length = 0;
    for (let e = userItems.start[u]!; e < userItems.start[u + 1]!; e++) {
      const at = local[userItems.cols[e]!]!;
      if (at >= 0) {
        mine.push(at);
        mineVals.push(userItems.vals[e]!);
      }
    }
    for (let a = 0; a < mine.length; a++)
      for (let b = 0; b < mine.length; b++) gram[mine[a]! * size + mine[b]!]! += mineVals[a]! * mineVals[b]!;
  }
  for (let d = 0; d < size; d++) gram[d * size + d]! += params.regularisation;
  invertInPlace(gram, size);
  const weights = new Float32Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++)
      if (i !== j) weights[i * size + j] = -gram[i * size + j]! / gram[j * size + j]!;

  const row = new Float64Array(size);
  function scoreInto(user: number, out: Float64Array): number {
    let best = 0;
    row.fill(0);
    const known = user >= 0 && user < userItems.rowCount;
    const from = known ? userItems.start[user]! : 0;
    const to = known ? userItems.start[user + 1]! : 0;
    for (let e = from; e < to; e++) {
      const at = local[userItems.cols[e]!]!;
      if (at < 0) continue;
      const weight = userItems.vals[e]!;
      const base = at * size;
      for (let j = 0; j < size; j++) row[j]! += weight * weights[base + j]!;
    }
    for (let j = 0; j < size; j++) {
      out[items[j]!] = row[j]!;
      best = Math.max(best, row[j]!);
    }
    return best;
  }

  return {
    items,
    local,
    weights,
    scoreInto,
    memoryBytes: items.byteLength + local.byteLength + weights.byteLength + row.byteLength,
  };
}

/** Gauss–Jordan inversion without pivoting: safe for the symmetric positive-definite XᵀX + λI. */
export function invertInPlace(a: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const kRow = k * n;
    const pivot = a[kRow + k]!;
    a[kRow + k] = 1;
    for (let j = 0; j < n; j++) a[kRow + j]! /= pivot;
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const iRow = i * n;
      const factor = a[iRow + k]!;
      if (factor === 0) continue;
      a[iRow + k] = 0;
      for (let j = 0; j < n; j++) a[iRow + j]! -= factor * a[kRow + j]!;
    }
  }
}
