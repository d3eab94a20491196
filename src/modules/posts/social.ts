import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { ModeratedItem } from '../../platform/moderation.js';
import type { PostsPorts } from './context.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import type { Comment, CommentInput, Post } from './schemas.js';

type Present = (conn: Queryable, rows: readonly q.PostRow[], viewerId: string | null) => Promise<Post[]>;

const postGone = () => notFound('Post');
const commentGone = () => notFound('Comment');
const personGone = () => notFound('User');
const PREVIEW = 280;

/** Likes, comments, follows and profiles: what people do around posts. */
export function createSocial(deps: { db: Database; clock: Clock; ports: PostsPorts; present: Present }) {
  const { db, clock, ports, present } = deps;

  /**
   * Idempotent and race-safe: the like row's key decides who made it (a second like, or the loser
   * of two at once, changes nothing), and the counter moves in the same transaction as the row.
   */
  async function setLike(userId: string, postId: string, liked: boolean) {
    return db.transaction(async (tx) => {
      const post = await q.lockPublicPost(tx, postId);
      if (!post) throw postGone();
      const changed = liked
        ? await q.like(tx, postId, userId, clock.now())
        : await q.unlike(tx, postId, userId, clock.now());
      const likes = changed ? await q.addToLikes(tx, postId, liked ? 1 : -1) : post.like_count;
      return { liked, likes };
    });
  }

  async function presentComments(conn: Queryable, rows: readonly q.CommentRow[], viewerId: string | null) {
    const replies = await q.repliesOf(
      conn,
      rows.map((r) => r.id),
      viewerId,
    );
    const names = await ports.names(conn, [...new Set([...rows, ...replies].map((r) => r.author_id))]);
    const one = (r: q.CommentRow) => ({
      id: r.id,
      postId: r.post_id,
      parentId: r.parent_id,
      body: r.body,
      author: { id: r.author_id, name: names.get(r.author_id) ?? '' },
      mine: r.author_id === viewerId,
      createdAt: r.created_at.toISOString(),
    });
    return rows.map(
      (r): Comment => ({ ...one(r), replies: replies.filter((x) => x.parent_id === r.id).map(one) }),
    );
  }

  /** A comment or a reply; a reply to a reply joins its thread (one level of replies). */
  async function comment(userId: string, postId: string, input: CommentInput): Promise<Comment> {
    return db.transaction(async (tx) => {
      const post = await q.lockPublicPost(tx, postId);
      if (!post) throw postGone();
      await ports.moderation.assertMayPost(tx, userId);
      let parentId: string | null = null;
      if (input.parentId !== undefined) {
        const parent = await q.findComment(tx, input.parentId);
        if (!parent || parent.post_id !== postId || parent.hidden)
          throw invalidInput('/parentId', 'is not a comment of this post', 'unknown_comment');
        parentId = parent.parent_id ?? parent.id;
      }
      const row = await q.insertComment(tx, {
        id: newId(),
        post_id: postId,
        parent_id: parentId,
        author_id: userId,
        body: input.body,
        created_at: clock.now(),
      });
      return (await presentComments(tx, [row], userId))[0] as Comment;
    });
  }

  async function comments(
    viewerId: string | null,
    postId: string,
    page: { limit?: number; cursor?: string },
  ) {
    const post = await q.findPost(db, postId);
    if (!post || !(post.author_id === viewerId || (post.published_at && !post.hidden))) throw postGone();
    const limit = page.limit ?? 20;
    const rows = await q.topComments(db, {
      postId,
      viewerId,
      after: decodeTimeCursor(page.cursor),
      limit,
    });
    const shown = await presentComments(db, rows.slice(0, limit), viewerId);
    const byId = new Map(shown.map((c) => [c.id, c]));
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => byId.get(r.id) as Comment,
    );
  }

  async function deleteComment(userId: string, id: string): Promise<void> {
    const deleted = await db.transaction((tx) => q.deleteComment(tx, id, userId, clock.now()));
    if (!deleted) throw commentGone();
  }

  async function mustExist(conn: Queryable, userId: string) {
    if (!(await ports.personExists(conn, userId))) throw personGone();
  }

  /** Following twice is following; following oneself is refused (422 `posts_follow_self`). */
  async function setFollow(followerId: string, followeeId: string, following: boolean) {
    if (followerId === followeeId) throw refuse('posts_follow_self', undefined, 'You cannot follow yourself');
    await mustExist(db, followeeId);
    if (following) await q.follow(db, followerId, followeeId, clock.now());
    else await q.unfollow(db, followerId, followeeId);
    return { following, followers: await q.followerCount(db, followeeId) };
  }

  async function followList(
    userId: string,
    side: 'followers' | 'following',
    page: { limit?: number; cursor?: string },
  ) {
    await mustExist(db, userId);
    const limit = page.limit ?? 20;
    const rows = await q.followList(db, { userId, side, after: decodeTimeCursor(page.cursor), limit });
    const names = await ports.names(
      db,
      rows.map((r) => r.person_id),
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.person_id],
      (r) => ({
        id: r.person_id,
        name: names.get(r.person_id) ?? '',
        followedAt: r.created_at.toISOString(),
      }),
    );
  }

  /** Someone's posts newest first: to themselves drafts and hidden ones too, to others the public ones. */
  async function postsOf(
    viewerId: string | null,
    authorId: string,
    page: { limit?: number; cursor?: string },
  ) {
    await mustExist(db, authorId);
    const limit = page.limit ?? 20;
    const rows = await q.postsOfAuthor(db, {
      authorId,
      all: viewerId === authorId,
      after: decodeTimeCursor(page.cursor),
      limit,
    });
    const posts = await present(db, rows.slice(0, limit), viewerId);
    const byId = new Map(posts.map((p) => [p.id, p]));
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => byId.get(r.id) as Post,
    );
  }

  async function profile(viewerId: string | null, userId: string) {
    await mustExist(db, userId);
    const [names, counts, followedByMe, badges, recentPosts] = await Promise.all([
      ports.names(db, [userId]),
      q.authorCounts(db, userId),
      viewerId ? q.follows(db, viewerId, userId) : Promise.resolve(false),
      ports.badges(userId),
      postsOf(viewerId, userId, { limit: 20 }),
    ]);
    return {
      id: userId,
      name: names.get(userId) ?? '',
      ...counts,
      followedByMe,
      mine: viewerId === userId,
      badges,
      recentPosts,
    };
  }

  /** How moderation sees and hides posts and comments (registered in app.ts). */
  const moderatedPosts = {
    async describe(conn: Queryable, ids: readonly string[]) {
      const rows = await q.postsForModeration(conn, ids);
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.author_id,
            text: r.body.slice(0, PREVIEW),
            createdAt: r.created_at,
            hidden: r.hidden,
            link: `/posts/${encodeURIComponent(r.id)}`,
          },
        ]),
      );
    },
    setHidden: q.setPostHidden,
  };
  const moderatedComments = {
    async describe(conn: Queryable, ids: readonly string[]) {
      const rows = await q.commentsByIds(conn, ids);
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.author_id,
            text: r.body.slice(0, PREVIEW),
            createdAt: r.created_at,
            hidden: r.hidden,
            link: `/posts/${encodeURIComponent(r.post_id)}`,
          },
        ]),
      );
    },
    setHidden: q.setCommentHidden,
  };

  return {
    setLike,
    comment,
    comments,
    deleteComment,
    setFollow,
    followList,
    postsOf,
    profile,
    moderatedPosts,
    moderatedComments,
  };
}
