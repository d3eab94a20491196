import type { Queryable } from '../../platform/db.js';
import { SIGNAL_WEIGHTS } from './rules.js';

/**
 * What the recommender reads of other modules' tables, read-only and in bulk: the social graph
 * (posts' follows, accounts' invitations, distribution's bindings, communities' members) and the
 * content signals (likes of posts tagging a product, posts' tags, share links of products). A
 * training takes one snapshot of them; asking each module for every row through its service would
 * be thousands of calls for the same rows. Nothing here writes; the columns read are those the
 * owning modules' migrations document. Communities larger than this count are left out of the
 * graph: living in the same big estate says little about taste.
 */
const COMMUNITY_FRIENDS_UP_TO = 200;

/** Replaces `rec_friends` with the graph as it is now (both directions of every link). */
export async function refreshFriends(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM rec_friends');
  await tx.query(
    `WITH links (a, b) AS (
       SELECT follower_id, followee_id FROM user_follows
       UNION SELECT id, invited_by FROM users WHERE invited_by IS NOT NULL
       UNION SELECT buyer_id, promoter_id FROM bindings
       UNION SELECT m1.user_id, m2.user_id FROM community_members m1
         JOIN community_members m2 ON m2.community_id = m1.community_id AND m2.user_id <> m1.user_id
         WHERE m1.community_id IN (
           SELECT community_id FROM community_members GROUP BY community_id HAVING count(*) <= $1))
     INSERT INTO rec_friends (user_id, friend_id)
     SELECT a, b FROM links WHERE a <> b UNION SELECT b, a FROM links WHERE a <> b`,
    [COMMUNITY_FRIENDS_UP_TO],
  );
}

export const friendPairs = (conn: Queryable) =>
  conn.query<{ user_id: string; friend_id: string }>('SELECT user_id, friend_id FROM rec_friends');

export interface WeightedPair {
  user_id: string;
  product_id: string;
  weight: number;
}

/** Every (person, product) with the summed weight of their signals before `before`. */
export const weightedPairs = (conn: Queryable, before: Date) =>
  conn.query<WeightedPair>(
    `SELECT user_id, product_id, sum(w)::float8 AS weight FROM (
       SELECT user_id, product_id,
         CASE kind WHEN 'purchase' THEN $2::float8 WHEN 'cart' THEN $3::float8 ELSE $4::float8 END AS w
       FROM rec_events WHERE at < $1
       UNION ALL
       SELECT l.user_id, unnest(p.product_ids), $5::float8 FROM post_likes l JOIN posts p ON p.id = l.post_id
       WHERE l.unliked_at IS NULL AND l.liked_at < $1
       UNION ALL
       SELECT author_id, unnest(product_ids), $6::float8 FROM posts
       WHERE published_at IS NOT NULL AND published_at < $1 AND NOT hidden
       UNION ALL
       SELECT owner_id, target_id, $7::float8 FROM share_links WHERE target_type = 'product' AND created_at < $1
     ) signals GROUP BY user_id, product_id ORDER BY user_id, product_id`,
    [
      before,
      SIGNAL_WEIGHTS.purchase,
      SIGNAL_WEIGHTS.cart,
      SIGNAL_WEIGHTS.view,
      SIGNAL_WEIGHTS.like,
      SIGNAL_WEIGHTS.post_tag,
      SIGNAL_WEIGHTS.share,
    ],
  );

/** Purchases as (person, product) pairs in [from, to). */
export const purchasePairs = (conn: Queryable, from: Date, to: Date) =>
  conn.query<{ user_id: string; product_id: string }>(
    `SELECT DISTINCT user_id, product_id FROM rec_events WHERE kind = 'purchase' AND at >= $1 AND at < $2`,
    [from, to],
  );

/** Products people buy again and again: never excluded for having been bought. */
export const repurchaseProducts = async (conn: Queryable) =>
  new Set((await conn.query<{ id: string }>('SELECT id FROM products WHERE repurchase')).map((r) => r.id));
