/** The levels module's one entry: what other modules and the composition root may use. */
export type { LevelsContext } from './context.js';
export { commissionMultiplierBps, hasFreeShipping, memberPricing } from './pricing.js';
export { levelsReasons } from './reasons.js';
export { levelsRoutes } from './routes.js';
export type { LevelsService } from './service.js';
export { createLevelsService } from './service.js';
