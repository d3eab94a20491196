/** The shipping module's one entry: what other modules and the composition root may use. */
export type { ShippingContext } from './context.js';
export { shippingReasons } from './reasons.js';
export { shippingRoutes } from './routes.js';
export type { ShippingService, TemplateInput } from './service.js';
export { createShippingService } from './service.js';
