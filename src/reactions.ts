import type { AfterSalesService } from './modules/aftersales/index.js';
import type { AnalyticsService } from './modules/analytics/index.js';
import type { BargainService } from './modules/bargains/index.js';
import type { CommunitiesModule } from './modules/communities/index.js';
import type { CompetitionsService } from './modules/competitions/index.js';
import type { CouponsService } from './modules/coupons/index.js';
import type { DistributionService } from './modules/distribution/index.js';
import type { FlashSaleService } from './modules/flashsales/index.js';
import type { GiftService } from './modules/gifts/index.js';
import type { GroupBuyService } from './modules/groupbuy/index.js';
import type { HonoursService } from './modules/honours/index.js';
import type { InvitationsService } from './modules/invitations/index.js';
import type { LevelsService } from './modules/levels/index.js';
import type { NotificationsService } from './modules/notifications/index.js';
import { NOTIFICATION_TYPES } from './modules/notifications/index.js';
import type { PointsService } from './modules/points/index.js';
import type { PostsService } from './modules/posts/index.js';
import type { RecommendationsService } from './modules/recommendations/index.js';
import type { ReviewsService } from './modules/reviews/index.js';
import type { SharingService } from './modules/sharing/index.js';
import type { TasksService } from './modules/tasks/index.js';
import type { EventBus } from './platform/events.js';

export interface ReactingModules {
  competitions: Pick<CompetitionsService, 'reactions'>;
  groupBuys: Pick<GroupBuyService, 'reactions'>;
  flashSales: Pick<FlashSaleService, 'reactions'>;
  bargains: Pick<BargainService, 'reactions'>;
  gifts: Pick<GiftService, 'reactions'>;
  distribution: Pick<DistributionService, 'reactions'>;
  coupons: Pick<CouponsService, 'reactions'>;
  invitations: Pick<InvitationsService, 'reactions'>;
  points: Pick<PointsService, 'reactions'>;
  notifications: Pick<NotificationsService, 'notify'>;
  afterSales: Pick<AfterSalesService, 'reactions'>;
  sharing: Pick<SharingService, 'reactions'>;
  levels: Pick<LevelsService, 'reactions'>;
  tasks: Pick<TasksService, 'reactions'>;
  honours: Pick<HonoursService, 'reactions'>;
  communities: Pick<CommunitiesModule['pickups'], 'reactions'>;
  posts: Pick<PostsService, 'reactions'>;
  reviews: Pick<ReviewsService, 'reactions'>;
  analytics: Pick<AnalyticsService, 'reactions'>;
  recommendations: Pick<RecommendationsService, 'reactions'>;
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
  // A cancelled or expired unpaid order gives its flash-sale units back, in its transaction.
  events.subscribe('order.cancelled', m.flashSales.reactions.onCancelled);
  // A cancelled or expired unpaid order frees its bargain for another order.
  events.subscribe('order.cancelled', m.bargains.reactions.onCancelled);
  // A paid gift gets its claim link and deadline with the payment, so the paid order shows the link;
  // a gift whose order lapsed or was refunded before anyone claimed it is closed with it.
  events.subscribe('order.paid', m.gifts.reactions.onPaid);
  events.subscribe('order.cancelled', m.gifts.reactions.onCancelled);
  events.subscribe('order.refunded', m.gifts.reactions.onRefunded);
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
  // A pickup order's code is made with its payment, so the paid order already shows it.
  events.subscribe('order.paid', m.communities.reactions.onPaid);
  events.subscribe('group.succeeded', m.communities.reactions.onGroupSucceeded);
  events.subscribe('order.cancelled', m.communities.reactions.onClosed);
  events.subscribe('order.refunded', m.communities.reactions.onClosed);
  events.subscribe('order.completed', m.communities.reactions.onCompleted);
  // A coupon's redemption counts as used once its order is paid, in the payment's transaction.
  events.subscribe('order.paid', m.coupons.reactions.onPaid);

