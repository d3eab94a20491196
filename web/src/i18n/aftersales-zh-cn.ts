import type {
  afterSalesEn,
  afterSalesFieldRulesEn,
  afterSalesFieldsEn,
  afterSalesReasonsEn,
} from './aftersales-en';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** 售后的简体中文文案。 */
export const afterSalesZhCN: Catalog<typeof afterSalesEn> = {
  afterSales: {
    title: '退款/退货',
    mine: '我的售后',
    noneMine: '还没有售后申请',
    noneMineHint: '可以在已付款订单的详情页发起申请。',
    adminTitle: '售后',
    nav: '售后',
    noneAdmin: '这里没有申请',
    filter: '按状态筛选',
    ask: { refund: '申请退款', return: '申请退货退款' },
    type: { refund: '仅退款', return: '退货退款' },
    status: { requested: '待审核', refunded: '已退款', rejected: '已拒绝', closed: '已关闭' },
    closedHint: '整笔订单已在此期间全额退款，此申请已关闭。',
    whichItems: '选择商品',
    quantity: '数量',
    reason: '申请原因',
    photos: '图片链接（选填）',
    photosHint: '最多 {{max}} 个链接，每行一个',
    chooseItems: '请至少选择一件商品',
    youGetBack: '预计退回 {{amount}}',
    send: '提交申请',
    photo: '图片 {{n}}',
    note: '备注',
    notePlaceholder: '给买家的说明（拒绝时必填）',
    noteNeeded: '拒绝前请填写说明',
    approve: '同意并退款',
    reject: '拒绝',
    viewOrder: '查看订单',
    refundedAmount: '已退款',
    partiallyRefunded: '部分退款',
  },
};

export const afterSalesReasonsZhCN: Catalog<typeof afterSalesReasonsEn> = {
  after_sale_order_not_eligible: '该订单不能申请退款或退货：只有已付款、已发货或已完成的订单可以申请。',
  after_sale_points_redemption: '该订单是在积分商城用积分兑换的，不支持退款或退货。如有问题请联系我们。',
  after_sale_not_shipped: '订单尚未发货，请申请退款，而不是退货。',
  after_sale_already_shipped: '订单已发货，请申请退货退款，而不是仅退款。',
  after_sale_window_closed_one: '收货后 {{count}} 天的退货期已结束。',
  after_sale_window_closed_other: '收货后 {{count}} 天的退货期已结束。',
  after_sale_nothing_left: '该订单的商品已全部退款。',
  after_sale_quantity_above_refundable: '该商品最多还能退 {{remaining}} 件。',
  after_sale_already_requested: '已有待审核的申请包含其中部分商品，目前还能申请 {{free}} 件。',
  after_sale_refund_in_progress: '退款正在由支付机构处理，请稍后刷新。',
};

export const afterSalesFieldsZhCN: Catalog<typeof afterSalesFieldsEn> = {
  reason: '售后原因',
  photos: '照片链接',
  orderItemId: '商品',
  note: '备注',
};
export const afterSalesFieldRulesZhCN: Catalog<typeof afterSalesFieldRulesEn> = {
  orderItemId: { orderItem: '请选择本订单中的商品。', uniqueItems: '每件商品只能选择一次。' },
  photos: { pattern: '请填写以 https:// 开头的照片链接，每行一个。' },
};
