import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../types';

export const orderKey = (id: string) => ['order', id] as const;

const getOrder = (id: string) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`);

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKey(id), queryFn: () => getOrder(id) });
}
