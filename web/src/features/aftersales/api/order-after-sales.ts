import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { NewAfterSale } from '../types';

export const orderAfterSalesKey = (orderId: string) => ['order-after-sales', orderId] as const;
const pathOf = (orderId: string) => ({ path: { id: orderId } });

/** The requests made for one order (its page shows them under the items). */
export function useOrderAfterSales(orderId: string) {
  return useQuery({
    queryKey: orderAfterSalesKey(orderId),
    queryFn: () =>
      call(
        apiClient.GET('/api/orders/{id}/after-sales', {
          params: { ...pathOf(orderId), query: { limit: 100 } },
        }),
      ),
  });
}

/** What the chosen units would refund, asked of the server (it owns the largest-remainder split). */
export function useQuote(orderId: string, items: NonNullable<NewAfterSale['items']>, enabled: boolean) {
  return useQuery({
    queryKey: ['after-sale-quote', orderId, items],
    queryFn: () =>
      call(
        apiClient.POST('/api/orders/{id}/after-sales/quote', { params: pathOf(orderId), body: { items } }),
      ),
    enabled: enabled && items.length > 0,
    retry: false,
  });
}

export function useCreateAfterSale(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAfterSale) =>
      call(apiClient.POST('/api/orders/{id}/after-sales', { params: pathOf(orderId), body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: orderAfterSalesKey(orderId) });
      void client.invalidateQueries({ queryKey: ['order', orderId] });
      void client.invalidateQueries({ queryKey: ['my-after-sales'] });
    },
  });
}
