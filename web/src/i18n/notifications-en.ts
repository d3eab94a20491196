import type { ResponseOf } from '../lib/api';

/** The server's notification types (generated): a type added there and not worded here breaks the build. */
type NotificationType = ResponseOf<'/api/me/notifications', 'get'>['items'][number]['type'];

/** English strings of the notification centre, the bell and the email settings. */
export const notificationsEn = {
  notifications: {
    title: 'Notifications',
    bellLabel_one: 'Notifications, {{count}} unread',
    bellLabel_other: 'Notifications, {{count}} unread',
    markAllRead: 'Mark all read',
    unread: 'Unread',
    empty: 'No notifications yet',
    emptyHint: 'Payments, deliveries, group buys and commissions will show up here.',
    emailTitle: 'Email notifications',
    emailHint: 'Choose what also comes to your inbox. Everything always shows in the notification centre.',
    types: {
      'order.paid': 'Order paid',
      'order.redeemed': 'Redeemed with points',
      'order.shipped': 'Order shipped',
      'after_sale.decided': 'Refund and return decisions',
      'withdrawal.decided': 'Withdrawal decisions',
      'commission.earned': 'Commission earned',
      'commission.settled': 'Commission available to withdraw',
      'group.succeeded': 'Group buy succeeded',
      'group.failed': 'Group buy did not fill',
      'level.changed': 'Membership level changed',
      'level.review_announced': 'Yearly level review coming',
      'task.completed': 'Task completed',
      'badge.granted': 'New badges',
      'competition.placed': 'Competition prizes',
      'points.expiring': 'Points about to expire',
      'pickup.reminder': 'Orders waiting at your pickup point',
      'gift.claimed': 'Your gift was claimed',
      'gift.refunded': 'Unclaimed gifts refunded',
    } satisfies Record<NotificationType, string>,
  },
};
