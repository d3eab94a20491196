import type { BodyOf, ResponseOf } from '../../lib/api';

/** An order as the API answers it (generated from the server's schema). */
export type Order = ResponseOf<'/api/orders/{id}', 'get'>;
export type OrderStatus = Order['status'];
export type OrderItem = Order['items'][number];
export type Address = NonNullable<Order['address']>;
export type Shipment = NonNullable<Order['shipment']>;
export type NewOrder = BodyOf<'/api/orders', 'post'>;
export type OrderPayment = ResponseOf<'/api/orders/{id}/payment', 'get'>;

/** The statuses in the order the filters list them; the compiler keeps it to the API's statuses. */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'cancelled',
] as const satisfies readonly OrderStatus[];
// …and every status of the API is listed.
const _everyStatus: OrderStatus extends (typeof ORDER_STATUSES)[number] ? true : never = true;
