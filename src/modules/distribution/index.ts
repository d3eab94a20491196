/** The distribution module's one entry: what other modules and the composition root may use. */
export type { CommissionFacts } from './bonus.js';
export { BONUS_KIND } from './bonus.js';
export { fraudReviewRoutes } from './fraud-routes.js';
export { distributionReasons } from './reasons.js';
export { distributionRoutes } from './routes.js';
export type { DistributionSettings } from './rules.js';
export { splitCommission } from './rules.js';
export type { DistributionService } from './service.js';
export { createDistributionService } from './service.js';
