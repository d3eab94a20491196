import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/**
 * Why the points mall refuses a redemption. Not enough points is the points module's own
 * `not_enough_points` (422); when an item is also sold out, sold out wins (409).
 */
export const pointsMallReasons = defineReasons({
  mall_sold_out: {
    code: 'conflict',
    params: Type.Object({ itemId: Type.String() }),
    description: 'None of this points-mall item is left.',
  },
  mall_limit_reached: {
    code: 'conflict',
    params: Type.Object({ itemId: Type.String(), perPersonLimit: Type.Integer() }),
    description: 'The person already redeemed this item as many times as one person may (`perPersonLimit`).',
  },
  mall_item_unavailable: {
    code: 'conflict',
    params: Type.Object({ itemId: Type.String() }),
    description:
      'What the item gives cannot be given now (its coupon template is disabled or used up); the operator must fix the item.',
  },
});

export const refuse = refusalsOf(pointsMallReasons);
