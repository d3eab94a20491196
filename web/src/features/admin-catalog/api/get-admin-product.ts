import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const adminProductKey = (id: string) => ['admin-product', id] as const;

const getAdminProduct = (id: string) =>
  call(apiClient.GET('/api/admin/products/{id}', { params: { path: { id } } }));

export function useAdminProduct(id: string | undefined) {
  return useQuery({
    queryKey: adminProductKey(id ?? ''),
    queryFn: () => getAdminProduct(id ?? ''),
    enabled: id !== undefined,
  });
}
