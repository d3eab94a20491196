import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Product } from '../../catalog';
import type { ProductInput } from '../components/product-draft';
import { adminProductKey } from './get-admin-product';

/** Creates when there is no id; otherwise patches (variants with an id update, without are added). */
const saveProduct = ({ id, input }: { id?: string; input: ProductInput }) =>
  id
    ? api.patch<Product>(`/api/admin/products/${encodeURIComponent(id)}`, input)
    : api.post<Product>('/api/admin/products', input);

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
