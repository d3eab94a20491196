import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call, type ResponseOf } from '../../../lib/api';

export type BulkAction = BodyOf<'/api/admin/products/bulk', 'post'>;
export type BulkResult = ResponseOf<'/api/admin/products/bulk', 'post'>;

export function useBulkProducts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAction) => call(apiClient.POST('/api/admin/products/bulk', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin-products'] });
      void client.invalidateQueries({ queryKey: ['admin-product'] });
      void client.invalidateQueries({ queryKey: ['products'] });
    },
  });
}
