import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { adminProductKey } from './get-admin-product';

const setProductStatus = ({ id, action }: { id: string; action: 'archive' | 'restore' }) => {
  const params = { params: { path: { id } } };
  return call(
    action === 'archive'
      ? apiClient.POST('/api/admin/products/{id}/archive', params)
      : apiClient.POST('/api/admin/products/{id}/restore', params),
  );
};

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
