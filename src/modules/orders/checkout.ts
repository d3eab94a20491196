import { addMs } from '../../platform/clock.js';
import type { ContentSource } from '../../platform/content-sources.js';
import type { Tx } from '../../platform/db.js';
import { AppError, invalidInput } from '../../platform/errors.js';
import { requestHash, type StoredResponse } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { addressInputErrors } from './address-rules.js';
import { type DealKind, type DiscountableLine, EXPIRE_ORDER_JOB, type OrdersContext } from './context.js';
import { cancelUnpaidOrder } from './lifecycle.js';
import { type Order, presentOrder } from './present.js';
import { priceCheckout } from './pricing.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { computeTotals, MAX_QUANTITY, mergeLines, type RequestedLine } from './rules.js';
import { recordShippingFee, shippingFeeOf } from './shipping.js';

export interface PlaceOrderInput {
  items: RequestedLine[];
  /** Typed out, or `{ addressId }` of one of the buyer's saved addresses (copied into the order). */
  address?: Record<string, string | undefined>;
  shareCode?: string;
  storeSlug?: string;
  /** The post the buyer ordered from (at most one of `postId` and `liveRoomId`). */
  postId?: string;
  /** The live room the buyer ordered from. */
  liveRoomId?: string;
  /** One of the buyer's own coupons (a user-coupon id); one coupon per order. */
  couponId?: string;
  /** Points to spend on the order (the points module caps them by the operator's limits). */
  points?: number;
  /** Open a group in a campaign (no `groupId`) or join one. */
  groupBuy?: { campaignId: string; groupId?: string };
  /** Collected at this community's pickup point instead of delivered to `address`. */
  pickup?: { communityId: string };
  /** Bought at a flash sale's price: one line of its variant. */
  flashSale?: { saleId: string };
  /** Bought at a bargain's price by its starter: one unit of its variant. */
  bargain?: { bargainId: string };
  /** Sent to a friend who claims it with their address: no `address` or `pickup` of the buyer's. */
  gift?: { message?: string };
}

/** Where the request came from: kept with the order for attribution and the self-dealing check. */
export interface CheckoutContext {
  idempotencyKey?: string;
  deviceId?: string;
  ip?: string;
}

/**
 * Checkout, in three steps, each with a named undo:
 *  1. reserve stock and create the order (one transaction)   — undo: cancelUnpaidOrder releases the stock
 *  2. create the payment at the provider (no transaction)    — undo: none needed, an unpaid intent lapses
 *  3. record the payment and the idempotent response         — undo: rolls back with its transaction
 */
export async function placeOrder(
  ctx: OrdersContext,
  userId: string,
  input: PlaceOrderInput,
  context: CheckoutContext = {},
): Promise<StoredResponse & { body: Order }> {
  const { idempotencyKey } = context;
  const lines = validateLines(input.items);
  assertOneDeal(input);
  const source = contentSourceOf(input);
  const addressProblems = input.address ? addressInputErrors(input.address) : [];
  if (addressProblems.length > 0)
    throw new AppError('invalid_input', 'The request is invalid', addressProblems);
  if (input.pickup && input.address)
    throw invalidInput(
      '/address',
      'a pickup order is collected at its pickup point: send no address',
      'additionalProperties',
    );
  assertGiftDelivery(ctx, input);
  const hash = requestHash(input);
  if (idempotencyKey) {
    const replay = await ctx.idempotency.find(ctx.db, userId, idempotencyKey, hash);
    if (replay) return replay as StoredResponse & { body: Order };
  }

  const created = await ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      const replay = await ctx.idempotency.claim(tx, userId, idempotencyKey, hash);
      if (replay) return { replay };
    }
    return { order: await reserveAndCreate(ctx, tx, userId, input, lines, source, context) };
  });
  if ('replay' in created && created.replay) return created.replay as StoredResponse & { body: Order };
  const order = (created as { order: q.OrderRow }).order;

  let providerPayment: Awaited<ReturnType<typeof ctx.payments.createProviderPayment>>;
  try {
    providerPayment = await ctx.payments.createProviderPayment({
      orderId: order.id,
      amount: order.total,
      currency: order.currency,
      provider: order.provider,
    });
  } catch (error) {
    await cancelUnpaidOrder(ctx, order.id, 'the payment could not be started');
    if (idempotencyKey) await ctx.idempotency.release(ctx.db, userId, idempotencyKey);
    throw Object.assign(
      refuse(
        'payment_provider_unavailable',
        undefined,
        'The payment provider is not answering; nothing was charged',
      ),
      { cause: error },
    );
  }

  return ctx.db.transaction(async (tx) => {
    await ctx.payments.recordPayment(tx, {
      orderId: order.id,
      provider: order.provider,
      amount: order.total,
      payment: providerPayment,
    });
    const body = await presentOrder(ctx, tx, order);
    if (providerPayment.clientSecret && body.payment)
      body.payment.clientSecret = providerPayment.clientSecret;
    const response = { statusCode: 201, body };
    if (idempotencyKey) await ctx.idempotency.complete(tx, userId, idempotencyKey, response);
    return response;
  });
}

