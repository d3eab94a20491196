import type { DomainEvents } from '../../platform/events.js';
import type { Language } from '../accounts/index.js';

/** The events that notify someone, in the order the notification centre lists its settings. */
export const NOTIFICATION_TYPES = [
  'order.paid',
  'order.redeemed',
  'order.shipped',
  'after_sale.decided',
  'withdrawal.decided',
  'commission.earned',
  'commission.settled',
  'group.succeeded',
  'group.failed',
  'level.changed',
  'level.review_announced',
  'task.completed',
  'badge.granted',
  'competition.placed',
  'points.expiring',
  'pickup.reminder',
  'gift.claimed',
  'gift.refunded',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export type NotificationEvent<T extends NotificationType = NotificationType> = DomainEvents[T];

/**
 * Email by default for what concerns someone's money or parcel as a buyer and their payouts
 * (orders, after-sales, withdrawals); off for the frequent promoter and group updates, which the
 * notification centre shows anyway. Each person changes these per type.
 */
export const EMAIL_BY_DEFAULT: Readonly<Record<NotificationType, boolean>> = {
  'order.paid': true,
  'order.redeemed': true,
  'order.shipped': true,
  'after_sale.decided': true,
  'withdrawal.decided': true,
  'commission.earned': false,
  'commission.settled': false,
  'group.succeeded': false,
  'group.failed': false,
  'level.changed': false,
  'level.review_announced': false,
  'task.completed': false,
  'badge.granted': false,
  // A prize is rare and worth hearing of: by email unless the person turns it off.
  'competition.placed': true,
  'points.expiring': false,
  // Money comes back (or goods go back) if they do not collect: worth an email.
  'pickup.reminder': true,
  // The sender's parcel found its recipient: the centre shows it; the refund of one nobody claimed is money back.
  'gift.claimed': false,
  'gift.refunded': true,
};

export const isNotificationType = (name: string): name is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(name);

/** What one event is about: who to tell, the id that makes it one notification per person, the page. */
export interface Addressed {
  recipients: string[];
  subject: string;
  link: string;
}

export function addressOf<T extends NotificationType>(type: T, event: NotificationEvent<T>): Addressed {
  const e = event as NotificationEvent;
  switch (type) {
    case 'order.paid':
    case 'order.redeemed':
    case 'order.shipped': {
      const o = e as NotificationEvent<'order.paid'>;
      return { recipients: [o.userId], subject: o.orderId, link: `/orders/${o.orderId}` };
    }
    case 'after_sale.decided': {
      const a = e as NotificationEvent<'after_sale.decided'>;
      return { recipients: [a.userId], subject: a.afterSaleId, link: `/orders/${a.orderId}` };
    }
    case 'commission.earned':
    case 'commission.settled': {
      const c = e as NotificationEvent<'commission.earned'>;
      return { recipients: [c.userId], subject: c.commissionId, link: '/promote/commissions' };
    }
    case 'group.succeeded':
    case 'group.failed': {
      const g = e as NotificationEvent<'group.succeeded'>;
      return { recipients: [...new Set(g.memberIds)], subject: g.groupId, link: `/groups/${g.groupId}` };
    }
    case 'badge.granted': {
      const b = e as NotificationEvent<'badge.granted'>;
      return { recipients: [b.userId], subject: `${b.badge}:${b.tier}`, link: '/badges' };
    }
    case 'points.expiring': {
      const p = e as NotificationEvent<'points.expiring'>;
      return { recipients: [p.userId], subject: p.lotId, link: '/points' };
    }
    case 'gift.claimed':
    case 'gift.refunded': {
      const g = e as NotificationEvent<'gift.claimed'>;
      return { recipients: [g.userId], subject: g.orderId, link: `/orders/${g.orderId}` };
    }
    case 'pickup.reminder': {
      const p = e as NotificationEvent<'pickup.reminder'>;
      return { recipients: [p.userId], subject: `${p.orderId}:reminder`, link: `/orders/${p.orderId}` };
    }
    case 'withdrawal.decided': {
      const w = e as NotificationEvent<'withdrawal.decided'>;
      return { recipients: [w.userId], subject: w.withdrawalId, link: '/promote/withdrawals' };
    }
    case 'level.changed': {
      const l = e as NotificationEvent<'level.changed'>;
      const subject = `${l.fromLevel}>${l.toLevel}@${l.changedAt ?? ''}`;
      return { recipients: [l.userId], subject, link: '/level' };
    }
    case 'level.review_announced': {
      const r = e as NotificationEvent<'level.review_announced'>;
      return { recipients: [r.userId], subject: r.reviewDay, link: '/level' };
    }
    case 'task.completed': {
      // A daily or weekly task is completed again each period: one notification per period.
      const k = e as NotificationEvent<'task.completed'>;
      return { recipients: [k.userId], subject: `${k.taskId}:${k.periodKey}`, link: '/tasks' };
    }
    case 'competition.placed': {
      const c = e as NotificationEvent<'competition.placed'>;
      return { recipients: [c.userId], subject: c.competitionId, link: `/competitions/${c.competitionId}` };
    }
  }
  throw new Error(`not a notification type: ${String(type)}`);
}

/** Money as the person reads it: the platform currency's own minor digits (CNY 2, JPY 0). */
export function formatMoney(minor: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A day as the person reads it (the instant's UTC day, as the points page shows it). */
const dayOf = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

/** A short, human reference to an order: the last characters of its id, as the order page shows it. */
export const shortRef = (id: string) => id.slice(-8).toUpperCase();

export interface Rendered {
  title: string;
  body: string;
}

type Templates = {
  [T in NotificationType]: (e: NotificationEvent<T>, money: (m: number) => string) => Rendered;
};

/** Badge and tier names for badge notifications (the honours module's badges; the web has its own texts). */
const BADGE_NAMES: Record<Language, Record<string, string>> = {
  en: {
    first_sale: 'First sale',
    customers: 'Customers',
    check_in_streak: 'Check-in streak',
    lessons: 'Lessons finished',
    competition: 'Competition placing',
    service_years: 'Years of service',
  },
  'zh-CN': {
    first_sale: '首单达成',
    customers: '客户达人',
    check_in_streak: '连续签到',
    lessons: '学习之星',
    competition: '竞赛名次',
    service_years: '服务年限',
  },
};
const TIER_NAMES: Record<Language, Record<'bronze' | 'silver' | 'gold', string>> = {
  en: { bronze: 'bronze', silver: 'silver', gold: 'gold' },
  'zh-CN': { bronze: '铜牌', silver: '银牌', gold: '金牌' },
};

/**
 * The messages, per language. Values go in through template literals of our own text: nothing a
 * person typed is ever used as a pattern or a template (events carry ids and amounts only).
 */
const TEMPLATES: Record<Language, Templates> = {
  en: {
    'order.paid': (e) => ({
      title: 'Payment received',
      body: `We received the payment for order ${shortRef(e.orderId)}. We will tell you when it ships.`,
    }),
    'order.redeemed': (e) => ({
      title: 'Redeemed with your points',
      body: `Order ${shortRef(e.orderId)} is paid with your points. We will tell you when it ships.`,
    }),
    'order.shipped': (e) => ({
      title: 'Your order is on its way',
      body: `Order ${shortRef(e.orderId)} has been handed to the carrier. The order page has the tracking number.`,
    }),
    'after_sale.decided': (e, money) =>
      e.status === 'refunded'
        ? {
            title: 'Refund approved',
            body: `${money(e.amount)} is on its way back to you for order ${shortRef(e.orderId)}.`,
          }
        : {
            title: 'After-sales request declined',
            body: `Your request for order ${shortRef(e.orderId)} was declined. The order page has the operator's note.`,
          },
    'commission.earned': (e, money) => ({
      title: 'You earned a commission',
      body: `${money(e.amount)} (level ${e.level}) on order ${shortRef(e.orderId)}. It becomes available once the return window closes.`,
    }),
    'commission.settled': (e, money) => ({
      title: 'Commission available',
      body: `${money(e.amount)} from order ${shortRef(e.orderId)} can now be withdrawn.`,
    }),
    'group.succeeded': () => ({
      title: 'Your group buy succeeded',
      body: 'The group is full: your order goes ahead at the group price.',
    }),
    'group.failed': () => ({
      title: 'Your group buy did not fill',
      body: 'The group closed before it was full: a paid order is refunded in full, an unpaid one cancelled.',
    }),
    'withdrawal.decided': (e, money) =>
      e.status === 'approved'
        ? { title: 'Withdrawal approved', body: `Your withdrawal of ${money(e.amount)} was approved.` }
        : {
            title: 'Withdrawal declined',
            body: `Your withdrawal of ${money(e.amount)} was declined; the amount stays in your balance.`,
          },
    'level.changed': (e) =>
      e.direction === 'up'
        ? {
            title: `Welcome to ${e.name}`,
            body: `Your growth took you to level ${e.toLevel}, ${e.name}. See your new benefits.`,
          }
        : e.cause === 'level_removed'
          ? {
              title: `Your level is now ${e.name}`,
              body: `The shop no longer has the level you were at: you are at level ${e.toLevel}, ${e.name}.`,
            }
          : {
              title: `Your level is now ${e.name}`,
              body: `The yearly review counted your growth of the last 12 months: you are at level ${e.toLevel}, ${e.name}.`,
            },
    'level.review_announced': (e) => ({
      title: 'Your level will be reviewed',
      body: `On ${e.reviewDay} levels are recomputed from the growth of the last 12 months. You have ${e.growth}; ${e.name} needs ${e.keepGrowth}.`,
    }),
    'task.completed': (e) => ({
      title: 'Task completed',
      body:
        e.rewardPoints > 0
          ? `You finished “${e.title}” and earned ${e.rewardPoints} points.`
          : `You finished “${e.title}”; your reward is in your coupons.`,
    }),
    'badge.granted': (e) => ({
      title: `New badge: ${BADGE_NAMES.en[e.badge] ?? e.badge} (${TIER_NAMES.en[e.tier]})`,
      body: 'Your badges page shows it, and it now shows on your store page too.',
    }),
    'competition.placed': (e) => ({
      title: `You finished #${e.rank} in “${e.title}”`,
      body: 'The competition has ended and your prize has been paid. The final leaderboard is on its page.',
    }),
    'points.expiring': (e) => ({
      title: 'Points expiring soon',
      body: `${e.points} of your points expire on ${dayOf(e.expiresAt, 'en')}. Use them at checkout before then.`,
    }),
    'pickup.reminder': (e) => ({
      title: 'Your order is waiting at the pickup point',
      body: `Collect order ${shortRef(e.orderId)} by ${dayOf(e.collectBy, 'en')} with its pickup code; after that it goes back.`,
    }),
    'gift.claimed': (e) => ({
      title: 'Your gift was claimed',
      body: `Your friend claimed the gift of order ${shortRef(e.orderId)}; it ships to the address they gave.`,
    }),
    'gift.refunded': (e) => ({
      title: 'Your gift was not claimed',
      body: `Nobody claimed the gift of order ${shortRef(e.orderId)} in time, so it is refunded to you in full.`,
    }),
  },
  'zh-CN': {
    'order.paid': (e) => ({
      title: '付款成功',
      body: `订单 ${shortRef(e.orderId)} 已付款，发货后我们会通知您。`,
    }),
    'order.redeemed': (e) => ({
      title: '积分兑换成功',
      body: `订单 ${shortRef(e.orderId)} 已用积分支付，发货后我们会通知您。`,
    }),
    'order.shipped': (e) => ({
      title: '您的订单已发货',
      body: `订单 ${shortRef(e.orderId)} 已交给承运商，物流单号请查看订单详情。`,
    }),
    'after_sale.decided': (e, money) =>
      e.status === 'refunded'
        ? { title: '退款已通过', body: `订单 ${shortRef(e.orderId)} 的 ${money(e.amount)} 正在退回给您。` }
        : {
            title: '售后申请未通过',
            body: `订单 ${shortRef(e.orderId)} 的售后申请未通过，运营备注请查看订单详情。`,
          },
    'commission.earned': (e, money) => ({
      title: '您获得了一笔佣金',
      body: `订单 ${shortRef(e.orderId)} 为您带来 ${money(e.amount)}（第 ${e.level} 级），退货期结束后可提现。`,
    }),
    'commission.settled': (e, money) => ({
      title: '佣金已可提现',
      body: `订单 ${shortRef(e.orderId)} 的佣金 ${money(e.amount)} 现在可以提现了。`,
    }),
    'group.succeeded': () => ({
      title: '拼团成功',
      body: '团已满员，您的订单将按拼团价发货。',
    }),
    'group.failed': () => ({
      title: '拼团未成功',
      body: '拼团在满员前已结束：已付款的订单将全额退款，未付款的订单将取消。',
    }),
    'withdrawal.decided': (e, money) =>
      e.status === 'approved'
        ? { title: '提现已通过', body: `您 ${money(e.amount)} 的提现申请已通过。` }
        : { title: '提现未通过', body: `您 ${money(e.amount)} 的提现申请未通过，金额仍在您的余额中。` },
    'level.changed': (e) =>
      e.direction === 'up'
        ? {
            title: `恭喜升级为${e.name}`,
            body: `您的成长值已达到第 ${e.toLevel} 级「${e.name}」，快去看看新的会员权益吧。`,
          }
        : e.cause === 'level_removed'
          ? {
              title: `您的会员等级已调整为${e.name}`,
              body: `您原来的等级已被取消，您现在是第 ${e.toLevel} 级「${e.name}」。`,
            }
          : {
              title: `您的会员等级已调整为${e.name}`,
              body: `年度评定按近 12 个月的成长值计算，您现在是第 ${e.toLevel} 级「${e.name}」。`,
            },
    'level.review_announced': (e) => ({
      title: '会员等级即将评定',
      body: `${e.reviewDay} 将按近 12 个月的成长值重新评定等级。您目前有 ${e.growth}，保持「${e.name}」需要 ${e.keepGrowth}。`,
    }),
    'task.completed': (e) => ({
      title: '任务已完成',
      body:
        e.rewardPoints > 0
          ? `您完成了“${e.title}”，获得 ${e.rewardPoints} 积分。`
          : `您完成了“${e.title}”，奖励已放入您的优惠券。`,
    }),
    'badge.granted': (e) => ({
      title: `获得新徽章：${BADGE_NAMES['zh-CN'][e.badge] ?? '徽章'}（${TIER_NAMES['zh-CN'][e.tier]}）`,
      body: '可在“我的徽章”中查看，您的店铺页面也会展示它。',
    }),
    'competition.placed': (e) => ({
      title: `恭喜您在“${e.title}”中获得第 ${e.rank} 名`,
      body: '比赛已结束，奖品已发放。最终排行榜请查看比赛页面。',
    }),
    'points.expiring': (e) => ({
      title: '积分即将过期',
      body: `您有 ${e.points} 积分将于 ${dayOf(e.expiresAt, 'zh-CN')} 过期，请在此之前结算时使用。`,
    }),
    'pickup.reminder': (e) => ({
      title: '您的订单在自提点等您取货',
      body: `请在 ${dayOf(e.collectBy, 'zh-CN')} 前凭取货码领取订单 ${shortRef(e.orderId)}，逾期将退回。`,
    }),
    'gift.claimed': (e) => ({
      title: '您的礼物已被领取',
      body: `好友已领取订单 ${shortRef(e.orderId)} 的礼物，将寄往对方填写的地址。`,
    }),
    'gift.refunded': (e) => ({
      title: '您的礼物未被领取',
      body: `订单 ${shortRef(e.orderId)} 的礼物未在规定时间内被领取，已全额退款给您。`,
    }),
  },
};

export function renderNotification<T extends NotificationType>(
  type: T,
  event: NotificationEvent<T>,
  language: Language,
  currency: string,
): Rendered {
  const template = TEMPLATES[language][type] as Templates[T];
  return template(event, (minor) => formatMoney(minor, currency, language));
}
