import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const adminOrderKey = (id: string) => ['admin-order', id] as const;

const getAdminOrder = (id: string) =>
  call(apiClient.GET('/api/admin/orders/{id}', { params: { path: { id } } }));

export function useAdminOrder(id: string) {
  return useQuery({ queryKey: adminOrderKey(id), queryFn: () => getAdminOrder(id) });
}
