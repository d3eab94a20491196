// The operator's shipping pages, loaded only inside the admin console.
export { ProductShippingPanel } from './components/product-shipping-panel';
export { AdminShippingPage } from './pages/admin-shipping-page';
