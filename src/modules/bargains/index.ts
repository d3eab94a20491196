/** The bargains module's one entry: what other modules and the composition root may use. */
export { createBargainCheckout } from './checkout.js';
export { bargainReasons } from './reasons.js';
export { bargainRoutes } from './routes.js';
export { BARGAIN_STATUSES, type BargainStatus, cutSchedule } from './rules.js';
export type { Bargain } from './schemas.js';
export { type BargainService, createBargainService } from './service.js';
