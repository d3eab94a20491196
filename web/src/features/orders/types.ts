export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Address {
  name: string;
  phone: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  country?: string;
}

export interface OrderItem {
  id: string;
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  sku: string;
  image: string | null;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  /** Units of this line refunded so far (after-sales). */
  refundedQuantity?: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  subtotal: number;
  discount: number;
  total: number;
  /** What went back to the buyer so far; equal to `total` once refunded in full. */
  refundedAmount?: number;
  currency: string;
  items: OrderItem[];
  address: Address | null;
  payment: {
    provider: string;
    status: 'pending' | 'succeeded' | 'failed' | 'refunded';
    amount: number;
    payUrl: string | null;
  } | null;
  /** The carrier and tracking number once the order shipped; null before. */
  shipment: Shipment | null;
  timeline: { status: string; note?: string; at: string }[];
  expiresAt: string | null;
  createdAt: string;
  userId: string;
  /** A chargeback on the order's payment; null when it was never disputed. */
  dispute?: { status: 'open' | 'won' | 'lost'; openedAt: string; closedAt: string | null } | null;
  /** The group this order was placed in; null outside group buying. */
  groupBuy?: {
    campaignId: string;
    groupId: string;
    status: 'waiting' | 'succeeded' | 'failed' | 'left';
    role: 'leader' | 'member';
  } | null;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  /** When delivery confirms itself if the buyer has not confirmed it. */
  autoConfirmAt: string;
}

export interface NewOrder {
  items: { variantId: string; quantity: number }[];
  address: Address;
  /** One of the buyer's coupons; the server prices it and the order shows the discount. */
  couponId?: string;
  /** The micro-store the buyer shopped in: the order credits its shopkeeper. */
  storeSlug?: string;
  /** Open a group in a campaign, or join one: the line is priced at the group price. */
  groupBuy?: { campaignId: string; groupId?: string };
}