function validateLines(items: readonly RequestedLine[]): RequestedLine[] {
  const lines = mergeLines(items);
  lines.forEach((line) => {
    if (line.quantity > MAX_QUANTITY) {
      const index = items.findIndex((i) => i.variantId === line.variantId);
      throw invalidInput(
        `/items/${index}/quantity`,
        `adds up to more than ${MAX_QUANTITY} of one variant`,
        'maximum',
        { limit: MAX_QUANTITY },
      );
    }
  });
  return lines;
}

async function reserveAndCreate(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  input: PlaceOrderInput,
  lines: readonly RequestedLine[],
  source: ContentSource | null,
  context: CheckoutContext,
): Promise<q.OrderRow> {
  await holdUnpaidOrderLimit(ctx, tx, userId);
  await assertSourceExists(ctx, tx, source);
  const address = await deliveryAddress(ctx, tx, userId, input.address);
  const orderId = newId();
  const variants = new Map(
    (
      await ctx.catalog.sellableVariants(
        tx,
        lines.map((l) => l.variantId),
      )
    ).map((v) => [v.id, v]),
  );
  const priced = lines.map((line) => {
    const variant = variants.get(line.variantId);
    if (!variant)
      throw refuse(
        'variant_unavailable',
        { variantId: line.variantId },
        `Variant ${line.variantId} is not on sale`,
      );
    return { line, variant, unitPrice: variant.price, quantity: line.quantity };
  });
  // Before the stock: a flash-sale crowd's refusals (sold out, over the limit) wait for no row.
  const flash = await reserveFlashUnits(ctx, tx, userId, input, lines);
  await ctx.catalog.reserveStock(tx, lines, { orderId });
  // After the stock: every path that touches both locks the variant before the group row.
  const seat = await reserveGroupSeat(ctx, tx, userId, input, lines);
  const bargain = await reserveBargain(ctx, tx, userId, input, lines);
  const deal = seat ?? flash ?? bargain;
  if (deal) for (const p of priced) p.unitPrice = deal.unitPrice;

  const now = ctx.clock.now();
  const pickup = await reservePickup(ctx, tx, userId, input.pickup, now);
  const kind: DealKind = seat ? 'group' : flash ? 'flash_sale' : bargain ? 'bargain' : 'regular';
  const price = await priceDiscounts(ctx, tx, userId, input, priced, kind);
  const totals = computeTotals(priced, price.discount);
  // Collected at a pickup point: the goods travel in the community's wave, not by parcel.
  const shippingFee = pickup
    ? 0
    : await shippingFeeOf(ctx, tx, { userId, address, priced, freeShipping: freeShippingOf(seat, flash) });
  const order: q.OrderRow = {
    id: orderId,
    user_id: userId,
    status: 'pending_payment',
    subtotal: totals.subtotal,
    discount: totals.discount,
    member_discount: price.memberDiscount,
    points_used: price.points?.points ?? 0,
    points_discount: price.pointsDiscount,
    total: totals.total + shippingFee,
    shipping_fee: shippingFee,
    shipping_refunded: 0,
    refunded_amount: 0,
    currency: ctx.currency,
    address,
    share_code: input.shareCode ?? null,
    store_slug: input.storeSlug ?? null,
    source_type: source?.type ?? null,
    source_id: source?.id ?? null,
    provider: ctx.payments.defaultProvider,
    expires_at: addMs(now, ctx.paymentTimeoutMs),
    created_at: now,
    updated_at: now,
  };
  await q.insertOrder(tx, order, { deviceId: context.deviceId ?? null, ip: context.ip ?? null });
  await recordShippingFee(tx, order.id, shippingFee);
  await price.coupon?.attachTo(order.id);
  await price.points?.attachTo(order.id);
  await seat?.attach(tx, order.id);
  await pickup?.attach(tx, order.id);
  await bargain?.attach(tx, order.id);
  if (input.gift)
    await ctx.gifts?.attach(tx, { orderId: order.id, senderId: userId, message: input.gift.message || null });
  await q.insertItems(
    tx,
    priced.map(({ variant, unitPrice, quantity }, i) => ({
      id: newId(),
      order_id: order.id,
      variant_id: variant.id,
      product_id: variant.product_id,
      title: variant.product_title,
      variant_title: variant.title,
      sku: variant.sku,
      image: variant.image,
      unit_price: unitPrice,
      quantity,
      line_total: totals.lineTotals[i] ?? 0,
    })),
  );
  await q.recordEvent(tx, order.id, 'pending_payment', now);
  await ctx.jobs.enqueue(tx, EXPIRE_ORDER_JOB, { orderId: order.id }, { runAt: order.expires_at });
  // Last before the commit: the sale's quota row is held only from here to the commit.
  await flash?.attach(tx, order.id);
  return order;
}

