/** The console's after-sales page, loaded only by operators. */
export { AdminAfterSalesPage } from './pages/admin-after-sales-page';
