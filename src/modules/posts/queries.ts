import type { Queryable, Tx } from '../../platform/db.js';
import { POPULAR_WINDOW_DAYS, SCORE_AGE_OFFSET_HOURS, SCORE_GRAVITY, SCORE_WEIGHTS } from './rules.js';

/** SQL for the posts module's own tables: posts, likes, comments, purchases and follows. */

export interface PostRow {
  id: string;
  author_id: string;
  kind: 'post' | 'list';
  body: string;
  images: string[];
  video_url: string | null;
  product_ids: string[];
  list_items: { productId: string; note: string }[];
  published_at: Date | null;
  hidden: boolean;
  hidden_reason: string | null;
  like_count: number;
  comment_count: number;
  view_count: number;
  tag_clicks: number;
  created_at: Date;
  edited_at: Date | null;
}

export interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  hidden: boolean;
  created_at: Date;
}

/** What others may see: published and not hidden. */
const PUBLIC = 'p.published_at IS NOT NULL AND NOT p.hidden';

export async function insertPost(
  conn: Queryable,
  row: Omit<
    PostRow,
    'hidden' | 'hidden_reason' | 'like_count' | 'comment_count' | 'view_count' | 'tag_clicks' | 'edited_at'
  >,
) {
  const rows = await conn.query<PostRow>(
    `INSERT INTO posts (id, author_id, kind, body, images, video_url, product_ids, list_items, published_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING *`,
    [
      row.id,
      row.author_id,
      row.kind,
      row.body,
      row.images,
      row.video_url,
      row.product_ids,
      JSON.stringify(row.list_items),
      row.published_at,
      row.created_at,
    ],
  );
  return rows[0] as PostRow;
}

export const findPost = async (conn: Queryable, id: string) =>
  (await conn.query<PostRow>('SELECT * FROM posts WHERE id = $1', [id]))[0];

export const lockPost = async (tx: Tx, id: string) =>
  (await tx.query<PostRow>('SELECT * FROM posts WHERE id = $1 FOR UPDATE', [id]))[0];

/** A published, visible post, locked against deletion while a like or comment is stored. */
export const lockPublicPost = async (tx: Tx, id: string) =>
  (await tx.query<PostRow>(`SELECT * FROM posts p WHERE id = $1 AND ${PUBLIC} FOR KEY SHARE`, [id]))[0];

export async function updatePost(
  tx: Tx,
  id: string,
  row: Pick<
    PostRow,
    'kind' | 'body' | 'images' | 'video_url' | 'product_ids' | 'list_items' | 'published_at'
  >,
  at: Date,
) {
  const rows = await tx.query<PostRow>(
    `UPDATE posts SET kind = $2, body = $3, images = $4, video_url = $5, product_ids = $6,
       list_items = $7::jsonb, published_at = $8, edited_at = $9
     WHERE id = $1 RETURNING *`,
    [
      id,
      row.kind,
      row.body,
      row.images,
      row.video_url,
      row.product_ids,
      JSON.stringify(row.list_items),
      row.published_at,
      at,
    ],
  );
  return rows[0] as PostRow;
}

export const deletePost = (tx: Tx, id: string) => tx.query('DELETE FROM posts WHERE id = $1', [id]);

export async function setPostHidden(tx: Tx, id: string, hidden: boolean, reason: string | null) {
  const rows = await tx.query('UPDATE posts SET hidden = $2, hidden_reason = $3 WHERE id = $1 RETURNING id', [
    id,
    hidden,
    hidden ? reason : null,
  ]);
  return rows.length > 0;
}

export const postsByIds = (conn: Queryable, ids: readonly string[]) =>
  conn.query<PostRow>('SELECT * FROM posts WHERE id = ANY($1)', [ids]);

/** An author's posts, newest first: everything to the author, the public ones to others. */
export function postsOfAuthor(
  conn: Queryable,
  f: { authorId: string; all: boolean; after?: { at: string; id: string }; limit: number },
) {
  const params: unknown[] = [f.authorId, f.limit + 1];
  let after = '';
  if (f.after) {
    params.push(f.after.at, f.after.id);
    after = 'AND (p.created_at, p.id) < ($3::timestamptz, $4)';
  }
  return conn.query<PostRow>(
    `SELECT * FROM posts p WHERE p.author_id = $1 ${f.all ? '' : `AND ${PUBLIC}`} ${after}
     ORDER BY p.created_at DESC, p.id DESC LIMIT $2`,
    params,
  );
}