/** A group seat ships free when its campaign says so; a flash-sale order always does. */
const freeShippingOf = (seat: { freeShipping?: boolean } | null, flash: unknown) =>
  seat?.freeShipping ? ('group_buy' as const) : flash ? ('flash_sale' as const) : null;

/**
 * One deal per order: a flash sale's or a bargain's price is the whole deal, so it takes no group
 * seat, coupon, points or other deal (its `total` is that price × quantity).
 */
function assertOneDeal(input: PlaceOrderInput) {
  // A gift's price is the goods' own: it takes coupons, points and flash sales as any order does,
  // but not a group seat (the group's refunds and pickups are its members') nor a bargain (its starter's).
  if (input.gift)
    for (const field of ['groupBuy', 'bargain'] as const)
      if (input[field] !== undefined)
        throw invalidInput(`/${field}`, 'a gift order takes no group seat or bargain', 'giftAlone');
  const deal = input.flashSale ? 'flashSale' : input.bargain ? 'bargain' : null;
  if (!deal) return;
  const words = deal === 'flashSale' ? 'a flash-sale order' : 'a bargain order';
  const others = (['groupBuy', 'couponId', 'points', 'flashSale', 'bargain'] as const).filter(
    (f) => f !== deal,
  );
  for (const field of others)
    if (input[field] !== undefined && !(field === 'points' && input.points === 0))
      throw invalidInput(`/${field}`, `${words} takes no other deal`, `${deal}Alone`);
}

/**
 * A gift goes to whoever claims its link, to the address they give then: the buyer sends neither an
 * address (the recipient's stays hidden from the buyer) nor a pickup point.
 */
function assertGiftDelivery(ctx: OrdersContext, input: PlaceOrderInput) {
  if (input.gift === undefined) return;
  if (!ctx.gifts) throw invalidInput('/gift', 'gifts are not enabled on this server');
  if (input.address !== undefined)
    throw invalidInput(
      '/address',
      'a gift ships to the address its recipient gives when claiming it: send no address',
      'additionalProperties',
    );
  if (input.pickup !== undefined)
    throw invalidInput(
      '/pickup',
      'a gift ships to the address its recipient gives when claiming it: it is not collected at a pickup point',
      'additionalProperties',
    );
}

/** Checks the flash sale and the buyer's limit (no hot row locked yet); null outside flash sales. */
async function reserveFlashUnits(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  input: Pick<PlaceOrderInput, 'flashSale'>,
  lines: readonly RequestedLine[],
) {
  if (input.flashSale === undefined) return null;
  if (!ctx.flashSales) throw invalidInput('/flashSale', 'flash sales are not enabled on this server');
  return ctx.flashSales.reserve(tx, { userId, saleId: input.flashSale.saleId, lines });
}

/** Checks the buyer's bargain (its deadline, one order at a time); null outside bargains. */
async function reserveBargain(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  input: Pick<PlaceOrderInput, 'bargain'>,
  lines: readonly RequestedLine[],
) {
  if (input.bargain === undefined) return null;
  if (!ctx.bargains) throw invalidInput('/bargain', 'bargains are not enabled on this server');
  return ctx.bargains.reserve(tx, { userId, bargainId: input.bargain.bargainId, lines });
}

/** The post or live room named in the order, or null; naming both is invalid input. */
function contentSourceOf(input: PlaceOrderInput): ContentSource | null {
  if (input.postId !== undefined && input.liveRoomId !== undefined)
    throw invalidInput('/liveRoomId', 'name a post or a live room, not both');
  if (input.postId !== undefined) return { type: 'post', id: input.postId };
  if (input.liveRoomId !== undefined) return { type: 'live', id: input.liveRoomId };
  return null;
}

/**
 * The named content must exist and be public now (its module answers through `ContentSources`):
 * an order never remembers content that could not have sold it. A kind no module registered is
 * unknown as well. Self-purchase through one's own post is allowed; distribution pays nothing for it.
 */
async function assertSourceExists(ctx: OrdersContext, tx: Tx, source: ContentSource | null) {
  if (!source) return;
  const owner = ctx.contentSources.accepts(source.type)
    ? await ctx.contentSources.ownerOf(tx, source)
    : undefined;
  if (owner === undefined)
    throw refuse(
      'order_source_unknown',
      { type: source.type, id: source.id },
      `No public ${source.type === 'post' ? 'post' : 'live room'} ${source.id}`,
    );
}

