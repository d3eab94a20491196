import { type Clock, storableInstant } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import type { DomainEvents, EventBus } from '../../platform/events.js';
import { decodeCursor, decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { ModeratedItem, ModeratedKind, Moderation } from '../../platform/moderation.js';
import { maskName } from '../../platform/privacy.js';
import { type AuditContext, record } from '../audit/index.js';
import type { OrdersService } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  FOLLOW_UP_AFTER_DAYS,
  followUpAvailableAt,
  isReviewable,
  linesToReview,
  summarize,
} from './rules.js';
import type { AdminReview, FollowUpInput, OwnReview, Review, ReviewInput } from './schemas.js';

export interface ReviewsDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  moderation: Moderation;
  orders: Pick<OrdersService, 'reviewFacts'>;
  /** The URL of the person's own upload; someone else's is the uploads module's 404. */
  photos: { ownedUrl(conn: Queryable, ownerId: string, uploadId: string): Promise<string> };
  /** Display names by user id (accounts' `namesOf`). */
  names: (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;
}

const iso = (d: Date) => d.toISOString();

/** The hidden reason of the reviews of an order refunded in full. */
export const ORDER_REFUNDED = 'order_refunded';

/** A product list's cursor: `[photos 0|1, created at, id]`, checked before it reaches SQL. */
function listCursorOf(cursor: string | undefined): q.ListCursor | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [photos, at, id] = key;
  const instant = typeof at === 'string' ? storableInstant(at) : undefined;
  if (key.length !== 3 || (photos !== 0 && photos !== 1) || typeof id !== 'string' || !instant)
    throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
  return { photos: photos === 1, at: instant.toISOString(), id };
}

function followUpOf(row: q.ReviewRow) {
  return row.follow_up_at && row.follow_up_body !== null
    ? { body: row.follow_up_body, images: row.follow_up_images, createdAt: iso(row.follow_up_at) }
    : null;
}

function publicReview(
  row: q.ReviewRow,
  lines: readonly q.LineRow[],
  name: string,
  productId?: string,
): Review {
  return {
    id: row.id,
    author: { name: maskName(name) },
    rating: row.rating,
    body: row.body,
    images: row.images,
    verifiedPurchase: true,
    variants: [
      ...new Set(
        lines
          .filter((l) => l.review_id === row.id && (productId === undefined || l.product_id === productId))
          .map((l) => l.variant_title)
          .filter((v) => v !== ''),
      ),
    ],
    followUp: followUpOf(row),
    createdAt: iso(row.created_at),
  };
}

function ownReview(row: q.ReviewRow, lines: readonly q.LineRow[], name: string): OwnReview {
  return {
    ...publicReview(row, lines, name),
    orderId: row.order_id,
    items: lines
      .filter((l) => l.review_id === row.id)
      .map((l) => ({
        orderItemId: l.order_item_id,
        productId: l.product_id,
        title: l.title,
        variantTitle: l.variant_title,
      })),
    hidden: row.hidden_at !== null,
    followUpAvailableAt: row.follow_up_at ? null : iso(followUpAvailableAt(row.created_at)),
  };
}

/** What the audit log keeps of a review's visibility. */
const visibility = (row: q.ReviewRow) => ({
  hidden: row.hidden_at !== null,
  hiddenReason: row.hidden_reason,
});

