import type { Static } from 'typebox';
import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { placeOrder } from './checkout.js';
import * as contacts from './contacts.js';
import {
  EXPIRE_ORDER_JOB,
  EXPIRE_SWEEP_MS,
  EXPIRE_UNPAID_SWEEP,
  type OrdersContext,
  REFUND_LATE_PAYMENT_JOB,
} from './context.js';
import {
  cancelByBuyer,
  completePickup,
  confirmDeliveryAutomatically,
  confirmReceipt,
  markShipped,
} from './delivery.js';
import { deliverGiftTo, type GiftAddressInput, holderOfRow } from './gift-delivery.js';
import {
  cancelUnpaidOrder,
  completeOrder,
  confirmPayment,
  expireLapsedOrders,
  recordPaymentFailure,
  UNPAID_EXPIRY_NOTE,
} from './lifecycle.js';
import { type Order, presentOrder, presentOrders } from './present.js';
import * as q from './queries.js';
import { placeRedemptionOrder, type RedemptionOrderInput } from './redemption-order.js';
import type { RefundRequest } from './refunds.js';
import {
  claimRefund,
  finishRefund,
  REFUND_RECOVERY_JOB,
  refundLatePayment,
  refundOrder,
  refundOrderIf,
  resumeUnfinishedRefunds,
  UNFINISHED_AFTER_MS,
} from './refunds.js';
import { payInSandbox, type SandboxOutcome } from './sandbox-pay.js';
import type { AdminOrderSchema } from './schemas.js';

export type AdminOrder = Static<typeof AdminOrderSchema>;

