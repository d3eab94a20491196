import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../types';
import { orderKey } from './get-order';

/** What the buyer's browser needs to pay at the provider: Stripe's client secret while it is open. */
export interface OrderPayment {
  provider: string;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  amount: number;
  clientSecret: string | null;
}

const getOrderPayment = (orderId: string) =>
  api.get<OrderPayment>(`/api/orders/${encodeURIComponent(orderId)}/payment`);

export function useOrderPayment(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['order-payment', orderId],
    queryFn: () => getOrderPayment(orderId),
    enabled,
    // A client secret is good for the intent's life; a refetch would only remount the card form.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const getOrder = (id: string) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`);

/** The order, polled while the provider's confirmation (its webhook) is on its way. */
export function useOrderUntilSettled(orderId: string, polling: boolean) {
  return useQuery({
    queryKey: orderKey(orderId),
    queryFn: () => getOrder(orderId),
    refetchInterval: (query) => (polling && query.state.data?.status === 'pending_payment' ? 1000 : false),
  });
}
