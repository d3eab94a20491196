export { OrderAfterSales } from './components/order-after-sales';
export { MyAfterSalesPage } from './pages/my-after-sales-page';
export type { AfterSale, AfterSaleStatus } from './types';
