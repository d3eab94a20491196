import type { RequestedLine } from './rules.js';

/** What a buyer sends to check out: the lines, where they go, and at most one deal. */
export interface PlaceOrderInput {
  items: RequestedLine[];
  /** Typed out, or `{ addressId }` of one of the buyer's saved addresses (copied into the order). */
  address?: Record<string, string | undefined>;
  shareCode?: string;
  storeSlug?: string;
  /** The post the buyer ordered from (at most one of `postId` and `liveRoomId`). */
  postId?: string;
  /** The live room the buyer ordered from. */
  liveRoomId?: string;
  /** One of the buyer's own coupons (a user-coupon id); one coupon per order. */
  couponId?: string;
  /** Points to spend on the order (the points module caps them by the operator's limits). */
  points?: number;
  /** Open a group in a campaign (no `groupId`) or join one. */
  groupBuy?: { campaignId: string; groupId?: string };
  /** Collected at this community's pickup point instead of delivered to `address`. */
  pickup?: { communityId: string };
  /** Bought at a flash sale's price: one line of its variant. */
  flashSale?: { saleId: string };
  /** Bought at a bargain's price by its starter: one unit of its variant. */
  bargain?: { bargainId: string };
  /** Sent to a friend who claims it with their address: no `address` or `pickup` of the buyer's. */
  gift?: { message?: string };
}

/** Where the request came from: kept with the order for attribution and the self-dealing check. */
export interface CheckoutContext {
  idempotencyKey?: string;
  deviceId?: string;
  ip?: string;
}
