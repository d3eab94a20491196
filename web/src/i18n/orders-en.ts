/**
 * English texts of the orders and payments modules' refusals (orders/reasons.ts, payments/reasons.ts)
 * and of the order steps the timeline shows beside the statuses. Money params arrive formatted.
 */
export const ordersReasonsEn = {
  unpaid_order_limit_one: 'You already have {{count}} unpaid order. Pay or cancel it before placing another.',
  unpaid_order_limit_other:
    'You already have {{count}} unpaid orders. Pay or cancel one of them before placing another.',
  variant_unavailable: 'One of the items is no longer on sale. Remove it from your cart and try again.',
  order_source_unknown:
    'The post or live room you found this in is no longer available. Open the product on its own to order it.',
  payment_provider_unavailable:
    'The payment service is not answering. Nothing was charged; please try again in a moment.',
  already_paid: 'This order is already paid. To undo it, ask for a refund.',
  order_cancelled: 'This order was cancelled. Place a new order to buy these items.',
  order_refunded: 'This order was refunded.',
  not_sandbox_payment: 'This order is not paid through the test payment page.',
  payment_event_replayed: 'This payment was already recorded.',
  paid_after_cancel: 'The order was cancelled before the payment arrived. The payment is being refunded.',
  payment_amount_mismatch:
    'The amount paid ({{amount}}) differs from the order total ({{total}}). The payment is being refunded.',
  not_paid: 'The order is not paid yet; only a paid order ships.',
  already_shipped: 'The order has already shipped.',
  already_completed: 'The order is already completed.',
  group_waiting: 'This order waits for its group to fill. It ships once the group succeeds.',
  group_failed: 'This order’s group did not succeed, so it is refunded instead of shipped.',
  not_shipped: 'The order has not shipped yet. Confirm receipt once it arrives.',
  already_cancelled: 'The order is already cancelled.',
  order_closed: 'The order was refunded or cancelled, so this is no longer possible.',
  no_payment_to_refund: 'The order has no successful payment to refund.',
  refund_in_progress: 'A refund of this order is already under way. Wait for it to finish.',
  nothing_to_refund: 'Everything paid for this order has already been refunded.',
  refund_above_refundable: 'At most {{refundableAmount}} can still be refunded; {{amount}} was asked for.',
  refund_units_above_refundable:
    'Only {{refundableQuantity}} of this item can still be refunded; {{quantity}} were asked for.',
  refund_failed: 'This refund failed at the payment service. Nothing changed.',
  refund_refused_by_provider: 'The payment service refused the refund. Nothing changed; try again later.',
  refund_pending_at_provider: 'The payment service has not refunded yet. It is retried automatically.',
  unknown_payment_provider: 'This shop does not take payments from that provider.',
  invalid_webhook: 'The payment notification could not be verified.',
};

export const ordersEn = {
  orderSteps: {
    payment_failed: 'Payment attempt failed',
    refundedByShop: 'refunded by the shop',
    refundedAtProvider: 'refunded through the payment service',
    paymentNotStarted: 'the payment could not be started',
  },
};
