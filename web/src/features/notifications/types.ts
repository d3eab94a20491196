/** As GET /api/me/notifications answers them (src/modules/notifications/routes.ts). */
export const NOTIFICATION_TYPES = [
  'order.paid',
  'order.shipped',
  'after_sale.decided',
  'withdrawal.decided',
  'commission.earned',
  'commission.settled',
  'group.succeeded',
  'group.failed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface Notification {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  /** A path of this web app: /orders/<id>, /groups/<id>, /promote/commissions, … */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

export interface EmailPreferences {
  email: Record<NotificationType, boolean>;
}
