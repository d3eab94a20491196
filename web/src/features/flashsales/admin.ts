// The operator's flash-sale page, loaded only inside the admin console.

export { AdminFlashSalesPage } from './pages/admin-flash-sales-page';
