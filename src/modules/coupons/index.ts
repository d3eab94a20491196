/** The coupons module's one entry: what other modules and the composition root may use. */
export type { ShareVisitors } from './context.js';
export { couponReasons } from './reasons.js';
export { couponsRoutes } from './routes.js';
export type { CreateTemplateInput } from './schemas.js';
export type { CouponsService } from './service.js';
export { createCouponCheckout, createCouponsService } from './service.js';
