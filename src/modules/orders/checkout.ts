import { addMs } from '../../platform/clock.js';
import type { ContentSource } from '../../platform/content-sources.js';
import type { Tx } from '../../platform/db.js';
import { AppError, invalidInput } from '../../platform/errors.js';
import { requestHash, type StoredResponse } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { addressInputErrors } from './address-rules.js';
import {
  assertGiftDelivery,
  assertOneDeal,
  claimFlashUnits,
  freeShippingOf,
  reserveBargain,
  reserveCoupon,
  reserveGroupSeat,
  reservePickup,
  reservePoints,
} from './checkout-deals.js';
import type { CheckoutContext, PlaceOrderInput } from './checkout-input.js';
import type { DealKind, FlashClaim, OrdersContext } from './context.js';
import { cancelUnpaidOrder } from './lifecycle.js';
import { type Order, type PlacedOrder, presentPlacedOrder } from './present.js';
import { priceCheckout } from './pricing.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { computeTotals, MAX_QUANTITY, mergeLines, type RequestedLine } from './rules.js';
import { shippingFeeOf } from './shipping.js';

export type { CheckoutContext, PlaceOrderInput } from './checkout-input.js';

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
  // The claim in the transaction finds replays too; a flash sale looks first so that a replay
  // takes no units from the crowd, even for a moment.
  if (idempotencyKey && input.flashSale) {
    const replay = await ctx.idempotency.find(ctx.db, userId, idempotencyKey, hash);
    if (replay) return replay as StoredResponse & { body: Order };
  }

  const orderId = newId();
  // A flash sale's crowd is answered here, before the order's transaction: only winners go on.
  const flash = await claimFlashUnits(ctx, { userId, orderId, input, lines });
  let created: { replay: StoredResponse } | { placed: Written };
  try {
    created = await ctx.db.transaction(async (tx) => {
      if (idempotencyKey) {
        const replay = await ctx.idempotency.claim(tx, userId, idempotencyKey, hash);
        if (replay) return { replay };
      }
      return {
        placed: await reserveAndCreate(ctx, tx, { orderId, userId, input, lines, source, flash }, context),
      };
    });
  } catch (error) {
    await flash?.release();
    throw error;
  }
  if ('replay' in created) {
    await flash?.release();
    return created.replay as StoredResponse & { body: Order };
  }
  const { placed } = created;
  const order = placed.row;

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
    const payment = await ctx.payments.recordPayment(tx, {
      orderId: order.id,
      provider: order.provider,
      amount: order.total,
      payment: providerPayment,
    });
    const body = await presentPlacedOrder(ctx, tx, { ...placed, payment });
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

/** What the order's transaction wrote; the payment is added once it is recorded. */
type Written = Omit<PlacedOrder, 'payment'>;

interface OrderToCreate {
  orderId: string;
  userId: string;
  input: PlaceOrderInput;
  lines: readonly RequestedLine[];
  source: ContentSource | null;
  flash: FlashClaim | null;
}

async function reserveAndCreate(
  ctx: OrdersContext,
  tx: Tx,
  { orderId, userId, input, lines, source, flash }: OrderToCreate,
  context: CheckoutContext,
): Promise<Written> {
  await holdUnpaidOrderLimit(ctx, tx, userId);
  await assertSourceExists(ctx, tx, source);
  const address = await deliveryAddress(ctx, tx, userId, input.address);
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
  // A flash sale's winners all buy one variant: they take its stock row last, held only to the commit.
  if (!flash) await ctx.catalog.reserveStock(tx, lines, { orderId });
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
  const items = priced.map(({ variant, unitPrice, quantity }, i) => ({
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
  }));
  await q.insertOrder(tx, order, items, { deviceId: context.deviceId ?? null, ip: context.ip ?? null });
  await price.coupon?.attachTo(order.id);
  await price.points?.attachTo(order.id);
  await seat?.attach(tx, order.id);
  await pickup?.attach(tx, order.id);
  await bargain?.attach(tx, order.id);
  if (input.gift)
    await ctx.gifts?.attach(tx, { orderId: order.id, senderId: userId, message: input.gift.message || null });
  if (flash) {
    await flash.attach(tx);
    await ctx.catalog.reserveStock(tx, lines, { orderId });
  }
  return {
    row: order,
    items,
    hasGroupSeat: Boolean(seat),
    hasPickup: Boolean(pickup),
    isGift: Boolean(input.gift),
  };
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
