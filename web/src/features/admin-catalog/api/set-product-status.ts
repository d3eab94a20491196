import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Product } from '../../catalog';
import { adminProductKey } from './get-admin-product';

const setProductStatus = ({ id, action }: { id: string; action: 'archive' | 'restore' }) =>
  api.post<Product>(`/api/admin/products/${encodeURIComponent(id)}/${action}`);

export function useSetProductStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setProductStatus,
    onSuccess: (product) => {
      client.setQueryData(adminProductKey(product.id), product);
      void client.invalidateQueries({ queryKey: ['admin-products'] });
      void client.invalidateQueries({ queryKey: ['products'] });
    },
  });
}
