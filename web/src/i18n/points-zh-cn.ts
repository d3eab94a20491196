import type { pointsEn, pointsFieldsEn } from './points-en';

/** 积分页面、结算时使用积分和后台积分设置的中文文案。 */
export const pointsZhCN: typeof pointsEn = {
  pointsLedger: {
    title: '我的积分',
    balance: '积分余额',
    balanceValue_one: '{{count}} 积分',
    balanceValue_other: '{{count}} 积分',
    debtHint: '一笔退款收回了您已使用的积分。之后获得的积分将优先抵扣这部分欠分。',
    expiringTitle: '即将过期',
    expiringItem: '{{points}} 积分将于 {{date}} 过期',
    neverExpire: '您的积分永不过期。',
    historyTitle: '积分明细',
    empty: '暂无积分',
    emptyHint: '订单付款即可获得积分，下次下单时可抵扣部分金额。',
    expiresOn: '{{date}} 过期',
    debtPaid: '其中 {{points}} 积分用于抵扣欠分',
    reasons: {
      order: '订单付款',
      order_refund: '订单退款',
      checkout: '下单抵扣',
      checkout_return: '订单退回',
      expired: '已过期',
      invitation: '邀请好友',
      invitationReversed: '邀请奖励已收回',
      checkin: '每日签到',
      task: '任务奖励',
      mall: '积分商城',
      competition: '竞赛奖励',
      review: '评价',
      other: '其他',
    },
    checkout: {
      use: '使用 {{points}} 积分，抵扣 {{money}}',
      none: '您暂无可用于此订单的积分。',
      line: '积分',
    },
    summary: {
      memberDiscount: '会员优惠',
      pointsDiscount: '积分抵扣（{{points}}）',
    },
  },
  adminPoints: {
    title: '积分',
    nav: '积分',
    hint: '订单付款获得多少积分、结算时积分抵扣多少、积分何时过期。修改从现在起生效。',
    earnPerUnit: '每付款 {{unit}} 获得的积分',
    redeemPerUnit: '结算时抵扣 {{unit}} 所需积分',
    maxSharePercent: '积分最多可抵扣订单的比例（%）',
    expires: '积分会过期',
    expiryMonths: '积分有效期（月）',
    save: '保存',
    saved: '设置已保存。',
    invalidNumber: '请输入整数',
    invalidPercent: '请输入 0 到 100 之间的百分比',
  },
};

export const pointsFieldsZhCN: typeof pointsFieldsEn = {
  earnPerUnit: '获得积分',
  redeemPerUnit: '抵扣所需积分',
  maxShareBps: '最高抵扣比例',
  expiryMonths: '积分有效期',
};
