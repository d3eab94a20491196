/** The trust module's one entry: what the composition root may use. */
export type { TrustSources } from './context.js';
export { trustRoutes } from './routes.js';
export { createTrustService, type TrustService } from './service.js';
