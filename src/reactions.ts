import type { AfterSalesService } from './modules/aftersales/index.js';
import type { CouponsService } from './modules/coupons/index.js';
import type { DistributionService } from './modules/distribution/index.js';
import type { GroupBuyService } from './modules/groupbuy/index.js';
import type { InvitationsService } from './modules/invitations/index.js';
import type { NotificationsService } from './modules/notifications/index.js';
import { NOTIFICATION_TYPES } from './modules/notifications/index.js';
import type { PointsService } from './modules/points/index.js';
import type { SharingService } from './modules/sharing/index.js';
import type { EventBus } from './platform/events.js';

export interface ReactingModules {
  groupBuys: Pick<GroupBuyService, 'reactions'>;
  distribution: Pick<DistributionService, 'reactions'>;
  coupons: Pick<CouponsService, 'reactions'>;
  invitations: Pick<InvitationsService, 'reactions'>;
  points: Pick<PointsService, 'reactions'>;
  notifications: Pick<NotificationsService, 'notify'>;
  afterSales: Pick<AfterSalesService, 'reactions'>;
  sharing: Pick<SharingService, 'reactions'>;
}

/**
 * Every reaction to a domain event, in one place and in the order they run.
 *
 * Inside the publisher's transaction: only what money and seats depend on, so it commits or rolls
 * back with the change. A failure here aborts the payment or refund, which is the point: a paid
 * order without its seat or its commissions would be wrong. Group seats come before commissions.
 *
 * Deferred (a job per handler, queued in the same transaction, run in a transaction of its own and
 * retried): everything a payment must not wait for or fail because of. Each is idempotent.
 */
export function wireReactions(events: EventBus, m: ReactingModules): void {
  events.subscribe('order.paid', m.groupBuys.reactions.onPaid);
  events.subscribe('order.paid', m.distribution.reactions.earnCommissions);
  events.subscribe('order.cancelled', m.groupBuys.reactions.onCancelled);
  events.subscribe('order.completed', m.distribution.reactions.startReturnWindow);
  events.subscribe('order.refunded', m.afterSales.reactions.onOrderRefunded);
  events.subscribe('order.refunded', m.groupBuys.reactions.onRefunded);
  events.subscribe('order.refunded', m.distribution.reactions.reverseCommissions);
  events.subscribe('order.partially_refunded', m.afterSales.reactions.onPartiallyRefunded);
  events.subscribe('order.partially_refunded', m.distribution.reactions.shrinkCommissions);
  events.subscribe('order.disputed', m.distribution.reactions.holdForDispute);
  events.subscribe('order.dispute_closed', m.distribution.reactions.closeDispute);
  // Share links' order counters: in the transaction, so a link's figures match its paid orders.
  events.subscribe('order.paid', m.sharing.reactions.onPaid);
  events.subscribe('order.partially_refunded', m.sharing.reactions.onPartiallyRefunded);
  events.subscribe('order.refunded', m.sharing.reactions.onRefunded);
  // A coupon's redemption counts as used once its order is paid, in the payment's transaction.
  events.subscribe('order.paid', m.coupons.reactions.onPaid);

  events.defer('order.paid', 'invitations.reward-inviter', m.invitations.reactions.rewardInviter);
  events.defer('order.refunded', 'invitations.reverse-points', m.invitations.reactions.reversePoints);
  events.defer('order.cancelled', 'coupons.return-on-cancel', m.coupons.reactions.returnCoupon);
  events.defer('order.refunded', 'coupons.return-on-refund', m.coupons.reactions.returnCoupon);
  // Points on paid orders, taken back on refunds; points spent at checkout come back on cancel/refund.
  events.defer('order.paid', 'points.earn-on-paid', m.points.reactions.earnOnPaid);
  events.defer('order.refunded', 'points.settle-on-refund', m.points.reactions.settleOrder);
  events.defer('order.partially_refunded', 'points.settle-on-partial-refund', m.points.reactions.settleOrder);
  events.defer('order.cancelled', 'points.return-on-cancel', m.points.reactions.settleOrder);
  for (const type of NOTIFICATION_TYPES) {
    events.defer(type, `notifications.${type}`, (tx, event) => m.notifications.notify(tx, type, event));
  }
}