export function createReviewsService(deps: ReviewsDeps) {
  const { db, clock, events, moderation, orders, photos, names } = deps;

  const photosOf = async (tx: Tx, userId: string, ids: readonly string[] = []) => {
    const urls: string[] = [];
    for (const id of ids) urls.push(await photos.ownedUrl(tx, userId, id));
    return urls;
  };

  async function presentOwn(conn: Queryable, rows: readonly q.ReviewRow[]): Promise<OwnReview[]> {
    if (rows.length === 0) return [];
    const lines = await q.linesOf(
      conn,
      rows.map((r) => r.id),
    );
    const named = await names(
      conn,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ownReview(r, lines, named.get(r.user_id) ?? ''));
  }

  /** The order as its buyer may review it; another person's order is 404, as it is everywhere. */
  async function ownOrder(conn: Queryable, userId: string, orderId: string) {
    const facts = await orders.reviewFacts(conn, orderId);
    if (!facts || facts.userId !== userId) throw notFound('Order');
    return facts;
  }

  /**
   * Writes the buyer's review of an order: the named line, or every line not reviewed yet. The
   * order is share-locked (a refund waits) and its reviews serialized, so two reviews at once
   * cannot cover one line; the unique line index is the last guard. `review.created` is published
   * in the same transaction (growth and tasks count it once per order, however many reviews).
   */
  async function create(userId: string, orderId: string, input: ReviewInput): Promise<OwnReview> {
    const id = await db.transaction(async (tx) => {
      const order = await ownOrder(tx, userId, orderId);
      if (!isReviewable(order.status))
        throw refuse(
          'review_order_not_reviewable',
          { status: order.status },
          `A ${order.status} order cannot be reviewed`,
        );
      await q.lockOrderReviews(tx, orderId);
      const existing = await q.reviewsOfOrder(tx, orderId);
      const reviewed = new Set(
        (
          await q.linesOf(
            tx,
            existing.map((r) => r.id),
          )
        ).map((l) => l.order_item_id),
      );
      const outcome = linesToReview(order.lines, reviewed, input.orderItemId);
      if ('refusal' in outcome) {
        if (outcome.refusal === 'unknown_line') throw notFound('Order line');
        if (outcome.refusal === 'line_refunded')
          throw refuse(
            'review_line_refunded',
            { orderItemId: input.orderItemId as string },
            'The line was refunded in full',
          );
        throw refuse(
          'review_already_written',
          { reviewed: outcome.reviewed },
          'Every line asked for is reviewed already',
        );
      }
      await moderation.assertMayPost(tx, userId);
      const id = newId();
      const covered = order.lines.filter((l) => outcome.lines.includes(l.id));
      await q.insertReview(
        tx,
        {
          id,
          order_id: orderId,
          user_id: userId,
          rating: input.rating,
          body: input.body,
          images: await photosOf(tx, userId, input.images),
          follow_up_body: null,
          follow_up_images: [],
          follow_up_at: null,
          hidden_at: null,
          hidden_reason: null,
          created_at: clock.now(),
        },
        covered.map((l) => ({
          review_id: id,
          order_item_id: l.id,
          product_id: l.productId,
          title: l.title,
          variant_title: l.variantTitle,
        })),
      );
      await events.publish(tx, 'review.created', {
        userId,
        reviewId: id,
        // The first line's product when a review covers several: the event counts reviews, not products.
        productId: (covered[0] as (typeof covered)[number]).productId,
        orderId,
      });
      return id;
    });
    return (await presentOwn(db, [(await q.findReview(db, id)) as q.ReviewRow]))[0] as OwnReview;
  }

  /** The review's one follow-up, by its author, FOLLOW_UP_AFTER_DAYS or more after the review. */
  async function followUp(userId: string, reviewId: string, input: FollowUpInput): Promise<OwnReview> {
    await db.transaction(async (tx) => {
      const row = await q.findReview(tx, reviewId, true);
      if (!row || row.user_id !== userId) throw notFound('Review');
      if (row.follow_up_at)
        throw refuse('review_follow_up_exists', undefined, 'The review has its follow-up');
      const availableAt = followUpAvailableAt(row.created_at);
      const now = clock.now();
      if (now < availableAt)
        throw refuse(
          'review_follow_up_too_early',
          { availableAt: iso(availableAt), days: FOLLOW_UP_AFTER_DAYS },
          `A follow-up may be written from ${iso(availableAt)}`,
        );
      await moderation.assertMayPost(tx, userId);
      await q.addFollowUp(tx, reviewId, input.body, await photosOf(tx, userId, input.images), now);
    });
    return (await presentOwn(db, [(await q.findReview(db, reviewId)) as q.ReviewRow]))[0] as OwnReview;
  }

  /** The buyer's reviews of their order, hidden ones too, and the lines still to review. */
  async function ofOrder(userId: string, orderId: string) {
    const order = await ownOrder(db, userId, orderId);
    const items = await presentOwn(db, await q.reviewsOfOrder(db, orderId));
    const reviewed = new Set(items.flatMap((r) => r.items.map((i) => i.orderItemId)));
    return {
      items,
      nextCursor: null,
      reviewableItemIds: isReviewable(order.status)
        ? order.lines.filter((l) => !l.refundedInFull && !reviewed.has(l.id)).map((l) => l.id)
        : [],
    };
  }

  const summary = async (conn: Queryable, productId: string) =>
    summarize(await q.ratingCounts(conn, productId));

  /** A product's visible reviews, photos first then newest, with its rating summary. */
  async function ofProduct(productId: string, limit: number, cursor?: string) {
    const rows = await q.productReviews(db, productId, limit, listCursorOf(cursor));
    const visible = rows.slice(0, limit);
    const lines = await q.linesOf(
      db,
      visible.map((r) => r.id),
    );
    const named = await names(
      db,
      visible.map((r) => r.user_id),
    );
    const page = toPage(
      rows,
      limit,
      (r) => [r.images.length + r.follow_up_images.length > 0 ? 1 : 0, iso(r.created_at), r.id],
      (r) => publicReview(r, lines, named.get(r.user_id) ?? '', productId),
    );
    return { ...page, summary: await summary(db, productId) };
  }

  async function presentAdmin(conn: Queryable, rows: readonly q.ReviewRow[]): Promise<AdminReview[]> {
    const own = await presentOwn(conn, rows);
    const named = await names(
      conn,
      rows.map((r) => r.user_id),
    );
    return rows.map((r, i) => ({
      ...(own[i] as OwnReview),
      author: { id: r.user_id, name: named.get(r.user_id) ?? '' },
      hiddenReason: r.hidden_reason,
      hiddenAt: r.hidden_at ? iso(r.hidden_at) : null,
    }));
  }

  async function adminList(filter: {
    hidden?: boolean;
    productId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<AdminReview>> {
    const rows = await q.adminReviews(db, { ...filter, after: decodeTimeCursor(filter.cursor) });
    const shown = new Map((await presentAdmin(db, rows.slice(0, filter.limit))).map((r) => [r.id, r]));
    return toPage(
      rows,
      filter.limit,
      (r) => [iso(r.created_at), r.id],
      (r) => shown.get(r.id) as AdminReview,
    );
  }

  /** Hides or restores a review in the caller's transaction; undefined when there is no such review. */
  async function setHidden(tx: Tx, id: string, hidden: boolean, reason: string | null) {
    const before = await q.findReview(tx, id, true);
    if (!before) return undefined;
    const after = await q.setHidden(tx, id, hidden, hidden ? reason : null, clock.now());
    return { before, after: after as q.ReviewRow };
  }

  /** The operator hides a review (with the reason) or restores it; recorded in the audit log. */
  async function moderate(id: string, hidden: boolean, reason: string | null, by: AuditContext) {
    await db.transaction(async (tx) => {
      const changed = await setHidden(tx, id, hidden, reason);
      if (!changed) throw notFound('Review');
      await record(tx, {
        by,
        at: clock.now(),
        action: hidden ? 'review.hide' : 'review.restore',
        target: { type: 'review', id },
        before: visibility(changed.before),
        after: {
          ...visibility(changed.after),
          ...(hidden || !reason || !changed.before.hidden_at ? {} : { restoreNote: reason }),
        },
      });
    });
    return (await presentAdmin(db, [(await q.findReview(db, id)) as q.ReviewRow]))[0] as AdminReview;
  }

  /** How the moderation queue sees reviews (registered as kind `review`). */
  const moderated: ModeratedKind = {
    async describe(conn, ids) {
      const rows = await q.reviewsByIds(conn, ids);
      const lines = await q.linesOf(
        conn,
        rows.map((r) => r.id),
      );
      return new Map(
        rows.map((r): [string, ModeratedItem] => {
          const product = lines.find((l) => l.review_id === r.id)?.product_id;
          const text = r.follow_up_body ? `${r.body}\n\n${r.follow_up_body}` : r.body;
          return [
            r.id,
            {
              id: r.id,
              authorId: r.user_id,
              text: text.length > 500 ? `${text.slice(0, 500)}…` : text,
              createdAt: r.created_at,
              hidden: r.hidden_at !== null,
              link: product ? `/products/${product}` : null,
            },
          ];
        }),
      );
    },
    async setHidden(tx, id, hidden, reason) {
      return (await setHidden(tx, id, hidden, reason)) !== undefined;
    },
  };

  /**
   * Deferred reactions (src/reactions.ts). An order refunded in full is no longer a purchase to
   * vouch for: its reviews are hidden (`order_refunded`) and leave the product's page and summary.
   * A review an operator hid already keeps its reason; run twice, the second run finds none to hide.
   */
  const reactions = {
    onOrderRefunded: async (tx: Tx, e: DomainEvents['order.refunded']) => {
      for (const r of await q.reviewsOfOrder(tx, e.orderId))
        if (r.hidden_at === null) await setHidden(tx, r.id, true, ORDER_REFUNDED);
    },
  };

  return {
    create,
    followUp,
    ofOrder,
    ofProduct,
    summary: (productId: string) => summary(db, productId),
    adminList,
    hide: (id: string, reason: string, by: AuditContext) => moderate(id, true, reason, by),
    restore: (id: string, reason: string | null, by: AuditContext) => moderate(id, false, reason, by),
    moderated,
    ratingsOfOrders,
    reactions,
  };
}

/**
 * The visible reviews of these orders, for the trust value of whoever brought them: how many and
 * the sum of their ratings (a review counts once, however many lines it covers). Null when none.
 */
async function ratingsOfOrders(
  conn: Queryable,
  orderIds: readonly string[],
): Promise<{ count: number; ratingSum: number } | null> {
  if (orderIds.length === 0) return null;
  const [row] = await conn.query<{ count: number; rating_sum: number | null }>(
    `SELECT count(*)::int AS count, sum(rating)::int AS rating_sum
     FROM reviews WHERE order_id = ANY($1) AND hidden_at IS NULL`,
    [orderIds],
  );
  return row && row.count > 0 ? { count: row.count, ratingSum: row.rating_sum ?? 0 } : null;
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
