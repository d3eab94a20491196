import type { Interactions, SocialLinks } from './model/contract.js';
import { denseIndex } from './rules.js';
import type { TrainingInput } from './run-training.js';

export interface Pair {
  user_id: string;
  product_id: string;
}

export interface DatasetSource {
  /** Every signal up to now, weighted. */
  pairs: readonly (Pair & { weight: number })[];
  /** The same before the evaluation's cutoff. */
  pairsBeforeCutoff: readonly (Pair & { weight: number })[];
  /** Purchases before now, and before the cutoff: never recommended back (unless repurchase items). */
  purchases: readonly Pair[];
  purchasesBeforeCutoff: readonly Pair[];
  /** Purchases after the cutoff: what the evaluation measures. */
  heldOut: readonly Pair[];
  friends: readonly { user_id: string; friend_id: string }[];
  repurchase: ReadonlySet<string>;
  userSlots: number;
  itemSlots: number;
  k: number;
}

export interface Dataset {
  input: TrainingInput;
  userIds: string[];
  productIds: string[];
}

/** Rows of (row, column) as CSR: offsets per row, then the columns in row order. */
function csr(rows: number, entries: readonly [number, number][]) {
  const offsets = new Uint32Array(rows + 1);
  for (const [row] of entries) offsets[row + 1] = (offsets[row + 1] ?? 0) + 1;
  for (let r = 0; r < rows; r++) offsets[r + 1] = (offsets[r + 1] ?? 0) + (offsets[r] ?? 0);
  const fill = offsets.slice(0, rows);
  const columns = new Uint32Array(entries.length);
  for (const [row, column] of entries) {
    columns[fill[row] ?? 0] = column;
    fill[row] = (fill[row] ?? 0) + 1;
  }
  return { offsets, columns };
}

/**
 * The trainer's input from the shop's rows: database ids mapped to dense indexes (the same map for
 * the evaluation, so both models speak of the same people and products).
 */
export function buildDataset(s: DatasetSource): Dataset {
  const users = denseIndex([...s.pairs.map((p) => p.user_id), ...s.heldOut.map((p) => p.user_id)]);
  const items = denseIndex([...s.pairs.map((p) => p.product_id), ...s.heldOut.map((p) => p.product_id)]);
  const u = (id: string) => users.index.get(id) as number;
  const i = (id: string) => items.index.get(id) as number;
  const interactionsOf = (pairs: DatasetSource['pairs']): Interactions => ({
    userCount: users.ids.length,
    itemCount: items.ids.length,
    users: Uint32Array.from(pairs, (p) => u(p.user_id)),
    items: Uint32Array.from(pairs, (p) => i(p.product_id)),
    weights: Float32Array.from(pairs, (p) => p.weight),
  });
  const known = s.friends.filter((f) => users.index.has(f.user_id) && users.index.has(f.friend_id));
  const social: SocialLinks = {
    from: Uint32Array.from(known, (f) => u(f.user_id)),
    to: Uint32Array.from(known, (f) => u(f.friend_id)),
  };
  const excluded = (purchases: readonly Pair[]) =>
    csr(
      users.ids.length,
      purchases
        .filter(
          (p) =>
            !s.repurchase.has(p.product_id) && users.index.has(p.user_id) && items.index.has(p.product_id),
        )
        .map((p) => [u(p.user_id), i(p.product_id)] as [number, number]),
    );
  const serving = excluded(s.purchases);
  const before = excluded(s.purchasesBeforeCutoff);
  const bought = new Set(s.purchasesBeforeCutoff.map((p) => `${p.user_id}\u0000${p.product_id}`));
  // Measured only on people the model knew before the cutoff, and on products new to them.
  const trained = new Set(s.pairsBeforeCutoff.map((p) => p.user_id));
  const test = csr(
    users.ids.length,
    s.heldOut
      .filter((p) => trained.has(p.user_id) && !bought.has(`${p.user_id}\u0000${p.product_id}`))
      .map((p) => [u(p.user_id), i(p.product_id)] as [number, number]),
  );
  return {
    userIds: users.ids,
    productIds: items.ids,
    input: {
      interactions: interactionsOf(s.pairs),
      social,
      excludeOffsets: serving.offsets,
      excludeItems: serving.columns,
      userSlots: s.userSlots,
      itemSlots: s.itemSlots,
      evaluation: {
        interactions: interactionsOf(s.pairsBeforeCutoff),
        social,
        excludeOffsets: before.offsets,
        excludeItems: before.columns,
        testOffsets: test.offsets,
        testItems: test.columns,
        k: s.k,
      },
    },
  };
}
