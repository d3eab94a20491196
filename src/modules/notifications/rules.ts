import type { DomainEvents } from '../../platform/events.js';
import type { Language } from '../accounts/index.js';

/** The events that notify someone, in the order the notification centre lists its settings. */
export const NOTIFICATION_TYPES = [
  'order.paid',
  'order.shipped',
  'after_sale.decided',
  'withdrawal.decided',
  'commission.earned',
  'commission.settled',
  'group.succeeded',
  'group.failed',
  'points.expiring',
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
  'order.shipped': true,
  'after_sale.decided': true,
  'withdrawal.decided': true,
  'commission.earned': false,
  'commission.settled': false,
  'group.succeeded': false,
  'group.failed': false,
  'points.expiring': false,
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
    case 'points.expiring': {
      const p = e as NotificationEvent<'points.expiring'>;
      return { recipients: [p.userId], subject: p.lotId, link: '/points' };
    }
    case 'withdrawal.decided': {
      const w = e as NotificationEvent<'withdrawal.decided'>;
      return { recipients: [w.userId], subject: w.withdrawalId, link: '/promote/withdrawals' };
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
    'points.expiring': (e) => ({
      title: 'Points expiring soon',
      body: `${e.points} of your points expire on ${dayOf(e.expiresAt, 'en')}. Use them at checkout before then.`,
    }),
  },
  'zh-CN': {
    'order.paid': (e) => ({
      title: '付款成功',
      body: `订单 ${shortRef(e.orderId)} 已付款，发货后我们会通知您。`,
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
    'points.expiring': (e) => ({
      title: '积分即将过期',
      body: `您有 ${e.points} 积分将于 ${dayOf(e.expiresAt, 'zh-CN')} 过期，请在此之前结算时使用。`,
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
