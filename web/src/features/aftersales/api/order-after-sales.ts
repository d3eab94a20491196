import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';
import type { AfterSale, NewAfterSale, Quote } from '../types';

const path = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}/after-sales`;
export const orderAfterSalesKey = (orderId: string) => ['order-after-sales', orderId] as const;

/** The requests made for one order (its page shows them under the items). */
export function useOrderAfterSales(orderId: string) {
  return useQuery({
    queryKey: orderAfterSalesKey(orderId),
    queryFn: () => api.get<Page<AfterSale>>(`${path(orderId)}?limit=100`),
  });
}

/** What the chosen units would refund, asked of the server (it owns the largest-remainder split). */
export function useQuote(orderId: string, items: NewAfterSale['items'], enabled: boolean) {
  return useQuery({
    queryKey: ['after-sale-quote', orderId, items],
    queryFn: () => api.post<Quote>(`${path(orderId)}/quote`, { items }),
    enabled: enabled && items.length > 0,
    retry: false,
  });
}

export function useCreateAfterSale(orderId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAfterSale) => api.post<AfterSale>(path(orderId), body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: orderAfterSalesKey(orderId) });
      void client.invalidateQueries({ queryKey: ['order', orderId] });
      void client.invalidateQueries({ queryKey: ['my-after-sales'] });
    },
  });
}
