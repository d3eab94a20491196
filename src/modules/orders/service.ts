import { notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { placeOrder } from './checkout.js';
import * as contacts from './contacts.js';
import { EXPIRE_ORDER_JOB, type OrdersContext, REFUND_LATE_PAYMENT_JOB } from './context.js';
import {
  cancelUnpaidOrder,
  completeOrder,
  confirmPayment,
  recordPaymentFailure,
  refundLatePayment,
  refundOrder,
} from './lifecycle.js';
import { type Order, presentOrders } from './present.js';
import * as q from './queries.js';

export type AdminOrder = Order & { buyer: { id: string; name: string; email: string } };

export function createOrdersService(ctx: OrdersContext) {
  ctx.jobs.register(EXPIRE_ORDER_JOB, async (payload) => {
    await cancelUnpaidOrder(ctx, String(payload.orderId), 'not paid in time');
  });
  ctx.jobs.register(REFUND_LATE_PAYMENT_JOB, (payload) => refundLatePayment(ctx, String(payload.paymentId)));
  ctx.jobs.every('idempotency.purge', 3_600_000, () => ctx.idempotency.purgeExpired(ctx.db));

  /** The order if `viewer` may see it: its buyer or an admin. Anyone else gets 404, not 403. */
  async function getOrder(viewer: AuthUser, orderId: string): Promise<Order> {
    const row = await q.findOrder(ctx.db, orderId);
    if (!row || (row.user_id !== viewer.id && !viewer.roles.includes('admin'))) throw notFound('Order');
    const [order] = await presentOrders(ctx, ctx.db, [row]);
    return order as Order;
  }

  /** For actions only the buyer may take (paying): admins get 404 too, unless it is their own order. */
  async function getOwnOrder(userId: string, orderId: string) {
    const row = await q.findOrder(ctx.db, orderId);
    if (!row || row.user_id !== userId) throw notFound('Order');
    return row;
  }

  const withBuyer = (order: Order, row: q.OrderWithBuyerRow): AdminOrder => ({
    ...order,
    buyer: { id: row.user_id, name: row.buyer_name, email: row.buyer_email },
  });

  async function getAdminOrder(orderId: string): Promise<AdminOrder> {
    const row = await q.findOrderWithBuyer(ctx.db, orderId);
    if (!row) throw notFound('Order');
    const [order] = await presentOrders(ctx, ctx.db, [row]);
    return withBuyer(order as Order, row);
  }

  async function listOrders(filter: q.OrderListFilter & { cursor?: string }): Promise<Page<AdminOrder>> {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listOrders(ctx.db, {
      ...filter,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
    });
    const visible = rows.slice(0, filter.limit);
    const orders = new Map((await presentOrders(ctx, ctx.db, visible)).map((o) => [o.id, o]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => withBuyer(orders.get(r.id) as Order, r),
    );
  }

  return {
    placeOrder: placeOrder.bind(null, ctx),
    confirmPayment: confirmPayment.bind(null, ctx),
    recordPaymentFailure: recordPaymentFailure.bind(null, ctx),
    completeOrder: completeOrder.bind(null, ctx),
    refundOrder: refundOrder.bind(null, ctx),
    cancelUnpaidOrder: cancelUnpaidOrder.bind(null, ctx),
    getOrder,
    getOwnOrder,
    /** Normalized delivery keys and payment fingerprints, for distribution's fraud signals. */
    contactKeysOfOrders: contacts.contactKeysOfOrders,
    contactKeysOfUser: contacts.contactKeysOfUser,
    ordersSharingAddress: contacts.ordersSharingAddress,
    paidOrdersOf: contacts.paidOrdersOf,
    getAdminOrder,
    listOrders,
    attributionFacts: q.attributionFacts,
    hasPaidBefore: q.hasPaidBefore,
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
