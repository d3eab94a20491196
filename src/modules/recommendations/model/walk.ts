import type { Interactions, SocialLinks } from './contract.js';
import { buildCsr, type Csr, csrBytes, degree, transpose } from './csr.js';
import { buildItemGraph, type ItemGraphParams } from './item-graph.js';

export interface WalkParams extends ItemGraphParams {
  /** Weight of what the people a user follows have, against the user's own item neighbours (1). */
  social: number;
  /** Weight of overall popularity, which ranks the items nothing else reaches. */
  popular: number;
}

/** The graph side of the model: what a user's items and the people they follow point to. */
export interface Walk {
  userItems: Csr;
  itemUsers: Csr;
  itemGraph: Csr;
  /** Writes the user's walk score of every item into `out` (length itemCount). */
  scoreInto(user: number, out: Float64Array): void;
  memoryBytes: number;
}

/**
 * Each part is a distribution over items for the user, blended with fixed weights: the RP3beta
 * item graph from the items they have (weights 1), the items of the people they follow (each
 * followee's items share 1 / number of followees), and overall popularity. Normalising by the sum
 * keeps the weights meaning the same for a user with 3 items and one with 300.
 */
export function buildWalk(
  interactions: Interactions,
  social: SocialLinks,
  params: WalkParams,
  onProgress?: (fraction: number) => void,
): Walk {
  const { userCount, itemCount } = interactions;
  const userItems = buildCsr(userCount, interactions.users, interactions.items, interactions.weights);
  const itemUsers = transpose(userItems, itemCount);
  const follows = socialRows(userCount, social);
  const itemGraph = buildItemGraph(userItems, itemUsers, params, onProgress);
  const popularity = new Float32Array(itemCount);
  let total = 0;
  for (let j = 0; j < itemCount; j++) total += degree(itemUsers, j);
  for (let j = 0; j < itemCount; j++) popularity[j] = degree(itemUsers, j) / Math.max(total, 1);

  const touched = new Uint32Array(itemCount);
  const part = new Float64Array(itemCount);

  // Adds weight · (part / its sum) into out, then clears part.
  function flush(out: Float64Array, touchedCount: number, weight: number): void {
    let sum = 0;
    for (let t = 0; t < touchedCount; t++) sum += part[touched[t]!]!;
    const scale = sum > 0 ? weight / sum : 0;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      out[j]! += part[j]! * scale;
      part[j] = 0;
    }
  }

  function scoreInto(user: number, out: Float64Array): void {
    for (let j = 0; j < itemCount; j++) out[j] = params.popular * popularity[j]!;
    if (user < 0 || user >= userCount) return;
    let touchedCount = 0;
    for (let e = userItems.start[user]!; e < userItems.start[user + 1]!; e++) {
      const i = userItems.cols[e]!;
      const weight = userItems.vals[e]!;
      for (let n = itemGraph.start[i]!; n < itemGraph.start[i + 1]!; n++) {
        const j = itemGraph.cols[n]!;
        if (part[j] === 0) touched[touchedCount++] = j;
        part[j]! += weight * itemGraph.vals[n]!;
      }
    }
    flush(out, touchedCount, 1);
    touchedCount = 0;
    const followCount = degree(follows, user);
    for (let e = follows.start[user]!; e < follows.start[user + 1]!; e++) {
      const friend = follows.cols[e]!;
      let friendTotal = 0;
      for (let f = userItems.start[friend]!; f < userItems.start[friend + 1]!; f++)
        friendTotal += userItems.vals[f]!;
      for (let f = userItems.start[friend]!; f < userItems.start[friend + 1]!; f++) {
        const j = userItems.cols[f]!;
        if (part[j] === 0) touched[touchedCount++] = j;
        part[j]! += userItems.vals[f]! / (followCount * friendTotal);
      }
    }
    flush(out, touchedCount, params.social);
  }

  const memoryBytes =
    csrBytes(userItems) +
    csrBytes(itemUsers) +
    csrBytes(itemGraph) +
    csrBytes(follows) +
    popularity.byteLength +
    touched.byteLength +
    part.byteLength;
  return { userItems, itemUsers, itemGraph, scoreInto, memoryBytes };
}

/** The people each user follows, self-links and unknown users dropped. */
export function socialRows(userCount: number, social: SocialLinks): Csr {
  const keep: number[] = [];
  for (let e = 0; e < social.from.length; e++) {
    const from = social.from[e]!;
    const to = social.to[e]!;
    if (from !== to && from < userCount && to < userCount) keep.push(e);
  }
  return buildCsr(
    userCount,
    Uint32Array.from(keep, (e) => social.from[e]!),
    Uint32Array.from(keep, (e) => social.to[e]!),
  );
}
