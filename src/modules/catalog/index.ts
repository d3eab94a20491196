/** The catalog module's one entry: what other modules and the composition root may use. */
export type { CategoryIcon } from './category-rules.js';
export { CATEGORY_ICONS } from './category-rules.js';
export type { AdminCategory, PublicCategory } from './category-schemas.js';
export type { ImportService } from './imports.js';
export { createImportService } from './imports.js';
export { catalogIoRoutes } from './io-routes.js';
export { catalogReasons } from './reasons.js';
export { catalogRoutes } from './routes.js';
export { productMachine } from './rules.js';
export type { Product, StockMovement, Variant } from './schemas.js';
export { MovementSchema, ProductSchema, VariantSchema } from './schemas.js';
export type { CatalogService } from './service.js';
export { createCatalogService } from './service.js';
