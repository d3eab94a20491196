export { type CartLine, cart, MAX_QUANTITY, useCart } from './cart-store';
export {
  type ContentSource,
  contentSourceFromParams,
  contentSourceOfLines,
  orderSourceFields,
} from './content-source';
export { CartPage } from './pages/cart-page';
export { type PurchaseIntent, purchaseIntent } from './purchase-intent';
