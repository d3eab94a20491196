/** The after-sales module's entry: its service, its routes, its reasons and the port it needs from distribution. */
export type { AfterSalesContext, SettlementHolds } from './context.js';
export { afterSalesReasons } from './reasons.js';
export { afterSalesRoutes } from './routes.js';
export { type AfterSale, type AfterSalesService, createAfterSalesService } from './service.js';
