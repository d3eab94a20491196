import type { Queryable, Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { addressInputErrors } from './address-rules.js';
import { deliveryAddress } from './checkout.js';
import type { OrdersContext } from './context.js';
import { lockOrThrow } from './lifecycle.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';

/** What a recipient sends when claiming a gift: an address typed out, or `{ addressId }` of their own. */
export type GiftAddressInput = Record<string, string | undefined>;

/**
 * Who the order is in the hands of: its buyer, or the recipient of a gift they claimed. After-sales
 * and confirming receipt are theirs; the buyer keeps seeing the order, never the recipient's address.
 */
export async function holderOfRow(ctx: OrdersContext, conn: Queryable, row: q.OrderRow): Promise<string> {
  const gift = (await ctx.gifts?.ofOrders(conn, [row.id]))?.get(row.id);
  return gift?.status === 'claimed' && gift.recipientId ? gift.recipientId : row.user_id;
}

/**
 * The address a gift ships to, given by its recipient when they claim it (the gifts module checked
 * the claim and holds the gift's lock, taken after the order's): typed out, or one of the
 * recipient's saved addresses copied in. Only a paid order, not shipped yet, takes it.
 */
export async function deliverGiftTo(
  ctx: OrdersContext,
  tx: Tx,
  orderId: string,
  recipientId: string,
  address: GiftAddressInput,
): Promise<void> {
  const problems = addressInputErrors(address);
  if (problems.length > 0) throw new AppError('invalid_input', 'The request is invalid', problems);
  const order = await lockOrThrow(tx, orderId);
  if (order.status !== 'paid')
    throw refuse('order_closed', { orderId }, 'This gift’s order no longer waits for an address');
  const copied = await deliveryAddress(ctx, tx, recipientId, address);
  await q.setDeliveryAddress(tx, orderId, copied, ctx.clock.now());
}
