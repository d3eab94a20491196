/** The orders module's one entry: what other modules and the composition root may use. */
export type {
  BargainCheckout,
  BargainRequest,
  BuyerDirectory,
  CheckoutCoupons,
  DealKind,
  FlashClaim,
  FlashSaleCheckout,
  FlashSaleRequest,
  GiftOrders,
  GroupBuyCheckout,
  GroupSeatRequest,
  MemberPricing,
  OrderGift,
  OrderGroupBuy,
  OrderPickup,
  OrderShipment,
  PickupCheckout,
  PointsCheckout,
  ReservedBargain,
  ReservedSeat,
  ShipmentLookup,
  ShippingCheckout,
} from './context.js';
export type { GiftAddressInput } from './gift-delivery.js';
export type { Order } from './present.js';
export { applyMemberDiscount } from './pricing.js';
export type { AttributionFacts, ReviewFacts, RewardFacts } from './queries.js';
export { orderReasons } from './reasons.js';
export type { RedemptionOrderInput } from './redemption-order.js';
export { ordersRoutes } from './routes.js';
export { ORDER_STATUSES, type OrderStatus, POINTS_PROVIDER } from './rules.js';
export { AddressInputSchema as OrderAddressInputSchema, OrderSchema } from './schemas.js';
export type { OrdersService } from './service.js';
export { createOrdersService } from './service.js';