/**
 * Refuses a checkout (422) while the buyer already holds `maxUnpaidOrders` unpaid orders, so one
 * account cannot hoard the catalog. Racing checkouts of one buyer are serialized by a lock keyed by
 * the buyer, taken first in the checkout transaction: every path that also locks stock or group
 * rows takes them after it (and none waits for it while holding them), so it adds no deadlock.
 */
async function holdUnpaidOrderLimit(ctx: OrdersContext, tx: Tx, userId: string) {
  if (ctx.maxUnpaidOrders === 0) return;
  await q.lockBuyerCheckouts(tx, userId);
  if ((await q.countUnpaidOrders(tx, userId)) >= ctx.maxUnpaidOrders) {
    throw refuse(
      'unpaid_order_limit',
      { limit: ctx.maxUnpaidOrders },
      `You already have ${ctx.maxUnpaidOrders} unpaid orders; pay or cancel one of them before placing another`,
    );
  }
}

/**
 * The order's discounts by the pricing law (pricing.ts): the member discount, then the coupon on
 * the lines after it, then points. Each reservation's undo is the order's: a cancelled (unpaid) or
 * refunded order gives the coupon and the points back.
 */
function priceDiscounts(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  input: PlaceOrderInput,
  priced: readonly { variant: { product_id: string }; unitPrice: number; quantity: number }[],
  kind: DealKind,
) {
  // At the unit price paid (the group price once a seat is reserved), as the coupon picker prices it.
  const lines = priced.map((p) => ({ productId: p.variant.product_id, lineTotal: p.unitPrice * p.quantity }));
  return priceCheckout(lines, {
    memberDiscount: async (goodsTotal) =>
      (await ctx.memberPricing?.discountFor(tx, { userId, goodsTotal, kind })) ?? 0,
    coupon: (afterMember, room) => reserveCoupon(ctx, tx, userId, input.couponId, afterMember, room),
    points: (payable) => reservePoints(ctx, tx, userId, input.points, payable),
  });
}

/** The buyer's coupon, locked and priced on the lines after the member discount; null without one. */
async function reserveCoupon(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  couponId: string | undefined,
  lines: DiscountableLine[],
  maxDiscount: number,
) {
  if (couponId === undefined) return null;
  if (!ctx.coupons) throw invalidInput('/couponId', 'coupons are not enabled on this server');
  return ctx.coupons.reserve(tx, { userId, couponId, lines, maxDiscount });
}

/** The buyer's points paying part of what is left to pay, or null when they spend none. */
async function reservePoints(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  points: number | undefined,
  payable: number,
) {
  if (points === undefined || points === 0) return null;
  if (!ctx.pointsCheckout) throw invalidInput('/points', 'points cannot pay for orders on this server');
  return ctx.pointsCheckout.reserve(tx, { userId, points, payable });
}

/**
 * A seat in a group buy, held while the buyer pays, and the campaign's price; null for an order
 * outside group buying. Its undo is the order's: a cancelled order gives the seat back.
 */
async function reserveGroupSeat(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  input: Pick<PlaceOrderInput, 'groupBuy' | 'pickup'>,
  lines: readonly RequestedLine[],
) {
  const { groupBuy } = input;
  if (groupBuy === undefined) return null;
  if (!ctx.groupBuys) throw invalidInput('/groupBuy', 'group buying is not enabled on this server');
  const pickupCommunityId = input.pickup?.communityId ?? null;
  return ctx.groupBuys.reserveSeat(tx, { userId, ...groupBuy, lines, pickupCommunityId });
}

/** The order's place in its community's delivery wave; null for an order delivered to an address. */
async function reservePickup(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  pickup: PlaceOrderInput['pickup'],
  placedAt: Date,
) {
  if (pickup === undefined) return null;
  if (!ctx.pickups) throw invalidInput('/pickup', 'pickup points are not enabled on this server');
  return ctx.pickups.reserve(tx, { userId, communityId: pickup.communityId, placedAt });
}

/**
 * The order's own copy of where it ships: the typed address as sent, or the buyer's saved address
 * copied with its id (a later edit of the saved one leaves the order as it was). Someone else's
 * saved address is 404, as if it did not exist.
 */
export async function deliveryAddress(
  ctx: OrdersContext,
  tx: Tx,
  userId: string,
  address: PlaceOrderInput['address'],
): Promise<Record<string, string> | null> {
  if (!address) return null;
  if (address.addressId === undefined) return address as Record<string, string>;
  if (!ctx.savedAddresses) throw invalidInput('/address/addressId', 'saved addresses are not enabled');
  return ctx.savedAddresses.deliveryAddress(tx, userId, address.addressId);
}
