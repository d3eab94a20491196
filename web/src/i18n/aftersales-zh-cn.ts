import type { afterSalesEn } from './aftersales-en';

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
