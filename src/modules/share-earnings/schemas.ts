import { type Static, Type } from 'typebox';

const Money = Type.Integer({ minimum: 0 });

export const ShareEarningSchema = Type.Object({
  productId: Type.String(),
  rateBps: Type.Integer(),
  variants: Type.Array(Type.Object({ variantId: Type.String(), price: Money, earn: Money })),
  groupBuys: Type.Array(
    Type.Object({ campaignId: Type.String(), variantId: Type.String(), price: Money, earn: Money }),
  ),
});

export const ShareEarningPage = Type.Object({ items: Type.Array(ShareEarningSchema) });

export type ShareEarning = Static<typeof ShareEarningSchema>;
