import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { PostsPorts } from './context.js';
import { createFeed } from './feed.js';
import { presentPosts, visibleTo } from './present.js';
import * as q from './queries.js';
import { checkKind, checkVideoUrl, namedProducts, unknownProductError } from './rules.js';
import type { Post, PostChanges, PostInput, PostStats } from './schemas.js';
import { createSocial } from './social.js';

export interface PostsDeps {
  db: Database;
  clock: Clock;
  ports: PostsPorts;
}

export type PostsService = ReturnType<typeof createPostsService>;

const postGone = () => notFound('Post');

export function createPostsService({ db, clock, ports }: PostsDeps) {
  const present = (conn: Queryable, rows: readonly q.PostRow[], viewerId: string | null) =>
    presentPosts(conn, ports, rows, viewerId);

  /**
   * Products the catalog sells (asked outside any transaction: the catalog reads on its own
   * connection) and images the author uploaded; a 400 naming the first that is not.
   */
  async function checkProducts(productIds: readonly string[], listItems: readonly { productId: string }[]) {
    const named = namedProducts(productIds, listItems);
    const known = new Set((await ports.products(named)).map((p) => p.id));
    const unknown = unknownProductError(productIds, listItems, known);
    if (unknown) throw unknown;
  }

  async function checkImages(conn: Queryable, authorId: string, images: readonly string[]) {
    for (const [i, url] of images.entries()) {
      if (!(await ports.ownsImage(conn, authorId, url)))
        throw invalidInput(`/images/${i}`, 'is not an image you uploaded', 'uploaded_image');
    }
  }

  async function create(authorId: string, input: PostInput): Promise<Post> {
    const kind = input.kind ?? 'post';
    const listItems = input.listItems ?? [];
    const images = input.images ?? [];
    const productIds = [...new Set(input.productIds ?? [])];
    checkKind(kind, listItems);
    checkVideoUrl(input.videoUrl);
    await checkProducts(productIds, listItems);
    const row = await db.transaction(async (tx) => {
      await ports.moderation.assertMayPost(tx, authorId);
      await checkImages(tx, authorId, images);
      const now = clock.now();
      return q.insertPost(tx, {
        id: newId(),
        author_id: authorId,
        kind,
        // Stored exactly as typed: every page renders it escaped.
        body: input.body,
        images,
        video_url: input.videoUrl ?? null,
        product_ids: productIds,
        list_items: listItems,
        published_at: input.draft ? null : now,
        created_at: now,
      });
    });
    return (await present(db, [row], authorId))[0] as Post;
  }

  /** The author's own post, locked; anyone else's is 404 (not 403): it may as well not exist. */
  async function ownPost(tx: Tx, authorId: string, id: string) {
    const row = await q.lockPost(tx, id);
    if (!row || row.author_id !== authorId) throw postGone();
    return row;
  }

  async function update(authorId: string, id: string, changes: PostChanges): Promise<Post> {
    // Someone else's post is 404 before anything about the body is said.
    const found = await q.findPost(db, id);
    if (!found || found.author_id !== authorId) throw postGone();
    await checkProducts(changes.productIds ?? [], changes.listItems ?? []);
    const updated = await db.transaction(async (tx) => {
      const row = await ownPost(tx, authorId, id);
      await ports.moderation.assertMayPost(tx, authorId);
      const next = {
        kind: changes.kind ?? row.kind,
        body: changes.body ?? row.body,
        images: changes.images ?? row.images,
        video_url: changes.videoUrl === undefined ? row.video_url : changes.videoUrl,
        product_ids: changes.productIds ? [...new Set(changes.productIds)] : row.product_ids,
        list_items: changes.listItems ?? row.list_items,
        // Publishing stamps the time once; a published post does not go back to being a draft.
        published_at: row.published_at ?? (changes.draft === false ? clock.now() : null),
      };
      if (changes.draft === true && row.published_at)
        throw invalidInput('/draft', 'a published post cannot become a draft again', 'published');
      checkKind(next.kind, next.list_items);
      checkVideoUrl(next.video_url);
      await checkImages(tx, authorId, changes.images ?? []);
      return q.updatePost(tx, id, next, clock.now());
    });
    return (await present(db, [updated], authorId))[0] as Post;
  }

  async function remove(authorId: string, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      await ownPost(tx, authorId, id);
      await q.deletePost(tx, id);
    });
  }

  /** A post as the viewer may see it; an open by anyone but its author counts as a view. */
  async function read(
    viewerId: string | null,
    id: string,
    opts: { countView?: boolean } = {},
  ): Promise<Post> {
    const row = await q.findPost(db, id);
    if (!row || !visibleTo(row, viewerId)) throw postGone();
    if (opts.countView && row.author_id !== viewerId && row.published_at) {
      await q.countView(db, id);
      ports.onViewed?.({ postId: id, viewerId });
    }
    return (await present(db, [row], viewerId))[0] as Post;
  }

  /** A published, visible post's author, or undefined: what a sale through it credits. */
  async function authorOfPublic(conn: Queryable, id: string): Promise<string | undefined> {
    const row = await q.findPost(conn, id);
    return row && row.published_at !== null && !row.hidden ? row.author_id : undefined;
  }

  /** A tap on a tagged product (a product the post does not name is a 400). */
  async function click(viewerId: string | null, id: string, productId: string): Promise<void> {
    const row = await q.findPost(db, id);
    if (!row || !visibleTo(row, viewerId)) throw postGone();
    if (!namedProducts(row.product_ids, row.list_items).includes(productId))
      throw invalidInput('/productId', 'is not a product of this post', 'unknown_product', { productId });
    if (row.author_id !== viewerId) await q.countTagClick(db, id);
  }

  async function statsOf(conn: Queryable, rows: readonly q.PostRow[]): Promise<Map<string, PostStats>> {
    const sales = await ports.sales(
      conn,
      rows.map((r) => r.id),
    );
    const stats = new Map<string, PostStats>();
    for (const row of rows) {
      const shared = await ports.shareClicks(conn, row.id);
      const sale = sales.get(row.id);
      stats.set(row.id, {
        views: row.view_count,
        likes: row.like_count,
        comments: row.comment_count,
        clicks: row.tag_clicks + shared,
        orders: sale?.orders ?? 0,
        gmv: sale?.gmv ?? 0,
      });
    }
    return stats;
  }

  /** The author's (or an operator's) figures; anyone else gets 404. */
  async function stats(viewer: { id: string; isAdmin: boolean }, id: string): Promise<PostStats> {
    const row = await q.findPost(db, id);
    if (!row || (row.author_id !== viewer.id && !viewer.isAdmin)) throw postGone();
    return (await statsOf(db, [row])).get(id) as PostStats;
  }

  /** The author's own posts, drafts and hidden ones too, each with its figures (the console list). */
  async function mine(authorId: string, page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const rows = await q.postsOfAuthor(db, {
      authorId,
      all: true,
      after: decodeTimeCursor(page.cursor),
      limit,
    });
    const shown = rows.slice(0, limit);
    const [posts, stats] = await Promise.all([present(db, shown, authorId), statsOf(db, shown)]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => ({ post: byId.get(r.id) as Post, stats: stats.get(r.id) as PostStats }),
    );
  }

  /** Every published post (hidden ones too) with its figures, for the console. */
  async function everyPublished(page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const rows = await q.publishedPosts(db, { after: decodeTimeCursor(page.cursor), limit });
    const shown = rows.slice(0, limit);
    const [posts, stats] = await Promise.all([present(db, shown, null), statsOf(db, shown)]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => ({ post: byId.get(r.id) as Post, stats: stats.get(r.id) as PostStats }),
    );
  }

  /**
   * Reactions to orders. A paid order placed through a post counts as a purchase in the feed's
   * score, once per order (a retried job inserts nothing new); deferred, so a payment never waits on it.
   */
  const reactions = {
    countPurchase: async (tx: Tx, event: { orderId: string }) => {
      const source = await ports.orderSource(tx, event.orderId);
      if (source?.type === 'post') await q.recordPurchase(tx, event.orderId, source.id, clock.now());
    },
  };

  const social = createSocial({ db, clock, ports, present });
  const feed = createFeed({ db, clock, present });

  return {
    /** Every follow (read-only, for the incentive simulator's shop graph). */
    followPairs: () => q.followPairs(db),
    /** Standing likes of product-tagging posts and the posts' tags (read-only, the recommender's signals). */
    productLikes: () => q.productLikes(db),
    productTags: () => q.productTags(db),
    create,
    update,
    remove,
    read,
    click,
    stats,
    mine,
    everyPublished,
    authorOfPublic,
    reactions,
    ...social,
    feed,
  };
}
