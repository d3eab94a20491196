/** The honours module's one entry: shopkeepers' badges (bronze, silver, gold) earned from domain events. */
export { honoursRoutes } from './routes.js';
export type { Badge, Tier } from './rules.js';
export { BADGE_RULES, BADGES, TIERS } from './rules.js';
export type { HonoursService } from './service.js';
export { createHonoursService, YEARS_OF_SERVICE_JOB } from './service.js';
