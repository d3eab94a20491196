import type { Interactions, SocialLinks } from './contract.js';

/** Interactions and social links from readable lists, for tests. */
export function interactionsOf(
  userCount: number,
  itemCount: number,
  pairs: [number, number][],
): Interactions {
  return {
    userCount,
    itemCount,
    users: Uint32Array.from(pairs, (p) => p[0]),
    items: Uint32Array.from(pairs, (p) => p[1]),
  };
}

export function linksOf(pairs: [number, number][]): SocialLinks {
  return { from: Uint32Array.from(pairs, (p) => p[0]), to: Uint32Array.from(pairs, (p) => p[1]) };
}
