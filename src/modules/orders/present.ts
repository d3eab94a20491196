import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db.js';
import type { OrderGroupBuy, OrderShipment, OrdersContext } from './context.js';
import * as q from './queries.js';
import { POINTS_PROVIDER } from './rules.js';
import type { OrderSchema } from './schemas.js';

export type Order = Static<typeof OrderSchema>;
type OrderItem = Order['items'][number];
type TimelineStatus = Order['timeline'][number]['status'];

const presentItem = (i: q.OrderItemRow): OrderItem => ({
  id: i.id,
  variantId: i.variant_id,
  productId: i.product_id,
  title: i.title,
  variantTitle: i.variant_title,
  sku: i.sku,
  image: i.image,
  unitPrice: i.unit_price,
  quantity: i.quantity,
  lineTotal: i.line_total,
  refundedQuantity: i.refunded_quantity,
});

/** Orders as the API shows them, with items, payment, group, shipment and timeline loaded in bulk. */
export async function presentOrders(
  ctx: OrdersContext,
  conn: Queryable,
  rows: readonly q.OrderRow[],
): Promise<Order[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  // One after another: a transaction handle runs one statement at a time anyway.
  const items = await q.itemsOf(conn, ids);
  const events = await q.eventsOf(conn, ids);
  const payments = await ctx.payments.paymentsOf(conn, ids);
  const groups = (await ctx.groupBuys?.ofOrders(conn, ids)) ?? new Map<string, OrderGroupBuy>();
  const shipments = (await ctx.shipments?.ofOrders(conn, ids)) ?? new Map<string, OrderShipment>();
  const disputes = await ctx.payments.disputesOf(conn, ids);
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    status: row.status,
    subtotal: row.subtotal,
    discount: row.discount,
    memberDiscount: row.member_discount,
    pointsUsed: row.points_used,
    pointsDiscount: row.points_discount,
    total: row.total,
    shippingFee: row.shipping_fee,
    shippingRefunded: row.shipping_refunded,
    refundedAmount: row.refunded_amount,
    pointsRedemption: row.provider === POINTS_PROVIDER,
    currency: row.currency,
    items: items.filter((i) => i.order_id === row.id).map(presentItem),
    address: row.address as Order['address'],
    shareCode: row.share_code,
    storeSlug: row.store_slug,
    source: q.sourceOf(row),
    payment: payments.get(row.id) ?? null,
    groupBuy: groups.get(row.id) ?? null,
    shipment: shipments.get(row.id) ?? null,
    dispute: disputes.get(row.id) ?? null,
    timeline: events
      .filter((e) => e.order_id === row.id)
      .map((e) => ({ status: e.status as TimelineStatus, note: e.note, at: e.at.toISOString() })),
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function presentOrder(ctx: OrdersContext, conn: Queryable, row: q.OrderRow): Promise<Order> {
  const [order] = await presentOrders(ctx, conn, [row]);
  return order as Order;
}
