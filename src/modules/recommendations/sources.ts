import type { Database, Queryable } from '../../platform/db.js';
import { friendPairs, SIGNAL_WEIGHTS, sumSignals, type WeightedPair } from './rules.js';

export type { WeightedPair } from './rules.js';

/** A person's signal on products (a like of a post tagging them, a post tagging them, a share link). */
export interface ProductSignal {
  userId: string;
  productIds: readonly string[];
  at: Date;
}

/**
 * What the recommender needs of other modules, each one bulk read of the owning module's service
 * (wired in app.ts): a training takes one snapshot of them, where asking per person would be
 * thousands of calls for the same rows.
 */
export interface ShopSignals {
  /** Who knows whom, in either direction: follows (posts), invitations (accounts), bindings (distribution). */
  links: () => Promise<readonly (readonly [string, string])[]>;
  /** The members of each community of at most `size` members (communities). */
  communityMembers: (size: number) => Promise<readonly { communityId: string; userId: string }[]>;
  /** Standing likes of posts that tag products (posts). */
  likes: () => Promise<readonly ProductSignal[]>;
  /** Published, visible posts that tag products, by their author (posts). */
  postTags: () => Promise<readonly ProductSignal[]>;
  /** Product share links, by their owner (sharing). */
  shares: () => Promise<readonly ProductSignal[]>;
  /** Products people buy again and again: never excluded for having been bought (catalog). */
  repurchaseProducts: () => Promise<readonly string[]>;
}

/** Living in the same big estate says little about taste: larger communities are left out of the graph. */
const COMMUNITY_FRIENDS_UP_TO = 200;

/** Who counts as whose friend now: read from the owning modules before the caller's transaction. */
export async function currentFriends(signals: ShopSignals) {
  const [links, members] = await Promise.all([
    signals.links(),
    signals.communityMembers(COMMUNITY_FRIENDS_UP_TO),
  ]);
  return friendPairs(links, members);
}

/** Replaces `rec_friends` with `friends` (from `currentFriends`). */
export async function replaceFriends(tx: Queryable, friends: { userIds: string[]; friendIds: string[] }) {
  await tx.query('DELETE FROM rec_friends');
  await tx.query(
    'INSERT INTO rec_friends (user_id, friend_id) SELECT * FROM unnest($1::text[], $2::text[])',
    [friends.userIds, friends.friendIds],
  );
}

export const friendRows = (conn: Queryable) =>
  conn.query<{ user_id: string; friend_id: string }>('SELECT user_id, friend_id FROM rec_friends');

/**
 * Every (person, product) with the summed weight of their signals before `now`, and before
 * `cutoff` (the evaluation's training): the recommender's own events (purchases of orders not
 * refunded, add-to-carts, views) summed in SQL, the other modules' signals added here.
 */
export async function weightedPairs(
  db: Database,
  signals: ShopSignals,
  now: Date,
  cutoff: Date,
): Promise<{ pairs: WeightedPair[]; pairsBeforeCutoff: WeightedPair[] }> {
  const [events, likes, tags, shares] = await Promise.all([
    db.query<{ user_id: string; product_id: string; weight: number; weight_before: number | null }>(
      `SELECT user_id, product_id, sum(w)::float8 AS weight, sum(w) FILTER (WHERE at < $2)::float8 AS weight_before
       FROM (SELECT user_id, product_id, at,
               CASE kind WHEN 'purchase' THEN $3::float8 WHEN 'cart' THEN $4::float8 ELSE $5::float8 END AS w
             FROM rec_events WHERE at < $1) e
       GROUP BY user_id, product_id`,
      [now, cutoff, SIGNAL_WEIGHTS.purchase, SIGNAL_WEIGHTS.cart, SIGNAL_WEIGHTS.view],
    ),
    signals.likes(),
    signals.postTags(),
    signals.shares(),
  ]);
  const others = [
    ...likes.map((s) => ({ ...s, weight: SIGNAL_WEIGHTS.like })),
    ...tags.map((s) => ({ ...s, weight: SIGNAL_WEIGHTS.post_tag })),
    ...shares.map((s) => ({ ...s, weight: SIGNAL_WEIGHTS.share })),
  ];
  const before = (at: Date) => others.filter((s) => s.at < at);
  const own = (weightOf: (r: (typeof events)[number]) => number | null) =>
    events.flatMap((r) => {
      const weight = weightOf(r);
      return weight === null ? [] : [{ userId: r.user_id, productIds: [r.product_id], weight }];
    });
  return {
    pairs: sumSignals([...own((r) => r.weight), ...before(now)]),
    pairsBeforeCutoff: sumSignals([...own((r) => r.weight_before), ...before(cutoff)]),
  };
}

/** Purchases as (person, product) pairs in [from, to). */
export const purchasePairs = (conn: Queryable, from: Date, to: Date) =>
  conn.query<{ user_id: string; product_id: string }>(
    `SELECT DISTINCT user_id, product_id FROM rec_events WHERE kind = 'purchase' AND at >= $1 AND at < $2`,
    [from, to],
  );
