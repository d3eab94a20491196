import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Product } from '../types';

const getProduct = (id: string) => api.get<Product>(`/api/products/${encodeURIComponent(id)}`);

export function useProduct(id: string) {
  return useQuery({ queryKey: ['product', id], queryFn: () => getProduct(id) });
}
