/** Pure rules of the recommender: signal weights, dense ids, offline metrics, reasons and their words. */

export type SignalKind = 'purchase' | 'cart' | 'view' | 'share' | 'post_tag' | 'like';

/**
 * How much one signal says about wanting a product. A purchase is the strongest (money spent); a
 * share or a post tag puts the person's name on it; a view is the weakest. A pair's weights add up.
 */
export const SIGNAL_WEIGHTS: Record<SignalKind, number> = {
  purchase: 5,
  share: 3,
  cart: 2,
  post_tag: 2,
  like: 1,
  view: 1,
};

/** Bought within this many days: not recommended again unless the product is a repurchase item. */
export const JUST_BOUGHT_DAYS = 30;
/** Friends' purchases this recent count for "friends bought". */
export const FRIENDS_BOUGHT_DAYS = 60;
/** Orders of the last days are held out of the offline evaluation's training and measured on. */
export const HOLDOUT_DAYS = 7;
export const EVAL_K = 10;
/** Candidates stored per person and neighbours per product at each training. */
export const USER_CANDIDATES = 50;
export const ITEM_NEIGHBOURS = 20;
export const MAX_LIMIT = 50;

/** Database ids to dense indexes 0..n-1 (first seen first) and back. */
export function denseIndex(ids: Iterable<string>): { index: Map<string, number>; ids: string[] } {
  const index = new Map<string, number>();
  const list: string[] = [];
  for (const id of ids) {
    if (index.has(id)) continue;
    index.set(id, list.length);
    list.push(id);
  }
  return { index, ids: list };
}

/**
 * Recall@K averaged over test users: for each, the share of their held-out items found in their
 * top K. A user with no held-out items is not a test user.
 */
export function meanRecall(
  recommended: ReadonlyMap<number, readonly number[]>,
  heldOut: ReadonlyMap<number, ReadonlySet<number>>,
  k: number,
): number {
  let sum = 0;
  let users = 0;
  for (const [user, truth] of heldOut) {
    if (truth.size === 0) continue;
    users += 1;
    const top = (recommended.get(user) ?? []).slice(0, k);
    sum += top.filter((item) => truth.has(item)).length / truth.size;
  }
  return users === 0 ? 0 : sum / users;
}

export type Language = 'en' | 'zh-CN';

export type Reason =
  | { type: 'friends_bought'; friends: number; name: string }
  | { type: 'because_you_bought'; title: string }
  | { type: 'because_you_viewed'; title: string }
  | { type: 'popular_in_category'; category: string }
  | { type: 'popular' }
  | { type: 'for_you' };

export const REASON_TYPES = [
  'friends_bought',
  'because_you_bought',
  'because_you_viewed',
  'popular_in_category',
  'popular',
  'for_you',
] as const;

/** A reason as a person reads it, in their language. */
export function reasonText(reason: Reason, language: Language): string {
  const zh = language === 'zh-CN';
  switch (reason.type) {
    case 'friends_bought':
      if (reason.friends === 1) return zh ? `${reason.name} 买过` : `${reason.name} bought this`;
      return zh ? `${reason.friends} 位好友买过` : `${reason.friends} friends bought this`;
    case 'because_you_bought':
      return zh ? `因为你买过「${reason.title}」` : `Because you bought ${reason.title}`;
    case 'because_you_viewed':
      return zh ? `因为你看过「${reason.title}」` : `Because you looked at ${reason.title}`;
    case 'popular_in_category':
      return zh ? `${reason.category}热卖` : `Popular in ${reason.category}`;
    case 'popular':
      return zh ? '大家都在买' : 'Popular right now';
    case 'for_you':
      return zh ? '为你推荐' : 'Picked for you';
  }
}

export interface Candidate {
  productId: string;
  reason: Reason;
}

/**
 * The served list from its sources, best first: what friends bought (the strongest signal a social
 * shop has), then the model's picks, then popular products. Each product once, in its first place;
 * `allowed` drops archived, sold-out and just-bought products.
 */
export function mergeCandidates(
  sources: readonly (readonly Candidate[])[],
  allowed: (productId: string) => boolean,
  limit: number,
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const source of sources) {
    for (const candidate of source) {
      if (out.length >= limit) return out;
      if (seen.has(candidate.productId) || !allowed(candidate.productId)) continue;
      seen.add(candidate.productId);
      out.push(candidate);
    }
  }
  return out;
}

export interface FriendsBought {
  productId: string;
  friends: number;
  /** The friend who bought it last (named when only one did). */
  latestFriend: string;
}

/** Products by how many friends bought them, then by the latest purchase; at most `limit`. */
export function tallyFriendPurchases(
  rows: readonly { product_id: string; user_id: string; at: Date }[],
  limit: number,
): FriendsBought[] {
  const byProduct = new Map<string, { friends: Set<string>; latest: Date; latestFriend: string }>();
  for (const row of rows) {
    const entry = byProduct.get(row.product_id);
    if (!entry) {
      byProduct.set(row.product_id, {
        friends: new Set([row.user_id]),
        latest: row.at,
        latestFriend: row.user_id,
      });
      continue;
    }
    entry.friends.add(row.user_id);
    if (row.at > entry.latest) {
      entry.latest = row.at;
      entry.latestFriend = row.user_id;
    }
  }
  return [...byProduct]
    .sort(
      ([a, x], [b, y]) =>
        y.friends.size - x.friends.size || y.latest.getTime() - x.latest.getTime() || (a < b ? -1 : 1),
    )
    .slice(0, limit)
    .map(([productId, e]) => ({ productId, friends: e.friends.size, latestFriend: e.latestFriend }));
}

export interface WeightedPair {
  user_id: string;
  product_id: string;
  weight: number;
}

/** Signals summed per (person, product), in (person, product) order so a training is deterministic. */
export function sumSignals(
  signals: Iterable<{ userId: string; productIds: readonly string[]; weight: number }>,
): WeightedPair[] {
  const sums = new Map<string, WeightedPair>();
  for (const { userId, productIds, weight } of signals)
    for (const productId of productIds) {
      const key = `${userId}\u0000${productId}`;
      const pair = sums.get(key);
      if (pair) pair.weight += weight;
      else sums.set(key, { user_id: userId, product_id: productId, weight });
    }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...sums.values()].sort((a, b) => order(a.user_id, b.user_id) || order(a.product_id, b.product_id));
}

/**
 * Friends as the recommender counts them, from links of any kind (follows, invitations, bindings,
 * one community's members): both directions of each link, each pair once, nobody their own friend.
 */
export function friendPairs(
  links: Iterable<readonly [string, string]>,
  communities: Iterable<{ communityId: string; userId: string }>,
): { userIds: string[]; friendIds: string[] } {
  const seen = new Set<string>();
  const out = { userIds: [] as string[], friendIds: [] as string[] };
  const add = (a: string, b: string) => {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const key = `${x}\u0000${y}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.userIds.push(x);
      out.friendIds.push(y);
    }
  };
  for (const [a, b] of links) add(a, b);
  const members = new Map<string, string[]>();
  for (const m of communities) {
    const list = members.get(m.communityId);
    if (list) list.push(m.userId);
    else members.set(m.communityId, [m.userId]);
  }
  for (const list of members.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) add(list[i] as string, list[j] as string);
  return out;
}
