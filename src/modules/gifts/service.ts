import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { randomToken } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { maskedPerson } from '../../platform/privacy.js';
import type { Order, OrdersService } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { claimDeadline, claimRefusal, claimUrlOf, relationOf, TOKEN_BYTES } from './rules.js';
import type { ClaimInput, Gift, GiftItemView, MyGift } from './schemas.js';

export const GIFT_REFUND_JOB = 'gifts.refund-unclaimed';
/** The refund's reason on the order's timeline: stable, so the web app can translate it. */
export const GIFT_UNCLAIMED_NOTE = 'gift not claimed in time';

export interface GiftDeps {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
  events: EventBus;
  orders: Pick<OrdersService, 'ordersIn' | 'lockOrderRow' | 'deliverGiftTo' | 'refundOrderIf'>;
  names: (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;
  /** GIFT_CLAIM_DAYS: how long a paid gift waits for its recipient before it is refunded. */
  claimDays: number;
}

/**
 * Gifts: the link a paid gift order gets, the public page it opens, the one claim that gives the
 * order its recipient and address, and the refund of a gift nobody claimed in time.
 */
export function createGiftService(deps: GiftDeps) {
  const { db, clock, jobs, events, orders } = deps;
  jobs.register(GIFT_REFUND_JOB, (payload) => refundUnclaimed(String(payload.orderId)));

  const itemsOf = (order: Order | undefined): GiftItemView[] =>
    (order?.items ?? []).map((i) => ({
      productId: i.productId,
      title: i.title,
      variantTitle: i.variantTitle,
      image: i.image,
      quantity: i.quantity,
    }));

  const person = (names: Map<string, string>, id: string | null) =>
    id === null ? null : maskedPerson(names.get(id) ?? '');

  /** The gift behind a link, for anyone holding it: what is in it and from whom, never prices or address. */
  async function view(token: string, viewerId?: string): Promise<Gift> {
    const row = await q.findByToken(db, token);
    if (!row) throw notFound('Gift');
    const [order] = await orders.ordersIn(db, [row.order_id]);
    const names = await deps.names(db, [row.sender_id]);
    const yours = relationOf({ senderId: row.sender_id, recipientId: row.recipient_id }, viewerId);
    return {
      status: row.status,
      message: row.message,
      from: person(names, row.sender_id) ?? maskedPerson(''),
      items: itemsOf(order),
      claimBy: row.claim_by?.toISOString() ?? null,
      claimedAt: row.claimed_at?.toISOString() ?? null,
      yours,
      orderId: yours ? row.order_id : null,
    };
  }

  function refusal(row: q.GiftRow, userId: string) {
    const why = claimRefusal(
      { status: row.status, senderId: row.sender_id, claimBy: row.claim_by },
      userId,
      clock.now(),
    );
    switch (why) {
      case null:
        return null;
      case 'gift_unknown':
        return notFound('Gift');
      case 'gift_own':
        return refuse('gift_own', undefined, 'You sent this gift: send its link to the friend it is for');
      case 'gift_already_claimed':
        return refuse(
          'gift_already_claimed',
          { claimedAt: (row.claimed_at as Date).toISOString() },
          'This gift was claimed already',
        );
      case 'gift_refunded':
        return refuse('gift_refunded', undefined, 'This gift was refunded to its sender');
      case 'gift_expired':
        return refuse(
          'gift_expired',
          { claimBy: (row.claim_by as Date).toISOString() },
          'The time to claim this gift ran out',
        );
    }
  }

  /**
   * The recipient claims the gift with the address it ships to. Refusals that need no lock are
   * answered first; then the order's row lock (as a refund takes it, so a claim and the lapse's
   * refund cannot both win), the gift's, and the conditional update that makes the claim once.
   */
  async function claim(userId: string, token: string, input: ClaimInput) {
    const found = await q.findByToken(db, token);
    if (!found) throw notFound('Gift');
    const early = refusal(found, userId);
    if (early) throw early;
    return db.transaction(async (tx) => {
      await orders.lockOrderRow(tx, found.order_id);
      const gift = (await q.lockGift(tx, found.order_id)) as q.GiftRow;
      const late = refusal(gift, userId);
      if (late) throw late;
      await orders.deliverGiftTo(tx, gift.order_id, userId, input.address);
      const now = clock.now();
      if (!(await q.markClaimed(tx, { orderId: gift.order_id, recipientId: userId, now })))
        throw refuse(
          'gift_already_claimed',
          { claimedAt: now.toISOString() },
          'This gift was claimed already',
        );
      await events.publish(tx, 'gift.claimed', { orderId: gift.order_id, userId: gift.sender_id });
      return { status: 'claimed' as const, orderId: gift.order_id };
    });
  }

  /** The gifts a person sent (with their links) or received, newest first. */
  async function listMine(
    userId: string,
    filter: { box?: 'sent' | 'received'; limit: number; cursor?: string; origin: string },
  ): Promise<Page<MyGift>> {
    const box = filter.box ?? 'sent';
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.giftsFor(db, {
      userId,
      box,
      beforeId: beforeId === undefined ? null : String(beforeId),
      limit: filter.limit,
    });
    const visible = rows.slice(0, filter.limit);
    const shown = await orders.ordersIn(
      db,
      visible.map((r) => r.order_id),
    );
    const orderOf = new Map(shown.map((o) => [o.id, o]));
    const people = visible.flatMap((r) => [r.sender_id, ...(r.recipient_id ? [r.recipient_id] : [])]);
    const names = await deps.names(db, [...new Set(people)]);
    return toPage(
      rows,
      filter.limit,
      (r) => [r.order_id],
      (r): MyGift => ({
        orderId: r.order_id,
        status: r.status,
        message: r.message,
        from: person(names, r.sender_id) ?? maskedPerson(''),
        to: person(names, r.recipient_id),
        items: itemsOf(orderOf.get(r.order_id)),
        claimUrl: box === 'sent' && r.token ? claimUrlOf(filter.origin, r.token) : null,
        claimBy: r.claim_by?.toISOString() ?? null,
        claimedAt: r.claimed_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }

  /**
   * Job, at the claim deadline: an unclaimed gift's order is refunded in full (the units go back
   * to stock, coupons and points back to the sender by their own reactions). The gift is closed
   * under the order's lock in the refund claim's transaction, so a claim that got in first wins and
   * the refund does not happen; a job run twice refunds once.
   */
  async function refundUnclaimed(orderId: string): Promise<void> {
    await orders.refundOrderIf(orderId, GIFT_UNCLAIMED_NOTE, async (tx) => {
      const gift = await q.lockGift(tx, orderId);
      if (gift?.status !== 'unclaimed') return false;
      await q.closeGift(tx, orderId, 'refunded', clock.now());
      await events.publish(tx, 'gift.refunded', { orderId, userId: gift.sender_id });
      return true;
    });
  }

  /** On `order.paid`, in the payment's transaction: the link and the deadline, so the paid order shows them. */
  async function onPaid(tx: Tx, event: { orderId: string }) {
    const paidAt = clock.now();
    const claimBy = claimDeadline(paidAt, deps.claimDays);
    const paid = await q.markPaid(tx, {
      orderId: event.orderId,
      token: randomToken(TOKEN_BYTES),
      paidAt,
      claimBy,
    });
    if (!paid) return;
    await jobs.enqueue(
      tx,
      GIFT_REFUND_JOB,
      { orderId: event.orderId },
      { runAt: claimBy, dedupeKey: `gift-refund:${event.orderId}` },
    );
  }

  /** On `order.cancelled` (an unpaid gift order lapsed or was cancelled). */
  async function onCancelled(tx: Tx, event: { orderId: string }) {
    await q.closeGift(tx, event.orderId, 'cancelled', clock.now());
  }

  /** On `order.refunded`: an unclaimed gift refunded in full (by its sender's after-sales, or the operator) is closed. */
  async function onRefunded(tx: Tx, event: { orderId: string }) {
    await q.closeGift(tx, event.orderId, 'refunded', clock.now());
  }

  /** The claim link's token of a paid gift, for its sender's side (the demo sends its own gifts). */
  async function tokenOf(orderId: string): Promise<string | null> {
    return (await q.giftsOf(db, [orderId]))[0]?.token ?? null;
  }

  return { view, claim, listMine, tokenOf, reactions: { onPaid, onCancelled, onRefunded } };
}

export type GiftService = ReturnType<typeof createGiftService>;
