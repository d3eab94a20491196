import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { readerOf } from '../../platform/db-read.js';
import * as q from './queries.js';
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './rules.js';
import type { Post } from './schemas.js';

type Present = (conn: Queryable, rows: readonly q.PostRow[], viewerId: string | null) => Promise<Post[]>;

/**
 * The feed: posts of the people the viewer follows, newest first, then everyone else's by
 * popularity (rules.ts). One opaque cursor runs across both parts; both are read as of the first
 * page's time, and the popular part leaves out followed people's posts, so no post shows twice.
 * Anonymous readers get the popular part alone.
 */
export function createFeed(deps: { db: Database; clock: Clock; present: Present }) {
  const { clock, present } = deps;
  // Feeds may be a moment behind: they read the replica when there is one (platform/db-read).
  const db = readerOf(deps.db);

  return async function feed(viewerId: string | null, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const cursor = decodeFeedCursor(page.cursor);
    const asOf = cursor?.asOf ?? clock.now().toISOString();
    const rows: q.PostRow[] = [];
    let next: FeedCursor | null = null;

    if (viewerId && (cursor === undefined || cursor.part === 'following')) {
      const following = await q.followingPosts(db, {
        viewerId,
        asOf,
        after: cursor?.part === 'following' ? { at: cursor.at, id: cursor.id } : undefined,
        limit: limit + 1,
      });
      rows.push(...following.slice(0, limit));
      const last = rows.at(-1);
      if (following.length > limit && last?.published_at)
        next = { part: 'following', asOf, at: last.published_at.toISOString(), id: last.id };
    }
    if (next === null && rows.length <= limit) {
      const room = limit - rows.length;
      const popular = await q.popularPosts(db, {
        viewerId,
        asOf,
        after: cursor?.part === 'popular' ? { score: cursor.score, id: cursor.id } : undefined,
        limit: room + 1,
      });
      const shown = popular.slice(0, room);
      rows.push(...shown);
      const last = shown.at(-1);
      if (popular.length > room) {
        // A full page of followed posts ends exactly where the popular part starts.
        next = last
          ? { part: 'popular', asOf, score: last.score, id: last.id }
          : { part: 'popular', asOf, score: Number.MAX_VALUE, id: '' };
      }
    }
    return {
      items: await present(db, rows, viewerId),
      nextCursor: next ? encodeFeedCursor(next) : null,
    };
  };
}
