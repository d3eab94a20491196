import type { MallContext } from './context.js';
import { itemsOf } from './items.js';
import { redemptionsOf } from './redeem.js';

/**
 * The points mall: operators offer items that cost points (a coupon, a product shipped as an order,
 * a perk they fulfil by hand) with stock and a per-person limit; people redeem them with points.
 */
export function createPointsMallService(ctx: MallContext) {
  return { ...itemsOf(ctx), ...redemptionsOf(ctx) };
}

export type PointsMallService = ReturnType<typeof createPointsMallService>;
