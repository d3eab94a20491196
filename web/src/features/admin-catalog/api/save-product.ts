import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { ProductInput } from '../components/product-draft';
import { adminProductKey } from './get-admin-product';

/** Creates when there is no id; otherwise patches (variants with an id update, without are added). */
const saveProduct = ({ id, input }: { id?: string; input: ProductInput }) =>
  id
    ? call(apiClient.PATCH('/api/admin/products/{id}', { params: { path: { id } }, body: input }))
    : call(
        apiClient.POST('/api/admin/products', {
          // A new product's variants are all new: each starts with the stock typed (0 when none).
          body: {
            ...input,
            variants: input.variants.map(({ id: _new, ...v }) => ({ ...v, stock: v.stock ?? 0 })),
          },
        }),
      );

export function useSaveProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveProduct,
    onSuccess: (product) => {
      client.setQueryData(adminProductKey(product.id), product);
      void client.invalidateQueries({ queryKey: ['admin-products'] });
      void client.invalidateQueries({ queryKey: ['products'] });
      void client.invalidateQueries({ queryKey: ['product', product.id] });
      void client.invalidateQueries({ queryKey: ['categories'] });
    },
  });
}
