import type { Order } from '../orders';

export interface AdminOrder extends Order {
  buyer: { id: string; name: string; email: string };
}
