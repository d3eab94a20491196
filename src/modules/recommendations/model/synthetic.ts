import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Interactions, SocialLinks } from './contract.js';

export interface SyntheticShape {
  users: number;
  items: number;
  pairs: number;
  links: number;
}

/** LastFM's shape (HetRec 2011, as SocialLGN uses it): the size the training time target is set on. */
export const LASTFM_SHAPE: SyntheticShape = { users: 1892, items: 17632, pairs: 74_000, links: 12_700 };

/**
 * A data set of a given shape for timing, not for quality: item popularity is Zipf-like (a few hits,
 * a long tail), people's sizes vary, and a third of the rows copy an earlier row's item, so the hits
 * grow as in real logs.
 */
export function syntheticDataset(
  shape: SyntheticShape,
  seed: number,
): { interactions: Interactions; social: SocialLinks } {
  const rng = xoroshiro128plus(seed);
  const random = () => uniformFloat64(rng);
  const cumulative = new Float64Array(shape.items);
  let total = 0;
  for (let j = 0; j < shape.items; j++) {
    total += 1 / (j + 1) ** 0.8;
    cumulative[j] = total;
  }
  const popularItem = () => {
    const target = random() * total;
    let low = 0;
    let high = shape.items - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const from = new Uint32Array(shape.links);
  const to = new Uint32Array(shape.links);
  for (let e = 0; e < shape.links; e++) {
    from[e] = Math.floor(random() * shape.users);
    to[e] = (from[e]! + 1 + Math.floor(random() * random() * (shape.users - 1))) % shape.users;
  }
  const users = new Uint32Array(shape.pairs);
  const items = new Uint32Array(shape.pairs);
  for (let e = 0; e < shape.pairs; e++) {
    const user = Math.floor(random() ** 1.5 * shape.users);
    users[e] = user;
    items[e] = e > 0 && random() < 0.33 ? items[Math.floor(random() * e)]! : popularItem();
  }
  return {
    interactions: { userCount: shape.users, itemCount: shape.items, users, items },
    social: { from, to },
  };
}
