import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { getOrder, orderKey } from './get-order';

const getOrderPayment = (id: string) =>
  call(apiClient.GET('/api/orders/{id}/payment', { params: { path: { id } } }));

export function useOrderPayment(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['order-payment', orderId],
    queryFn: () => getOrderPayment(orderId),
    enabled,
    // A client secret is good for the intent's life; a refetch would only remount the card form.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The order, polled while the provider's confirmation (its webhook) is on its way. */
export function useOrderUntilSettled(orderId: string, polling: boolean) {
  return useQuery({
    queryKey: orderKey(orderId),
    queryFn: () => getOrder(orderId),
    refetchInterval: (query) => (polling && query.state.data?.status === 'pending_payment' ? 1000 : false),
  });
}
