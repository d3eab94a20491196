import type { ordersEn, ordersReasonsEn } from './orders-en';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 简体中文：订单与支付模块的拒绝原因，以及时间线上状态之外的步骤。 */
export const ordersReasonsZhCN: Texts<typeof ordersReasonsEn> = {
  unpaid_order_limit_one: '你已有 {{count}} 个未付款订单。请先付款或取消后再下单。',
  unpaid_order_limit_other: '你已有 {{count}} 个未付款订单。请先付款或取消其中一个后再下单。',
  variant_unavailable: '有商品已下架。请从购物车中移除后重试。',
  order_source_unknown: '你看到此商品的帖子或直播间已不可用。请直接打开商品页再下单。',
  payment_provider_unavailable: '支付服务暂无响应，未产生任何扣款，请稍后再试。',
  already_paid: '此订单已付款。如需撤销，请申请退款。',
  order_cancelled: '此订单已取消。如需购买，请重新下单。',
  order_refunded: '此订单已退款。',
  not_sandbox_payment: '此订单不是通过测试支付页面付款的。',
  payment_event_replayed: '这笔付款已记录过。',
  paid_after_cancel: '付款到达前订单已取消，款项正在退回。',
  payment_amount_mismatch: '实付金额（{{amount}}）与订单总额（{{total}}）不符，款项正在退回。',
  not_paid: '订单尚未付款；只有已付款的订单才能发货。',
  already_shipped: '订单已发货。',
  already_completed: '订单已完成。',
  group_waiting: '此订单正在等待拼团成团，成团后才会发货。',
  group_failed: '此订单的拼团未成功，将退款而不发货。',
  not_shipped: '订单尚未发货，请在收到货后再确认收货。',
  already_cancelled: '订单已取消。',
  order_closed: '订单已退款或取消，无法再进行此操作。',
  no_payment_to_refund: '此订单没有可退款的成功付款。',
  refund_in_progress: '此订单的退款正在处理中，请等待完成。',
  nothing_to_refund: '此订单的所有已付款项均已退款。',
  refund_above_refundable: '最多还能退 {{refundableAmount}}，申请的是 {{amount}}。',
  refund_units_above_refundable: '此商品最多还能退 {{refundableQuantity}} 件，申请的是 {{quantity}} 件。',
  refund_failed: '此退款在支付服务处失败，未做任何更改。',
  refund_refused_by_provider: '支付服务拒绝了退款，未做任何更改，请稍后再试。',
  refund_pending_at_provider: '支付服务尚未完成退款，系统会自动重试。',
  unknown_payment_provider: '本店不接受该支付服务商的付款。',
  invalid_webhook: '无法验证这条支付通知。',
};

export const ordersZhCN: Texts<typeof ordersEn> = {
  orderSteps: {
    payment_failed: '付款失败',
    refundedByShop: '商家已退款',
    refundedAtProvider: '已通过支付服务退款',
    paymentNotStarted: '无法发起付款',
  },
};
