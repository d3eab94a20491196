export type CouponKind = 'amount_off' | 'percent_off';

/** What a coupon takes off, as both templates and held coupons carry it. */
export interface CouponTerms {
  kind: CouponKind;
  amountOff: number | null;
  percentOffBps: number | null;
  maxDiscount: number | null;
  minSpend: number;
  productIds?: string[] | null;
}

export interface CouponTemplate extends CouponTerms {
  id: string;
  title: string;
  description: string;
  productIds: string[] | null;
  startsAt: string | null;
  endsAt: string | null;
  validDays: number | null;
  perUserLimit: number;
  totalQuantity: number | null;
  issued: number;
  remaining: number | null;
  shareToUnlock: number | null;
  claimable: boolean;
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
}

/** A template as the coupon centre offers it to the viewer. */
export interface Offer extends CouponTemplate {
  held: number;
  canClaim: boolean;
}

export type HeldCouponStatus = 'available' | 'used' | 'expired';
export const HELD_STATUSES: readonly HeldCouponStatus[] = ['available', 'used', 'expired'];

export interface HeldCoupon extends CouponTerms {
  id: string;
  templateId: string;
  title: string;
  description: string;
  source: 'claim' | 'invitation';
  status: HeldCouponStatus;
  claimedAt: string;
  validUntil: string | null;
  orderId: string | null;
  usedAt: string | null;
}

export interface CouponChoice {
  coupon: HeldCoupon;
  discount: number;
  applicable: boolean;
  reason: string | null;
}

/** The body of POST / PATCH /api/admin/coupons. */
export type TemplateInput = Omit<
  CouponTemplate,
  'id' | 'issued' | 'remaining' | 'status' | 'createdAt' | 'updatedAt'
>;

export type InvitationRewardKind = 'none' | 'points' | 'coupon';

export interface InvitationRewardSetting {
  kind: InvitationRewardKind;
  points: number | null;
  couponTemplateId: string | null;
}

export interface PublicInvitationReward extends InvitationRewardSetting {
  coupon: (CouponTerms & { title: string }) | null;
}

export interface PointsStatement {
  balance: number;
  items: { id: string; delta: number; reason: string; createdAt: string }[];
  nextCursor: string | null;
}
