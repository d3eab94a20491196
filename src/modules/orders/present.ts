import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db.js';
import type { Dispute, Payment } from '../payments/index.js';
import type { OrderGift, OrderGroupBuy, OrderPickup, OrderShipment, OrdersContext } from './context.js';
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

/**
 * Orders as the API shows them, with items, payment, group, shipment and timeline loaded in bulk.
 * A pickup code is shown only when `viewerId` is the order's buyer: operators' views, events and
 * other modules never carry it (the communities module shows it to the pickup point's staff itself).
 * A gift's claim link likewise goes to its buyer only, made absolute with `origin` (the public URL,
 * or the request's); and its buyer never sees where it ships: that is the recipient's address.
 */
export async function presentOrders(
  ctx: OrdersContext,
  conn: Queryable,
  rows: readonly q.OrderRow[],
  viewerId?: string,
  origin?: string,
): Promise<Order[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  // One after another: a transaction handle runs one statement at a time anyway.
  const parts: OrderParts = {
    items: await q.itemsOf(conn, ids),
    events: await q.eventsOf(conn, ids),
    payments: await ctx.payments.paymentsOf(conn, ids),
    groups: (await ctx.groupBuys?.ofOrders(conn, ids)) ?? new Map(),
    shipments: (await ctx.shipments?.ofOrders(conn, ids)) ?? new Map(),
    disputes: await ctx.payments.disputesOf(conn, ids),
    pickups: (await ctx.pickups?.ofOrders(conn, ids)) ?? new Map(),
    gifts: (await ctx.gifts?.ofOrders(conn, ids)) ?? new Map(),
  };
  return rows.map((row) => assemble(row, parts, viewerId, origin));
}

/** What a checkout has just written, so its 201 is built without reading the order back. */
export interface PlacedOrder {
  row: q.OrderRow;
  items: readonly Omit<q.OrderItemRow, 'refunded_quantity'>[];
  payment: Payment;
  /** Parts other modules wrote in the checkout's transaction: only these are read. */
  hasGroupSeat: boolean;
  hasPickup: boolean;
  isGift: boolean;
}

/**
 * The new order as `presentOrders` would show it: its lines, its one timeline event and its
 * payment are what checkout wrote; it has no shipment or dispute yet; a group seat, pickup or gift
 * is read from its module only when the order has one.
 */
export async function presentPlacedOrder(ctx: OrdersContext, conn: Queryable, placed: PlacedOrder) {
  const { row } = placed;
  const ids = [row.id];
  const parts: OrderParts = {
    // In id order, as `itemsOf` reads them back: the 201 and every later read list the lines alike.
    items: placed.items.map((i) => ({ ...i, refunded_quantity: 0 })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    events: [{ order_id: row.id, status: row.status, note: '', at: row.created_at }],
    payments: new Map([[row.id, placed.payment]]),
    groups: (placed.hasGroupSeat && (await ctx.groupBuys?.ofOrders(conn, ids))) || new Map(),
    shipments: new Map(),
    disputes: new Map(),
    pickups: (placed.hasPickup && (await ctx.pickups?.ofOrders(conn, ids))) || new Map(),
    gifts: (placed.isGift && (await ctx.gifts?.ofOrders(conn, ids))) || new Map(),
  };
  return assemble(row, parts);
}

interface OrderParts {
  items: readonly q.OrderItemRow[];
  events: readonly q.OrderEventRow[];
  payments: ReadonlyMap<string, Payment>;
  groups: ReadonlyMap<string, OrderGroupBuy>;
  shipments: ReadonlyMap<string, OrderShipment>;
  disputes: ReadonlyMap<string, Dispute>;
  pickups: ReadonlyMap<string, OrderPickup>;
  gifts: ReadonlyMap<string, OrderGift>;
}

function assemble(row: q.OrderRow, parts: OrderParts, viewerId?: string, origin?: string): Order {
  const { items, events, payments, groups, shipments, disputes, pickups, gifts } = parts;
  return {
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
    address: gifts.has(row.id) && row.user_id === viewerId ? null : (row.address as Order['address']),
    shareCode: row.share_code,
    storeSlug: row.store_slug,
    source: q.sourceOf(row),
    payment: payments.get(row.id) ?? null,
    groupBuy: groups.get(row.id) ?? null,
    shipment: shipments.get(row.id) ?? null,
    dispute: disputes.get(row.id) ?? null,
    ...presentPickup(pickups.get(row.id), row.user_id === viewerId),
    gift: presentGift(gifts.get(row.id), row.user_id === viewerId ? origin : undefined),
    timeline: events
      .filter((e) => e.order_id === row.id)
      .map((e) => ({ status: e.status as TimelineStatus, note: e.note, at: e.at.toISOString() })),
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentPickup(pickup: OrderPickup | undefined, toBuyer: boolean) {
  if (!pickup) return { pickup: null, pickupCode: null };
  const { code, ...shown } = pickup;
  return { pickup: shown, pickupCode: toBuyer ? code : null };
}

/** The gift as its order shows it; the claim link only with the buyer's `origin` and once paid. */
function presentGift(gift: OrderGift | undefined, buyerOrigin: string | undefined): Order['gift'] {
  if (!gift) return null;
  const claimUrl = buyerOrigin && gift.token ? `${buyerOrigin}/gifts/${gift.token}` : null;
  return {
    status: gift.status,
    message: gift.message,
    claimUrl,
    claimBy: gift.claimBy,
    claimedAt: gift.claimedAt,
  };
}

export async function presentOrder(
  ctx: OrdersContext,
  conn: Queryable,
  row: q.OrderRow,
  viewerId?: string,
  origin?: string,
): Promise<Order> {
  const [order] = await presentOrders(ctx, conn, [row], viewerId, origin);
  return order as Order;
}
