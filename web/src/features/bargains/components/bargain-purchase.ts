import type { PurchaseIntent } from '../../cart';
import type { Bargain } from '../types';

/**
 * The starter's "Buy at …" as a checkout intent: one unit at the price reached. The server prices
 * the order from the bargain itself; this is what checkout shows until then.
 */
export const bargainPurchase = (bargain: Bargain): PurchaseIntent => ({
  line: {
    variantId: bargain.variantId,
    productId: bargain.product.id,
    title: bargain.product.title,
    variantTitle: '',
    price: bargain.price,
    image: bargain.product.image,
    quantity: 1,
    maxQuantity: 1,
  },
  bargain: { bargainId: bargain.id },
});
