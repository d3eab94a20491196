import type { PurchaseIntent } from '../../cart';
import { useProductGroupBuys } from '../api/get-campaigns';
import type { PublicCampaign } from '../types';

/** What checkout needs to place a group order: one line at the group price, and the group. */
export function groupPurchase(input: {
  campaignId: string;
  groupId?: string;
  variantId: string;
  productId: string;
  title: string;
  image: string | null;
  unitPrice: number;
  shareCode?: string;
  /** The community a community group buy is limited to: its orders are collected there. */
  communityId?: string | null;
}): PurchaseIntent {
  return {
    line: {
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
    ...(input.shareCode ? { shareCode: input.shareCode } : {}),
    ...(input.communityId ? { pickupCommunityId: input.communityId } : {}),
  };
}

/** A group opened by its leader: the leader's price when the campaign has one. */
export const leaderPriceOf = (campaign: PublicCampaign) => campaign.leaderPrice ?? campaign.price;

/** Starting a group of this campaign, as a purchase intent for checkout. */
export function startGroupPurchase(campaign: PublicCampaign, shareCode?: string): PurchaseIntent {
  return groupPurchase({
    campaignId: campaign.id,
    variantId: campaign.variantId,
    productId: campaign.productId,
    title: campaign.product.title,
    image: campaign.product.image,
    unitPrice: leaderPriceOf(campaign),
    shareCode,
    communityId: campaign.communityId,
  });
}

/** The running campaign a product page offers for the chosen variant ("Start a group"), if any. */
export function useGroupDeal(productId: string, variantId: string | undefined) {
  const campaigns = useProductGroupBuys(productId);
  return campaigns.data?.items.find((c) => c.running && c.variantId === variantId);
}
