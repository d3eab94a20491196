import type { BodyOf, ResponseOf } from '../../lib/api';

/** The points mall as the API shows it: derived from the generated API types, never copied. */
export type MallItem = ResponseOf<'/api/points-mall/{itemId}', 'get'>;
export type MallItemKind = MallItem['kind'];
export type Availability = MallItem['availability'];
export type Redemption = ResponseOf<'/api/points-mall/{itemId}/redemptions', 'post'>;
export type RedeemBody = NonNullable<BodyOf<'/api/points-mall/{itemId}/redemptions', 'post'>>;
export type AdminMallItem = ResponseOf<'/api/admin/points-mall/items/{itemId}', 'get'>;
export type NewMallItem = BodyOf<'/api/admin/points-mall/items', 'post'>;
export type MallItemChanges = BodyOf<'/api/admin/points-mall/items/{itemId}', 'patch'>;
export type AdminRedemption = ResponseOf<'/api/admin/points-mall/redemptions/{redemptionId}/done', 'post'>;
export const MALL_ITEM_KINDS: readonly MallItemKind[] = ['coupon', 'product', 'perk'];
