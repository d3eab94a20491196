/** What a share earns, as GET /api/me/share-earnings tells it (src/modules/share-earnings). */
export interface ShareEarning {
  productId: string;
  rateBps: number;
  variants: { variantId: string; price: number; earn: number }[];
  groupBuys: { campaignId: string; variantId: string; price: number; earn: number }[];
}
