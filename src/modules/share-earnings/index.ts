/** The share-earnings module's one entry: what other modules and the composition root may use. */
export { shareEarningsRoutes } from './routes.js';
export { createShareEarningsService } from './service.js';
