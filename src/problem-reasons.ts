import { academyReasons } from './modules/academy/index.js';
import { accountsReasons } from './modules/accounts/index.js';
import { addressesReasons } from './modules/addresses/index.js';
import { afterSalesReasons } from './modules/aftersales/index.js';
import { bargainReasons } from './modules/bargains/index.js';
import { catalogReasons } from './modules/catalog/index.js';
import { checkinsReasons } from './modules/checkins/index.js';
import { communitiesReasons } from './modules/communities/index.js';
import { competitionsReasons } from './modules/competitions/index.js';
import { couponReasons } from './modules/coupons/index.js';
import { distributionReasons } from './modules/distribution/index.js';
import { flashSaleReasons } from './modules/flashsales/index.js';
import { fulfilmentReasons } from './modules/fulfilment/index.js';
import { giftReasons } from './modules/gifts/index.js';
import { groupBuyReasons } from './modules/groupbuy/index.js';
import { levelsReasons } from './modules/levels/index.js';
import { liveReasons } from './modules/live/index.js';
import { moderationReasons } from './modules/moderation/index.js';
import { notificationsReasons } from './modules/notifications/index.js';
import { orderReasons } from './modules/orders/index.js';
import { paymentReasons } from './modules/payments/index.js';
import { pointsReasons } from './modules/points/index.js';
import { pointsMallReasons } from './modules/points-mall/index.js';
import { postsReasons } from './modules/posts/index.js';
import { reviewsReasons } from './modules/reviews/index.js';
import { sharingReasons } from './modules/sharing/index.js';
import { shippingReasons } from './modules/shipping/index.js';
import { simulatorReasons } from './modules/simulator/index.js';
import { storesReasons } from './modules/stores/index.js';
import { uploadsReasons } from './modules/uploads/index.js';
import { POLICY_REASONS } from './platform/policy.js';
import { mergeReasonCatalogs, platformReasons } from './platform/reasons.js';
import { SECURITY_REASONS } from './platform/security-reasons.js';

/**
 * Every refusal reason the API can answer with, one catalog per module. The OpenAPI document lists
 * them (`ProblemReason`, `ReasonParams`), and the web app's test renders each in every language.
 */
export const problemReasons = mergeReasonCatalogs([
  platformReasons,
  SECURITY_REASONS,
  POLICY_REASONS,
  afterSalesReasons,
  addressesReasons,
  academyReasons,
  fulfilmentReasons,
  notificationsReasons,
  sharingReasons,
  accountsReasons,
  catalogReasons,
  storesReasons,
  communitiesReasons,
  couponReasons,
  groupBuyReasons,
  flashSaleReasons,
  bargainReasons,
  giftReasons,
  orderReasons,
  paymentReasons,
  distributionReasons,
  uploadsReasons,
  pointsReasons,
  checkinsReasons,
  levelsReasons,
  competitionsReasons,
  pointsMallReasons,
  shippingReasons,
  simulatorReasons,
  reviewsReasons,
  moderationReasons,
  postsReasons,
  liveReasons,
]);
