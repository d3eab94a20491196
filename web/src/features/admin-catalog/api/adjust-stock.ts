import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { adminProductKey } from './get-admin-product';
import { stockMovementsKey } from './get-stock-movements';

/** A delta (`+5`, `-2`), or a compare-and-set from the stock the operator saw. */
export type StockChange = BodyOf<'/api/admin/variants/{id}/stock', 'post'> &
  ({ delta: number; reason: string } | { expected: number; stock: number; reason: string });

const adjustStock = ({ variantId, change }: { productId: string; variantId: string; change: StockChange }) =>
  call(
    apiClient.POST('/api/admin/variants/{id}/stock', { params: { path: { id: variantId } }, body: change }),
  );

export function useAdjustStock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: adjustStock,
    // Refetched on failure too: a 409 means the stock moved, and the operator should see where to.
    onSettled: (_movement, _error, { productId, variantId }) => {
      void client.invalidateQueries({ queryKey: adminProductKey(productId) });
      void client.invalidateQueries({ queryKey: stockMovementsKey(variantId) });
      void client.invalidateQueries({ queryKey: ['admin-products'] });
      void client.invalidateQueries({ queryKey: ['product', productId] });
    },
  });
}
