import type { BodyOf, ResponseOf } from '../../lib/api';

/** Coupons as the API shows them: derived from the generated API types, never copied. */
export type CouponTemplate = ResponseOf<'/api/admin/coupons/{id}', 'get'>;
export type CouponKind = CouponTemplate['kind'];
/** A template as the coupon centre offers it to the viewer. */
export type Offer = ResponseOf<'/api/coupons', 'get'>['items'][number];
export type HeldCoupon = ResponseOf<'/api/coupons/{id}/claim', 'post'>;
export type HeldCouponStatus = HeldCoupon['status'];
export const HELD_STATUSES: readonly HeldCouponStatus[] = ['available', 'used', 'expired'];
export type CouponChoice = ResponseOf<'/api/me/coupons/applicable', 'get'>['items'][number];
export type ShareProgress = ResponseOf<'/api/coupons/{id}/progress', 'get'>;

/**
 * What a coupon takes off, as templates, held coupons and the invitation reward carry it (web-only).
 * `kind` is a string because the invitation reward's schema types it so (its module's to tighten).
 */
export type CouponTerms = Pick<HeldCoupon, 'amountOff' | 'percentOffBps' | 'maxDiscount' | 'minSpend'> & {
  kind: CouponKind | (string & {});
  productIds?: readonly string[] | null;
};

/** The body of POST /api/admin/coupons (PATCH takes any part of it). */
export type TemplateInput = BodyOf<'/api/admin/coupons', 'post'>;

export type InvitationRewardSetting = BodyOf<'/api/admin/invitation-rewards', 'put'>;
export type InvitationRewardKind = InvitationRewardSetting['kind'];
export type PublicInvitationReward = ResponseOf<'/api/invitation-rewards', 'get'>;
export type PointsStatement = ResponseOf<'/api/me/points', 'get'>;
/** A template as the console lists it, with what its coupons did (`usage`). */
export type AdminCouponTemplate = ResponseOf<'/api/admin/coupons', 'get'>['items'][number];
