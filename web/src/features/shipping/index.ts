export { useShippingQuote } from './api/shipping-quote';
export { ShippingFeeLine } from './components/shipping-fee-line';
export type { ShippingQuote } from './types';
