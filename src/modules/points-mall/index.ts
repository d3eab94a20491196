/** The points-mall module's one entry: what the composition root may use. */
export type { MallContext } from './context.js';
export { pointsMallReasons } from './reasons.js';
export { pointsMallRoutes } from './routes.js';
export type { PointsMallService } from './service.js';
export { createPointsMallService } from './service.js';
