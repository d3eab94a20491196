/** The catalog module's one entry: what other modules and the composition root may use. */
export { catalogRoutes, ProductSchema } from './routes.js';
export type { CatalogService, Product, Variant } from './service.js';
export { createCatalogService } from './service.js';
