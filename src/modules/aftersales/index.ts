/** The after-sales module's entry: its service, its routes and the port it needs from distribution. */
export type { AfterSalesContext, SettlementHolds } from './context.js';
export { afterSalesRoutes } from './routes.js';
export { type AfterSale, type AfterSalesService, createAfterSalesService } from './service.js';
