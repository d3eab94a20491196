// The operator's coupon pages, loaded only inside the admin console.
export { AdminCouponEditPage, AdminCouponNewPage } from './pages/admin-coupon-edit-page';
export { AdminCouponsPage } from './pages/admin-coupons-page';
export { AdminInvitationRewardsPage } from './pages/admin-invitation-rewards-page';
