import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const OrderItemId = Type.String({ description: 'the order line (`orderItemId`)' });

/** Why after-sales refuses a request or a decision: stable names with the facts to word them. */
export const afterSalesReasons = defineReasons({
  after_sale_order_not_eligible: {
    code: 'conflict',
    params: Type.Object({ orderStatus: Type.String({ description: 'the order’s status' }) }),
    description:
      'Only a paid, shipped or completed order has after-sales (not an unpaid, cancelled or refunded one).',
  },
  after_sale_points_redemption: {
    code: 'business_rule',
    description:
      'A points-mall redemption was paid in points, not money: it has no refund or return (ask the operator).',
  },
  after_sale_not_shipped: {
    code: 'business_rule',
    description: 'A return of an order that has not shipped yet: ask for a refund instead.',
  },
  after_sale_already_shipped: {
    code: 'business_rule',
    description: 'A refund of an order that has shipped: ask for a return instead.',
  },
  after_sale_window_closed: {
    code: 'business_rule',
    params: Type.Object({
      returnWindowDays: Type.Integer({ minimum: 0, description: 'days after delivery a request is taken' }),
    }),
    description: 'The return window after delivery has closed.',
  },
  after_sale_nothing_left: {
    code: 'conflict',
    description: 'Every unit of the order is refunded already.',
  },
  after_sale_quantity_above_refundable: {
    code: 'conflict',
    params: Type.Object({
      orderItemId: OrderItemId,
      quantity: Type.Integer({ description: 'units asked for' }),
      remaining: Type.Integer({ minimum: 0, description: 'units of the line not refunded yet' }),
    }),
    description: 'More units of a line than are left to refund.',
  },
  after_sale_already_requested: {
    code: 'conflict',
    params: Type.Object({
      orderItemId: OrderItemId,
      quantity: Type.Integer({ description: 'units asked for' }),
      free: Type.Integer({ minimum: 0, description: 'units of the line no open request names' }),
    }),
    description: 'An open request covers these units already; wait for its decision.',
  },
  after_sale_refund_in_progress: {
    code: 'conflict',
    description: 'The request’s refund is with the payment provider; it cannot be decided again now.',
  },
});

export const refuse = refusalsOf(afterSalesReasons);
