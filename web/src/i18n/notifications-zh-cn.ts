import type { notificationsEn } from './notifications-en';

/** 消息中心、铃铛和邮件设置的中文文案。 */
export const notificationsZhCN: typeof notificationsEn = {
  notifications: {
    title: '消息',
    bellLabel_one: '消息，{{count}} 条未读',
    bellLabel_other: '消息，{{count}} 条未读',
    markAllRead: '全部已读',
    unread: '未读',
    empty: '暂无消息',
    emptyHint: '付款、发货、拼团和佣金的消息会显示在这里。',
    emailTitle: '邮件通知',
    emailHint: '选择哪些消息同时发送到您的邮箱。所有消息都会显示在消息中心。',
    types: {
      'order.paid': '订单已付款',
      'order.redeemed': '积分兑换',
      'order.shipped': '订单已发货',
      'after_sale.decided': '退款和退货处理结果',
      'withdrawal.decided': '提现审核结果',
      'commission.earned': '获得佣金',
      'commission.settled': '佣金可提现',
      'group.succeeded': '拼团成功',
      'group.failed': '拼团未成功',
      'level.changed': '会员等级变更',
      'level.review_announced': '年度等级评定预告',
      'task.completed': '任务已完成',
      'badge.granted': '获得新徽章',
      'competition.placed': '比赛获奖',
      'points.expiring': '积分即将过期',
      'pickup.reminder': '自提点待取订单',
      'gift.claimed': '礼物已被领取',
      'gift.refunded': '礼物未领取已退款',
    },
  },
};