/** Every published post, hidden ones too, newest first: the console's list with figures. */
export function publishedPosts(conn: Queryable, f: { after?: { at: string; id: string }; limit: number }) {
  const params: unknown[] = [f.limit + 1];
  let after = '';
  if (f.after) {
    params.push(f.after.at, f.after.id);
    after = 'AND (p.created_at, p.id) < ($2::timestamptz, $3)';
  }
  return conn.query<PostRow>(
    `SELECT * FROM posts p WHERE p.published_at IS NOT NULL ${after}
     ORDER BY p.created_at DESC, p.id DESC LIMIT $1`,
    params,
  );
}

export async function authorCounts(conn: Queryable, authorId: string) {
  const [row] = await conn.query<{ posts: number; likes: number; followers: number; following: number }>(
    `SELECT
       (SELECT count(*) FROM posts p WHERE p.author_id = $1 AND ${PUBLIC})::bigint AS posts,
       (SELECT COALESCE(sum(p.like_count), 0) FROM posts p WHERE p.author_id = $1 AND ${PUBLIC})::bigint AS likes,
       (SELECT count(*) FROM user_follows WHERE followee_id = $1)::bigint AS followers,
       (SELECT count(*) FROM user_follows WHERE follower_id = $1)::bigint AS following`,
    [authorId],
  );
  return row as { posts: number; likes: number; followers: number; following: number };
}

// Likes ------------------------------------------------------------------------------------------

/** True when this call made the like (a repeat, or the loser of a race, changes nothing). */
export async function like(tx: Tx, postId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO post_likes (post_id, user_id, liked_at) VALUES ($1, $2, $3)
     ON CONFLICT (post_id, user_id) DO UPDATE SET liked_at = EXCLUDED.liked_at, unliked_at = NULL
       WHERE post_likes.unliked_at IS NOT NULL
     RETURNING post_id`,
    [postId, userId, at],
  );
  return rows.length > 0;
}

export async function unlike(tx: Tx, postId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE post_likes SET unliked_at = $3 WHERE post_id = $1 AND user_id = $2 AND unliked_at IS NULL
     RETURNING post_id`,
    [postId, userId, at],
  );
  return rows.length > 0;
}

export async function addToLikes(tx: Tx, postId: string, delta: 1 | -1): Promise<number> {
  const [row] = await tx.query<{ like_count: number }>(
    'UPDATE posts SET like_count = like_count + $2 WHERE id = $1 RETURNING like_count',
    [postId, delta],
  );
  return row?.like_count ?? 0;
}

export async function likedBy(conn: Queryable, userId: string, postIds: readonly string[]) {
  const rows = await conn.query<{ post_id: string }>(
    'SELECT post_id FROM post_likes WHERE user_id = $1 AND post_id = ANY($2) AND unliked_at IS NULL',
    [userId, postIds],
  );
  return new Set(rows.map((r) => r.post_id));
}

// Comments ---------------------------------------------------------------------------------------

