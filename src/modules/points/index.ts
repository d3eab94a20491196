/** The points module's one entry: what other modules and the composition root may use. */

export { EXPIRE_POINTS_JOB } from './expiry.js';
export { pointsReasons } from './reasons.js';
export { pointsRoutes } from './routes.js';
export type { PointsSettings } from './rules.js';
export type { PointsChange, PointsService } from './service.js';
export { createPointsService } from './service.js';