  events.defer('order.paid', 'invitations.reward-inviter', m.invitations.reactions.rewardInviter);
  // A purchase through a post raises its place in the feed; nothing about the payment waits on it.
  events.defer('order.paid', 'posts.count-purchase', m.posts.reactions.countPurchase);
  // A purchase is the recommender's strongest signal; its friends see "friends bought" at once.
  events.defer('order.paid', 'recommendations.record-purchase', m.recommendations.reactions.onPaid);
  // What went back is no purchase signal: friends stop seeing it as bought, the next training forgets it.
  events.defer('order.refunded', 'recommendations.forget-refund', m.recommendations.reactions.onRefunded);
  events.defer(
    'order.partially_refunded',
    'recommendations.forget-partial-refund',
    m.recommendations.reactions.onRefunded,
  );
  events.defer('order.refunded', 'invitations.reverse-points', m.invitations.reactions.reversePoints);
  events.defer('order.cancelled', 'coupons.return-on-cancel', m.coupons.reactions.returnCoupon);
  events.defer('order.refunded', 'coupons.return-on-refund', m.coupons.reactions.returnCoupon);
  // Growth for membership levels: postings with unique refs, so a job run twice posts once.
  events.defer('order.paid', 'levels.growth-on-paid', m.levels.reactions.onPaid);
  events.defer('order.refunded', 'levels.growth-on-refund', m.levels.reactions.onRefunded);
  events.defer(
    'order.partially_refunded',
    'levels.growth-on-partial-refund',
    m.levels.reactions.onPartiallyRefunded,
  );
  events.defer('checkin.made', 'levels.growth-on-checkin', m.levels.reactions.onCheckin);
  // Growth for reviewing counts once per order; a full refund takes it back and hides the reviews.
  events.defer('review.created', 'levels.growth-on-review', m.levels.reactions.onReview);
  events.defer(
    'order.refunded',
    'levels.review-growth-on-refund',
    m.levels.reactions.onReviewedOrderRefunded,
  );
  events.defer('order.refunded', 'reviews.hide-on-refund', m.reviews.reactions.onOrderRefunded);
  events.defer('lesson.completed', 'levels.growth-on-lesson', m.levels.reactions.onLesson);
  // Task progress: each counts its event once per task and period (the progress table's key).
  events.defer('checkin.made', 'tasks.count-check-in', m.tasks.reactions.onCheckIn);
  events.defer('order.paid', 'tasks.count-first-order', m.tasks.reactions.onPaid);
  events.defer('share.created', 'tasks.count-share', m.tasks.reactions.onShare);
  events.defer('share.reshared', 'tasks.count-reshare', m.tasks.reactions.onReshare);
  events.defer('invitation.converted', 'tasks.count-invitation', m.tasks.reactions.onInvitation);
  events.defer('review.created', 'tasks.count-review', m.tasks.reactions.onReview);
  events.defer('lesson.completed', 'tasks.count-lesson', m.tasks.reactions.onLesson);
  events.defer('commission.earned', 'tasks.count-sale', m.tasks.reactions.onCommission);
  // Honours count sales, customers, streaks, lessons and placings; each observation once by its ref.
  events.defer('commission.earned', 'honours.count-sale', m.honours.reactions.onCommissionEarned);
  events.defer('checkin.made', 'honours.count-check-in', m.honours.reactions.onCheckIn);
  events.defer('lesson.completed', 'honours.count-lesson', m.honours.reactions.onLessonCompleted);
  events.defer('competition.placed', 'honours.count-placing', m.honours.reactions.onCompetitionPlaced);
  events.defer('order.refunded', 'honours.uncount-refund', m.honours.reactions.onOrderRefunded);
  // Competition scores: each event counted once per competition (an entry's unique ref).
  events.defer(
    'commission.settled',
    'competitions.count-settled-sale',
    m.competitions.reactions.onCommissionSettled,
  );
  events.defer(
    'commission.earned',
    'competitions.count-new-customer',
    m.competitions.reactions.onCommissionEarned,
  );
  events.defer(
    'invitation.converted',
    'competitions.count-team-growth',
    m.competitions.reactions.onInvitationConverted,
  );
  // A refund takes back what its order scored, until the competition is awarded.
  events.defer('order.refunded', 'competitions.uncount-refund', m.competitions.reactions.onOrderRefunded);
  events.defer(
    'order.partially_refunded',
    'competitions.recount-partial-refund',
    m.competitions.reactions.onOrderPartiallyRefunded,
  );
  // Points on paid orders, taken back on refunds; points spent at checkout come back on cancel/refund.
  events.defer('order.paid', 'points.earn-on-paid', m.points.reactions.earnOnPaid);
  events.defer('order.refunded', 'points.settle-on-refund', m.points.reactions.settleOrder);
  events.defer('order.partially_refunded', 'points.settle-on-partial-refund', m.points.reactions.settleOrder);
  events.defer('order.cancelled', 'points.return-on-cancel', m.points.reactions.settleOrder);
  // The analytics event log and its read models: counts for the dashboard, never in a payment's way.
  events.defer('order.paid', 'analytics.record-paid', m.analytics.reactions.onPaid);
  events.defer('order.refunded', 'analytics.record-refund', m.analytics.reactions.onRefunded);
  events.defer(
    'order.partially_refunded',
    'analytics.record-partial-refund',
    m.analytics.reactions.onPartiallyRefunded,
  );
  events.defer('commission.earned', 'analytics.record-commission', m.analytics.reactions.onCommissionEarned);
  events.defer('share.created', 'analytics.record-share', m.analytics.reactions.onShareCreated);
  events.defer('group.succeeded', 'analytics.record-group', m.analytics.reactions.onGroupSucceeded);
  for (const type of NOTIFICATION_TYPES) {
    events.defer(type, `notifications.${type}`, (tx, event) => m.notifications.notify(tx, type, event));
  }
}
