export { AdminOrderPage } from './pages/admin-order-page';
export { AdminOrdersPage } from './pages/admin-orders-page';
export { AdminShipCsvPage } from './pages/admin-ship-csv-page';
