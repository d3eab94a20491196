/** The points module's one entry: what other modules and the composition root may use. */
export { pointsRoutes } from './routes.js';
export type { PointsService } from './service.js';
export { createPointsService } from './service.js';
