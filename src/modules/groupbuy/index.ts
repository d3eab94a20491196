/** The groupbuy module's one entry: what other modules and the composition root may use. */
export type { CampaignInput } from './campaigns.js';
export { groupBuyReasons } from './reasons.js';
export { groupBuyRoutes } from './routes.js';
export { createGroupBuyCheckout } from './seats.js';
export type { GroupBuyService, NamesOf } from './service.js';
export { createGroupBuyService } from './service.js';
export { registerGroupTarget } from './share-card.js';