export async function insertComment(tx: Tx, row: Omit<CommentRow, 'hidden'>) {
  const rows = await tx.query<CommentRow>(
    `INSERT INTO post_comments (id, post_id, parent_id, author_id, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [row.id, row.post_id, row.parent_id, row.author_id, row.body, row.created_at],
  );
  await tx.query('UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1', [row.post_id]);
  return rows[0] as CommentRow;
}

export const findComment = async (conn: Queryable, id: string) =>
  (await conn.query<CommentRow>('SELECT * FROM post_comments WHERE id = $1 AND deleted_at IS NULL', [id]))[0];

/** Soft delete (the feed scores posts as they stood), by its author only; false if not theirs. */
export async function deleteComment(tx: Tx, id: string, authorId: string, at: Date): Promise<boolean> {
  const rows = await tx.query<{ post_id: string }>(
    `UPDATE post_comments SET deleted_at = $3 WHERE id = $1 AND author_id = $2 AND deleted_at IS NULL
     RETURNING post_id`,
    [id, authorId, at],
  );
  const postId = rows[0]?.post_id;
  if (!postId) return false;
  await tx.query('UPDATE posts SET comment_count = greatest(comment_count - 1, 0) WHERE id = $1', [postId]);
  return true;
}

export async function setCommentHidden(tx: Tx, id: string, hidden: boolean, reason: string | null) {
  const rows = await tx.query(
    'UPDATE post_comments SET hidden = $2, hidden_reason = $3 WHERE id = $1 AND deleted_at IS NULL RETURNING id',
    [id, hidden, hidden ? reason : null],
  );
  return rows.length > 0;
}

export const commentsByIds = (conn: Queryable, ids: readonly string[]) =>
  conn.query<CommentRow>('SELECT * FROM post_comments WHERE id = ANY($1) AND deleted_at IS NULL', [ids]);

/** Top-level comments oldest first (keyset on created_at, id), visible ones or the viewer's own. */
export function topComments(
  conn: Queryable,
  f: { postId: string; viewerId: string | null; after?: { at: string; id: string }; limit: number },
) {
  const params: unknown[] = [f.postId, f.viewerId, f.limit + 1];
  let after = '';
  if (f.after) {
    params.push(f.after.at, f.after.id);
    after = 'AND (created_at, id) > ($4::timestamptz, $5)';
  }
  return conn.query<CommentRow>(
    `SELECT * FROM post_comments
     WHERE post_id = $1 AND parent_id IS NULL AND deleted_at IS NULL AND (NOT hidden OR author_id = $2) ${after}
     ORDER BY created_at, id LIMIT $3`,
    params,
  );
}

export const repliesOf = (conn: Queryable, parentIds: readonly string[], viewerId: string | null) =>
  conn.query<CommentRow>(
    `SELECT * FROM post_comments
     WHERE parent_id = ANY($1) AND deleted_at IS NULL AND (NOT hidden OR author_id = $2)
     ORDER BY created_at, id`,
    [parentIds, viewerId],
  );

// Purchases --------------------------------------------------------------------------------------

/** Counts a paid order through a post once (a replayed event changes nothing). */
export const recordPurchase = (tx: Tx, orderId: string, postId: string, paidAt: Date) =>
  tx.query(
    `INSERT INTO post_purchases (order_id, post_id, paid_at)
     SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM posts WHERE id = $2)
     ON CONFLICT (order_id) DO NOTHING`,
    [orderId, postId, paidAt],
  );

// Views and clicks -------------------------------------------------------------------------------

export const countView = (conn: Queryable, id: string) =>
  conn.query('UPDATE posts SET view_count = view_count + 1 WHERE id = $1', [id]);

export const countTagClick = (conn: Queryable, id: string) =>
  conn.query('UPDATE posts SET tag_clicks = tag_clicks + 1 WHERE id = $1', [id]);

// Follows ----------------------------------------------------------------------------------------

export async function follow(conn: Queryable, followerId: string, followeeId: string, at: Date) {
  await conn.query(
    `INSERT INTO user_follows (follower_id, followee_id, created_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [followerId, followeeId, at],
  );
}

export const unfollow = (conn: Queryable, followerId: string, followeeId: string) =>
  conn.query('DELETE FROM user_follows WHERE follower_id = $1 AND followee_id = $2', [
    followerId,
    followeeId,
  ]);

export async function follows(conn: Queryable, followerId: string, followeeId: string) {
  const rows = await conn.query('SELECT 1 FROM user_follows WHERE follower_id = $1 AND followee_id = $2', [
    followerId,
    followeeId,
  ]);
  return rows.length > 0;
}

export async function followerCount(conn: Queryable, userId: string) {
  const [row] = await conn.query<{ n: number }>(
    'SELECT count(*)::bigint AS n FROM user_follows WHERE followee_id = $1',
    [userId],
  );
  return row?.n ?? 0;
}

/** Followers (side `followee_id`) or followed people (side `follower_id`), newest follow first. */
export function followList(
  conn: Queryable,
  f: { userId: string; side: 'followers' | 'following'; after?: { at: string; id: string }; limit: number },
) {
  const [mine, theirs] =
    f.side === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
  const params: unknown[] = [f.userId, f.limit + 1];
  let after = '';
  if (f.after) {
    params.push(f.after.at, f.after.id);
    after = `AND (created_at, ${theirs}) < ($3::timestamptz, $4)`;
  }
  return conn.query<{ person_id: string; created_at: Date }>(
    `SELECT ${theirs} AS person_id, created_at FROM user_follows WHERE ${mine} = $1 ${after}
     ORDER BY created_at DESC, ${theirs} DESC LIMIT $2`,
    params,
  );
}

// The feed ---------------------------------------------------------------------------------------

