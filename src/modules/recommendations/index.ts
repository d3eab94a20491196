/** The recommendations module's one entry: what other modules and the composition root may use. */
export { recommendationsRoutes } from './routes.js';
export type { Training } from './schemas.js';
export { createRecommendationsService, type RecommendationsService } from './service.js';
