import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const orderKey = (id: string) => ['order', id] as const;

export const getOrder = (id: string) => call(apiClient.GET('/api/orders/{id}', { params: { path: { id } } }));

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKey(id), queryFn: () => getOrder(id) });
}
