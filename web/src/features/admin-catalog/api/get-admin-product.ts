import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Product } from '../../catalog';

export const adminProductKey = (id: string) => ['admin-product', id] as const;

const getAdminProduct = (id: string) => api.get<Product>(`/api/admin/products/${encodeURIComponent(id)}`);

export function useAdminProduct(id: string | undefined) {
  return useQuery({
    queryKey: adminProductKey(id ?? ''),
    queryFn: () => getAdminProduct(id ?? ''),
    enabled: id !== undefined,
  });
}
