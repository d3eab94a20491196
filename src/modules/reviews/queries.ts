import type { Queryable } from '../../platform/db.js';

export interface ReviewRow {
  id: string;
  order_id: string;
  user_id: string;
  rating: number;
  body: string;
  images: string[];
  follow_up_body: string | null;
  follow_up_images: string[];
  follow_up_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
}

export interface LineRow {
  review_id: string;
  order_item_id: string;
  product_id: string;
  title: string;
  variant_title: string;
}

/** Photos first (the review's or its follow-up's), then newest: the order of every review list. */
const HAS_PHOTOS = '(cardinality(r.images) + cardinality(r.follow_up_images) > 0)';
const ORDER = `${HAS_PHOTOS} DESC, r.created_at DESC, r.id DESC`;

export interface ListCursor {
  photos: boolean;
  at: string;
  id: string;
}

export async function insertReview(conn: Queryable, row: ReviewRow, lines: readonly LineRow[]) {
  await conn.query(
    `INSERT INTO reviews (id, order_id, user_id, rating, body, images, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.id, row.order_id, row.user_id, row.rating, row.body, row.images, row.created_at],
  );
  for (const l of lines)
    await conn.query(
      `INSERT INTO review_lines (review_id, order_item_id, product_id, title, variant_title)
       VALUES ($1, $2, $3, $4, $5)`,
      [l.review_id, l.order_item_id, l.product_id, l.title, l.variant_title],
    );
}

/** Serializes reviews of one order (the lines-left check and the insert), across processes. */
export async function lockOrderReviews(conn: Queryable, orderId: string) {
  await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.reviews:' || $1, 0))`, [orderId]);
}

export const findReview = async (conn: Queryable, id: string, lock = false) =>
  (
    await conn.query<ReviewRow>(`SELECT * FROM reviews WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [
      id,
    ])
  )[0];

export const reviewsOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<ReviewRow>('SELECT * FROM reviews WHERE order_id = $1 ORDER BY created_at, id', [orderId]);

export const linesOf = (conn: Queryable, reviewIds: readonly string[]) =>
  conn.query<LineRow>('SELECT * FROM review_lines WHERE review_id = ANY($1) ORDER BY order_item_id', [
    reviewIds,
  ]);

export async function addFollowUp(conn: Queryable, id: string, body: string, images: string[], at: Date) {
  const rows = await conn.query(
    `UPDATE reviews SET follow_up_body = $2, follow_up_images = $3, follow_up_at = $4
     WHERE id = $1 AND follow_up_at IS NULL RETURNING id`,
    [id, body, images, at],
  );
  return rows.length > 0;
}

export async function setHidden(
  conn: Queryable,
  id: string,
  hidden: boolean,
  reason: string | null,
  at: Date,
) {
  const rows = await conn.query<ReviewRow>(
    `UPDATE reviews SET hidden_at = CASE WHEN $2 THEN coalesce(hidden_at, $4) END,
       hidden_reason = CASE WHEN $2 THEN $3 END
     WHERE id = $1 RETURNING *`,
    [id, hidden, reason, at],
  );
  return rows[0];
}

/** A product's visible reviews, photos first then newest, `limit + 1` of them for the page. */
export function productReviews(conn: Queryable, productId: string, limit: number, after?: ListCursor) {
  return conn.query<ReviewRow>(
    `SELECT r.* FROM reviews r
     WHERE r.hidden_at IS NULL
       AND EXISTS (SELECT 1 FROM review_lines l WHERE l.review_id = r.id AND l.product_id = $1)
       AND ($2::boolean IS NULL OR (${HAS_PHOTOS}, r.created_at, r.id) < ($2::boolean, $3::timestamptz, $4::text))
     ORDER BY ${ORDER} LIMIT $5`,
    [productId, after?.photos ?? null, after?.at ?? null, after?.id ?? null, limit + 1],
  );
}

/** How many visible reviews of the product gave each rating. */
export async function ratingCounts(conn: Queryable, productId: string): Promise<Map<number, number>> {
  const rows = await conn.query<{ rating: number; n: number }>(
    `SELECT r.rating, count(*)::int AS n FROM reviews r
     WHERE r.hidden_at IS NULL
       AND EXISTS (SELECT 1 FROM review_lines l WHERE l.review_id = r.id AND l.product_id = $1)
     GROUP BY r.rating`,
    [productId],
  );
  return new Map(rows.map((r) => [Number(r.rating), r.n]));
}

/** The console's list: newest first, by hidden state and product. */
export function adminReviews(
  conn: Queryable,
  filter: { hidden?: boolean; productId?: string; limit: number; after?: { at: string; id: string } },
) {
  return conn.query<ReviewRow>(
    `SELECT r.* FROM reviews r
     WHERE ($1::boolean IS NULL OR (r.hidden_at IS NOT NULL) = $1)
       AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM review_lines l WHERE l.review_id = r.id AND l.product_id = $2))
       AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::text))
     ORDER BY r.created_at DESC, r.id DESC LIMIT $5`,
    [
      filter.hidden ?? null,
      filter.productId ?? null,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
}

export const reviewsByIds = (conn: Queryable, ids: readonly string[]) =>
  conn.query<ReviewRow>('SELECT * FROM reviews WHERE id = ANY($1)', [ids]);