export function createOrdersService(ctx: OrdersContext) {
  ctx.jobs.every(EXPIRE_UNPAID_SWEEP, EXPIRE_SWEEP_MS, async (_payload, job) => {
    await expireLapsedOrders(ctx, job.now);
  });
  // Checkouts before the sweep queued one job per order; those still queued run as before.
  ctx.jobs.register(EXPIRE_ORDER_JOB, async (payload) => {
    await cancelUnpaidOrder(ctx, String(payload.orderId), UNPAID_EXPIRY_NOTE);
  });
  ctx.jobs.register(REFUND_LATE_PAYMENT_JOB, (payload) => refundLatePayment(ctx, String(payload.paymentId)));
  ctx.jobs.every(REFUND_RECOVERY_JOB, UNFINISHED_AFTER_MS, async (_payload, job) => {
    await resumeUnfinishedRefunds(ctx, job.now);
  });
  ctx.jobs.every('idempotency.purge', 3_600_000, () => ctx.idempotency.purgeExpired(ctx.db));

  /**
   * The order if `viewer` may see it: its buyer, the recipient of a gift they claimed, or an admin.
   * Anyone else gets 404, not 403. `origin` makes a gift's claim link absolute for its buyer.
   */
  async function getOrder(viewer: AuthUser, orderId: string, origin?: string): Promise<Order> {
    const row = await q.findOrder(ctx.db, orderId);
    const mayRead =
      row &&
      (row.user_id === viewer.id ||
        viewer.roles.includes('admin') ||
        (await holderOf(ctx.db, orderId)) === viewer.id);
    if (!row || !mayRead) throw notFound('Order');
    const [order] = await presentOrders(ctx, ctx.db, [row], viewer.id, origin);
    return order as Order;
  }

  /**
   * Who the order is in the hands of: its buyer, or once a gift is claimed its recipient, whose
   * after-sales and receipt it is from then on (the buyer's views keep the order, not the address).
   * Undefined for an unknown order.
   */
  async function holderOf(conn: Queryable, orderId: string): Promise<string | undefined> {
    const row = await q.findOrder(conn, orderId);
    return row ? holderOfRow(ctx, conn, row) : undefined;
  }

  /** For actions only the buyer may take (paying): admins get 404 too, unless it is their own order. */
  async function getOwnOrder(userId: string, orderId: string) {
    const row = await q.findOrder(ctx.db, orderId);
    if (!row || row.user_id !== userId) throw notFound('Order');
    return row;
  }

  /** The orders with their buyers' names and emails, looked up in accounts (unknown: empty). */
  async function withBuyers(conn: Queryable, rows: readonly q.OrderRow[]): Promise<AdminOrder[]> {
    const orders = await presentOrders(ctx, conn, rows);
    const contacts = await ctx.buyers.contactsOf(
      conn,
      rows.map((r) => r.user_id),
    );
    return orders.map((order) => {
      const contact = contacts.get(order.userId);
      return {
        ...order,
        buyer: { id: order.userId, name: contact?.name ?? '', email: contact?.email ?? '' },
      };
    });
  }

  async function getAdminOrder(orderId: string): Promise<AdminOrder> {
    const row = await q.findOrder(ctx.db, orderId);
    if (!row) throw notFound('Order');
    const [order] = await withBuyers(ctx.db, [row]);
    return order as AdminOrder;
  }

  async function pageOf(filter: q.OrderListFilter & { cursor?: string }) {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const buyerIds = filter.q ? await ctx.buyers.idsMatching(ctx.db, filter.q) : undefined;
    const rows = await q.listOrders(ctx.db, {
      ...filter,
      buyerIds,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    return { rows, visible: rows.slice(0, filter.limit) };
  }

  /** One buyer's orders, newest first (`origin` makes their gifts' claim links absolute). */
  async function listOrders(
    filter: Omit<q.OrderListFilter, 'q'> & { userId: string; cursor?: string; origin?: string },
  ): Promise<Page<Order>> {
    const { rows, visible } = await pageOf(filter);
    const orders = new Map(
      (await presentOrders(ctx, ctx.db, visible, filter.userId, filter.origin)).map((o) => [o.id, o]),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => orders.get(r.id) as Order,
    );
  }

  /** Every order, for the operator: by status, or searched by id prefix or the buyer's name or email. */
  async function listAdminOrders(
    filter: Omit<q.OrderListFilter, 'userId'> & { cursor?: string },
  ): Promise<Page<AdminOrder>> {
    const { rows, visible } = await pageOf(filter);
    const orders = new Map((await withBuyers(ctx.db, visible)).map((o) => [o.id, o]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => orders.get(r.id) as AdminOrder,
    );
  }

  return {
    placeOrder: placeOrder.bind(null, ctx),
    /** A points-mall redemption's order (total 0, paid in points), in the mall's transaction. */
    placeRedemptionOrder: (tx: Tx, input: RedemptionOrderInput) => placeRedemptionOrder(ctx, tx, input),
    confirmPayment: confirmPayment.bind(null, ctx),
    recordPaymentFailure: recordPaymentFailure.bind(null, ctx),
    completeOrder: completeOrder.bind(null, ctx),
    refundOrder: (
      orderId: string,
      reason: string,
      options?: Parameters<typeof refundOrder>[3],
      by?: Parameters<typeof refundOrder>[4],
    ) => refundOrder(ctx, orderId, reason, options, by),
    refundOrderIf: (
      orderId: string,
      reason: string,
      claim: Parameters<typeof refundOrderIf>[3],
      options?: Parameters<typeof refundOrderIf>[4],
    ) => refundOrderIf(ctx, orderId, reason, claim, options),
    /** Step 1 of a partial or full refund, in the caller's transaction (after-sales approval). */
    claimRefund: (tx: Tx, orderId: string, request: RefundRequest) => claimRefund(ctx, tx, orderId, request),
    /** Steps 2 and 3 of a claimed refund: the provider call, then the apply step. */
    finishRefund: (refundId: string) => finishRefund(ctx, refundId),
    resumeUnfinishedRefunds: () => resumeUnfinishedRefunds(ctx, ctx.clock.now()),
    /** A refund's state, for whoever claimed it. */
    refundStatus: async (conn: Queryable, refundId: string) =>
      (await ctx.payments.findRefund(conn, refundId))?.status,
    /** Locks the order row for the rest of the caller's transaction (to order locks before its own). */
    lockOrder: async (tx: Tx, orderId: string) => {
      const row = await q.lockOrder(tx, orderId);
      if (!row) throw notFound('Order');
      return presentOrder(ctx, tx, row);
    },
    cancelUnpaidOrder: cancelUnpaidOrder.bind(null, ctx),
    holderOf,
    /** A claimed gift's delivery address: the recipient's (typed or saved), in the claim's transaction. */
    deliverGiftTo: (tx: Tx, orderId: string, recipientId: string, address: GiftAddressInput) =>
      deliverGiftTo(ctx, tx, orderId, recipientId, address),
    markShipped: markShipped.bind(null, ctx),
    confirmReceipt: confirmReceipt.bind(null, ctx),
    confirmDeliveryAutomatically: confirmDeliveryAutomatically.bind(null, ctx),
    cancelByBuyer: cancelByBuyer.bind(null, ctx),
    /** A pickup order handed over at its pickup point: paid → completed, in the caller's transaction. */
    completePickup: (tx: Tx, orderId: string) => completePickup(ctx, tx, orderId),
    /** The order as the API shows it, read inside the caller's transaction (e.g. after shipping it). */
    orderIn: async (tx: Tx, orderId: string) => {
      const row = await q.findOrder(tx, orderId);
      if (!row) throw notFound('Order');
      return presentOrder(ctx, tx, row);
    },
    /** Orders as the API shows them (no pickup codes), read in the caller's connection; unknown ids are left out. */
    ordersIn: async (conn: Queryable, orderIds: readonly string[]) =>
      orderIds.length === 0 ? [] : presentOrders(ctx, conn, await q.findOrders(conn, orderIds)),
    getOrder,
    getOwnOrder,
    /** Normalized delivery keys and payment fingerprints, for distribution's fraud signals. */
    contactKeysOfOrders: contacts.contactKeysOfOrders,
    contactKeysOfUser: contacts.contactKeysOfUser,
    ordersSharingAddress: contacts.ordersSharingAddress,
    paidOrdersOf: contacts.paidOrdersOf,
    getAdminOrder,
    listOrders,
    listAdminOrders,
    /** Whether the sandbox provider is on (its pay routes exist only then). */
    paysInSandbox: ctx.sandbox !== undefined,
    /** The buyer pays (or fails to pay) their order on the sandbox's pay page. */
    payInSandbox: async (userId: string, orderId: string, outcome: SandboxOutcome, origin?: string) => {
      if (!ctx.sandbox) throw notFound('Sandbox');
      const order = await payInSandbox(ctx, ctx.sandbox, userId, orderId, outcome);
      // The buyer is the one paying: a pickup order's code, a gift's claim link are theirs at once.
      if (!order.pickup && !order.gift) return order;
      const row = (await q.findOrder(ctx.db, orderId)) as q.OrderRow;
      return presentOrder(ctx, ctx.db, row, userId, origin);
    },
    /** What the buyer's browser needs to finish paying: only the buyer (admins get 404 too). */
    paymentOf: async (userId: string, orderId: string) => {
      const order = await getOwnOrder(userId, orderId);
      return ctx.payments.checkoutOf(order.id);
    },
    attributionFacts: q.attributionFacts,
    /** Orders and GMV (goods, minor units) sold through one post or live room; the rule is at `salesOfSource` in queries.ts. */
    salesOfSource: q.salesOfSource,
    /** Buyer, paid total, refunded amount and points used: what the points module rewards and returns. */
    rewardFacts: q.rewardFacts,
    /** Serializes a provider's notice about an order with every other change to it. */
    lockOrderRow: q.lockOrder,
    hasPaidBefore: q.hasPaidBefore,
    statusHeld: q.statusHeld,
    /** Buyer, status (share-locked in the caller's transaction) and lines: what a review is checked against. */
    reviewFacts: q.reviewFacts,
    /** What each buyer spent (paid totals less refunds) and in how many orders, by buyer id. */
    spendingOf: async (conn: Queryable, buyerIds: readonly string[]) =>
      new Map(
        (await q.spendingOf(conn, [...new Set(buyerIds)])).map((r) => [
          r.user_id,
          { spent: Number(r.spent), orders: r.orders },
        ]),
      ),
    /** Buyers who spent at least `minimum` minor units (for the console's "spent at least" filter). */
    buyersWhoSpent: (conn: Queryable, minimum: number, limit = 5000) =>
      q.buyersWhoSpent(conn, minimum, limit),
    /** Buyers whose deliveries went to a phone containing these digits (the console's phone search). */
    buyersByPhone: (conn: Queryable, digits: string, limit = 500) => q.buyersByPhone(conn, digits, limit),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
