/** The flashsales module's one entry: what other modules and the composition root may use. */
export { createFlashSaleCheckout } from './checkout.js';
export { flashSaleReasons } from './reasons.js';
export { flashSaleRoutes } from './routes.js';
export { FLASH_SALE_STATUSES, type FlashSaleStatus } from './rules.js';
export type { FlashSale } from './schemas.js';
export { createFlashSaleService, type FlashSaleService } from './service.js';
