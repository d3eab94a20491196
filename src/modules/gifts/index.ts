/** The gifts module's one entry: what other modules and the composition root may use. */
export { createGiftOrders } from './checkout.js';
export { giftReasons } from './reasons.js';
export { giftRoutes } from './routes.js';
export { GIFT_STATUSES, type GiftStatus } from './rules.js';
export type { Gift, MyGift } from './schemas.js';
export { createGiftService, GIFT_UNCLAIMED_NOTE, type GiftService } from './service.js';
