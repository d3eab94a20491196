export { type ChosenCoupon, CouponPicker } from './components/coupon-picker';
export { InviteRewardText, PointsCard } from './components/invite-reward-card';
export { CouponCentrePage } from './pages/coupon-centre-page';
export { MyCouponsPage } from './pages/my-coupons-page';
