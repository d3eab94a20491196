import type { Queryable } from '../../platform/db.js';
import type { Dispute, Payment } from '../payments/index.js';
import type { OrderGroupBuy, OrderShipment, OrdersContext } from './context.js';
import * as q from './queries.js';
import type { OrderStatus } from './rules.js';

export interface OrderItem {
  id: string;
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  sku: string;
  image: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  /** Units of this line refunded so far. */
  refundedQuantity: number;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  subtotal: number;
  discount: number;
  total: number;
  /** What went back to the buyer so far; equal to `total` once refunded in full. */
  refundedAmount: number;
  currency: string;
  items: OrderItem[];
  address: Record<string, string> | null;
  shareCode: string | null;
  storeSlug: string | null;
  payment: Payment | null;
  /** The group this order was placed in, or null for an order outside group buying. */
  groupBuy: OrderGroupBuy | null;
  /** The carrier and tracking number once shipped, or null before. */
  shipment: OrderShipment | null;
  /** The latest chargeback on the order's payment, or null when it was never disputed. */
  dispute: Dispute | null;
  timeline: { status: string; note: string; at: string }[];
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
}

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
    total: row.total,
    refundedAmount: row.refunded_amount,
    currency: row.currency,
    items: items.filter((i) => i.order_id === row.id).map(presentItem),
    address: row.address,
    shareCode: row.share_code,
    storeSlug: row.store_slug,
    payment: payments.get(row.id) ?? null,
    groupBuy: groups.get(row.id) ?? null,
    shipment: shipments.get(row.id) ?? null,
    dispute: disputes.get(row.id) ?? null,
    timeline: events
      .filter((e) => e.order_id === row.id)
      .map((e) => ({ status: e.status, note: e.note, at: e.at.toISOString() })),
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function presentOrder(ctx: OrdersContext, conn: Queryable, row: q.OrderRow): Promise<Order> {
  const [order] = await presentOrders(ctx, conn, [row]);
  return order as Order;
}
