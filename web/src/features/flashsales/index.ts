export { FlashSaleStrip } from './components/flash-sale-strip';
export { FlashSalesPage } from './pages/flash-sales-page';
