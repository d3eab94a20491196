import type { CartLine } from '../../cart';

/** What checkout needs to place a group order: one line at the group price, and the group. */
export interface GroupCheckoutState {
  buyNow: CartLine;
  groupBuy: { campaignId: string; groupId?: string };
}

export function groupCheckoutState(input: {
  campaignId: string;
  groupId?: string;
  variantId: string;
  productId: string;
  title: string;
  image: string | null;
  unitPrice: number;
}): GroupCheckoutState {
  return {
    buyNow: {
      variantId: input.variantId,
      productId: input.productId,
      title: input.title,
      variantTitle: '',
      price: input.unitPrice,
      image: input.image,
      quantity: 1,
      maxQuantity: 1,
    },
    groupBuy: input.groupId
      ? { campaignId: input.campaignId, groupId: input.groupId }
      : { campaignId: input.campaignId },
  };
}
