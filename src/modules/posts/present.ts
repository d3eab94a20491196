import type { Queryable } from '../../platform/db.js';
import type { PostsPorts } from './context.js';
import * as q from './queries.js';
import { namedProducts } from './rules.js';
import type { Post, TaggedProduct } from './schemas.js';

/** Posts as the API shows them, many at once: one names query, one products query, one likes query. */
export async function presentPosts(
  conn: Queryable,
  ports: Pick<PostsPorts, 'names' | 'products'>,
  rows: readonly q.PostRow[],
  viewerId: string | null,
): Promise<Post[]> {
  if (rows.length === 0) return [];
  const productIds = [...new Set(rows.flatMap((r) => namedProducts(r.product_ids, r.list_items)))];
  const [names, products, liked] = await Promise.all([
    ports.names(conn, [...new Set(rows.map((r) => r.author_id))]),
    ports.products(productIds),
    viewerId
      ? q.likedBy(
          conn,
          viewerId,
          rows.map((r) => r.id),
        )
      : Promise.resolve(new Set<string>()),
  ]);
  const byId = new Map(products.map((p) => [p.id, p]));
  return rows.map((row) => presentPost(row, names, byId, liked.has(row.id), viewerId));
}

function presentPost(
  row: q.PostRow,
  names: Map<string, string>,
  products: Map<string, TaggedProduct>,
  liked: boolean,
  viewerId: string | null,
): Post {
  const known = (id: string) => products.get(id);
  return {
    id: row.id,
    kind: row.kind,
    body: row.body,
    images: row.images,
    videoUrl: row.video_url,
    author: { id: row.author_id, name: names.get(row.author_id) ?? '' },
    products: namedProducts(row.product_ids, row.list_items).flatMap((id) => known(id) ?? []),
    listItems: row.list_items.flatMap((item) => {
      const product = known(item.productId);
      return product ? [{ product, note: item.note }] : [];
    }),
    likes: row.like_count,
    liked,
    comments: row.comment_count,
    draft: row.published_at === null,
    hidden: row.hidden,
    mine: row.author_id === viewerId,
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    editedAt: row.edited_at?.toISOString() ?? null,
  };
}

/** Whether the viewer may see the post: its author always (drafts, hidden), others when public. */
export const visibleTo = (row: q.PostRow, viewerId: string | null) =>
  row.author_id === viewerId || (row.published_at !== null && !row.hidden);
