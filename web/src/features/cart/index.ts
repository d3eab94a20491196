export { type CartLine, cart, MAX_QUANTITY, useCart } from './cart-store';
export { CartPage } from './pages/cart-page';
export { type PurchaseIntent, purchaseIntent } from './purchase-intent';
