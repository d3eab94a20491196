/** The stores module's one entry: what other modules and the composition root may use. */
export { storesRoutes } from './routes.js';
export type { StoresService } from './service.js';
export { createStoresService } from './service.js';
