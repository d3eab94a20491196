import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AdminOrder } from '../types';

export const adminOrderKey = (id: string) => ['admin-order', id] as const;

const getAdminOrder = (id: string) => api.get<AdminOrder>(`/api/admin/orders/${encodeURIComponent(id)}`);

export function useAdminOrder(id: string) {
  return useQuery({ queryKey: adminOrderKey(id), queryFn: () => getAdminOrder(id) });
}
