/** The catalog module's one entry: what other modules and the composition root may use. */
export { catalogReasons } from './reasons.js';
export { catalogRoutes } from './routes.js';
export { productMachine } from './rules.js';
export type { Product, StockMovement, Variant } from './schemas.js';
export { MovementSchema, ProductSchema, VariantSchema } from './schemas.js';
export type { CatalogService } from './service.js';
export { createCatalogService } from './service.js';