/** Posts of people the viewer follows, as published up to `asOf`, newest first. */
export function followingPosts(
  conn: Queryable,
  f: { viewerId: string; asOf: string; after?: { at: string; id: string }; limit: number },
) {
  const params: unknown[] = [f.viewerId, f.asOf, f.limit];
  let after = '';
  if (f.after) {
    params.push(f.after.at, f.after.id);
    after = 'AND (p.published_at, p.id) < ($4::timestamptz, $5)';
  }
  return conn.query<PostRow>(
    `SELECT p.* FROM posts p
     JOIN user_follows f ON f.followee_id = p.author_id AND f.follower_id = $1
     WHERE ${PUBLIC} AND p.published_at <= $2::timestamptz ${after}
     ORDER BY p.published_at DESC, p.id DESC LIMIT $3`,
    params,
  );
}

/**
 * Everyone else's recent posts (published within POPULAR_WINDOW_DAYS, read by the partial index on
 * published_at) by the popularity score of rules.ts, each count taken as it stood at
 * `asOf`: likes not yet withdrawn then, comments not yet deleted then, purchases paid by then.
 */
export function popularPosts(
  conn: Queryable,
  f: { viewerId: string | null; asOf: string; after?: { score: number; id: string }; limit: number },
) {
  const params: unknown[] = [f.viewerId, f.asOf, f.limit];
  let after = '';
  if (f.after) {
    params.push(f.after.score, f.after.id);
    after = 'WHERE (score, id) < ($4::float8, $5)';
  }
  return conn.query<PostRow & { score: number }>(
    `WITH scored AS (
       SELECT p.*,
         (${SCORE_WEIGHTS.like} * (SELECT count(*) FROM post_likes l WHERE l.post_id = p.id
              AND l.liked_at <= $2::timestamptz AND (l.unliked_at IS NULL OR l.unliked_at > $2::timestamptz))
          + ${SCORE_WEIGHTS.comment} * (SELECT count(*) FROM post_comments c WHERE c.post_id = p.id
              AND c.created_at <= $2::timestamptz AND (c.deleted_at IS NULL OR c.deleted_at > $2::timestamptz))
          + ${SCORE_WEIGHTS.purchase} * (SELECT count(*) FROM post_purchases s WHERE s.post_id = p.id
              AND s.paid_at <= $2::timestamptz)
          + 1)::float8
         / power(greatest(0, extract(epoch FROM ($2::timestamptz - p.published_at)) / 3600)::float8
                 + ${SCORE_AGE_OFFSET_HOURS}, ${SCORE_GRAVITY}) AS score
       FROM posts p
       WHERE ${PUBLIC} AND p.published_at <= $2::timestamptz
         AND p.published_at > $2::timestamptz - make_interval(days => ${POPULAR_WINDOW_DAYS})
         AND NOT EXISTS (SELECT 1 FROM user_follows f WHERE f.follower_id = $1 AND f.followee_id = p.author_id)
     )
     SELECT * FROM scored ${after} ORDER BY score DESC, id DESC LIMIT $3`,
    params,
  );
}

// Moderation -------------------------------------------------------------------------------------

/** Published posts only: a draft is its author's alone, so nobody can report it or learn it exists. */
export const postsForModeration = (conn: Queryable, ids: readonly string[]) =>
  conn.query<PostRow>('SELECT * FROM posts WHERE id = ANY($1) AND published_at IS NOT NULL', [ids]);

/** Every follow as a pair: who knows whom, for the incentive simulator. */
export const followPairs = (conn: Queryable) =>
  conn.query<{ follower_id: string; followee_id: string }>(
    'SELECT follower_id, followee_id FROM user_follows',
  );

/** Standing likes of posts that tag products, with when: the recommender's "liked" signal. */
export const productLikes = (conn: Queryable) =>
  conn.query<{ user_id: string; product_ids: string[]; liked_at: Date }>(
    `SELECT l.user_id, p.product_ids, l.liked_at FROM post_likes l JOIN posts p ON p.id = l.post_id
     WHERE l.unliked_at IS NULL AND cardinality(p.product_ids) > 0`,
  );

/** Published, visible posts that tag products: their author put their name on those products. */
export const productTags = (conn: Queryable) =>
  conn.query<{ author_id: string; product_ids: string[]; published_at: Date }>(
    `SELECT author_id, product_ids, published_at FROM posts
     WHERE published_at IS NOT NULL AND NOT hidden AND cardinality(product_ids) > 0`,
  );
