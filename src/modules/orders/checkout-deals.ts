import type { Tx } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import type { PlaceOrderInput } from './checkout-input.js';
import type { DiscountableLine, OrdersContext } from './context.js';
import type { RequestedLine } from './rules.js';

/*
 * Checkout's deals, each a reservation its module supplies through a port (context.ts) and null
 * when the order takes none, and the rules of which deals go together.
 */

/** A group seat ships free when its campaign says so; a flash-sale order always does. */
export const freeShippingOf = (seat: { freeShipping?: boolean } | null, flash: unknown) =>
  seat?.freeShipping ? ('group_buy' as const) : flash ? ('flash_sale' as const) : null;

/**
 * One deal per order: a flash sale's or a bargain's price is the whole deal, so it takes no group
 * seat, coupon, points or other deal (its `total` is that price × quantity).
 */
export function assertOneDeal(input: PlaceOrderInput) {
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
export function assertGiftDelivery(ctx: OrdersContext, input: PlaceOrderInput) {
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

/** Takes the flash sale's units for the order about to be built, or refuses; null outside flash sales. */
export async function claimFlashUnits(
  ctx: OrdersContext,
  request: {
    userId: string;
    orderId: string;
    input: Pick<PlaceOrderInput, 'flashSale'>;
    lines: readonly RequestedLine[];
  },
) {
  const { input, ...rest } = request;
  if (input.flashSale === undefined) return null;
  if (!ctx.flashSales) throw invalidInput('/flashSale', 'flash sales are not enabled on this server');
  return ctx.flashSales.claim({ ...rest, saleId: input.flashSale.saleId });
}

/** Checks the buyer's bargain (its deadline, one order at a time); null outside bargains. */
export async function reserveBargain(
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

/** The buyer's coupon, locked and priced on the lines after the member discount; null without one. */
export async function reserveCoupon(
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
export async function reservePoints(
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
export async function reserveGroupSeat(
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
export async function reservePickup(
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
