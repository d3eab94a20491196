import type { Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addressInputErrors } from './address-rules.js';
import { deliveryAddress } from './checkout.js';
import type { OrdersContext } from './context.js';
import { moveTo } from './lifecycle.js';
import { type Order, presentOrder } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { POINTS_PROVIDER } from './rules.js';

/** What the points mall asks for: one unit of a variant, paid for in points, shipped to `address`. */
export interface RedemptionOrderInput {
  userId: string;
  variantId: string;
  /** Typed out, or `{ addressId }` of one of the person's saved addresses (copied into the order). */
  address: Record<string, string | undefined>;
  /** The points the redemption cost, recorded on the order as `points_used`. */
  points: number;
}

/** The paid step's note in the order's timeline (the web app words it in the reader's language). */
export const REDEMPTION_NOTE = 'redeemed in the points mall';

/**
 * An order for a points-mall redemption, in the caller's transaction: reserves one unit of the
 * variant (409 `out_of_stock` when none is left), creates the order with a total of 0 and the points
 * in `points_used`, and moves it straight to `paid` (through the order machine, with its timeline),
 * publishing `order.redeemed`, not `order.paid`: no money changed hands, so nothing that rewards a
 * sale may count it. From there it ships like any paid order (no after-sales: the points mall's). Its undo is the caller's
 * transaction: the points mall spends the points in the same one, so either both happen or neither.
 */
export async function placeRedemptionOrder(
  ctx: OrdersContext,
  tx: Tx,
  input: RedemptionOrderInput,
): Promise<Order> {
  const problems = addressInputErrors(input.address);
  if (problems.length > 0) throw new AppError('invalid_input', 'The request is invalid', problems);
  const address = await deliveryAddress(ctx, tx, input.userId, input.address);
  const [variant] = await ctx.catalog.sellableVariants(tx, [input.variantId]);
  if (!variant)
    throw refuse(
      'variant_unavailable',
      { variantId: input.variantId },
      `Variant ${input.variantId} is not on sale`,
    );
  const orderId = newId();
  await ctx.catalog.reserveStock(tx, [{ variantId: variant.id, quantity: 1 }], { orderId });
  const now = ctx.clock.now();
  const order: q.OrderRow = {
    id: orderId,
    user_id: input.userId,
    status: 'pending_payment',
    subtotal: 0,
    discount: 0,
    member_discount: 0,
    points_used: input.points,
    points_discount: 0,
    total: 0,
    // A points-mall product ships free: it was bought with points, not money.
    shipping_fee: 0,
    shipping_refunded: 0,
    refunded_amount: 0,
    currency: ctx.currency,
    address,
    share_code: null,
    store_slug: null,
    source_type: null,
    source_id: null,
    provider: POINTS_PROVIDER,
    expires_at: now,
    created_at: now,
    updated_at: now,
  };
  await q.insertOrder(
    tx,
    order,
    [
      {
        id: newId(),
        order_id: orderId,
        variant_id: variant.id,
        product_id: variant.product_id,
        title: variant.product_title,
        variant_title: variant.title,
        sku: variant.sku,
        image: variant.image,
        unit_price: 0,
        quantity: 1,
        line_total: 0,
      },
    ],
    { deviceId: null, ip: null },
  );
  const paid = await moveTo(ctx, tx, order, 'paid', REDEMPTION_NOTE);
  await ctx.events.publish(tx, 'order.redeemed', { orderId, userId: input.userId });
  return presentOrder(ctx, tx, paid);
}
