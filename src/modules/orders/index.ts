/** The orders module's one entry: what other modules and the composition root may use. */
export type {
  BuyerDirectory,
  CheckoutCoupons,
  GroupBuyCheckout,
  GroupSeatRequest,
  OrderGroupBuy,
  OrderShipment,
  PointsCheckout,
  ReservedSeat,
  ShipmentLookup,
} from './context.js';
export type { Order } from './present.js';
export type { AttributionFacts, RewardFacts } from './queries.js';
export { orderReasons } from './reasons.js';
export { ordersRoutes } from './routes.js';
export { OrderSchema } from './schemas.js';
export type { OrdersService } from './service.js';
export { createOrdersService } from './service.js';
