/** The stores module's one entry: what other modules and the composition root may use. */
export { storesReasons } from './reasons.js';
export { storesRoutes } from './routes.js';
export { applicationMachine } from './rules.js';
export type { Store, StorePage } from './schemas.js';
export { StorePageSchema, StoreSchema } from './schemas.js';
export type { StoreLogoUploads, StoreRef, StoresService } from './service.js';
export { createStoresService } from './service.js';
