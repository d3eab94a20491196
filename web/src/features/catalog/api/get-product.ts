import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const getProduct = (id: string) => call(apiClient.GET('/api/products/{id}', { params: { path: { id } } }));

export function useProduct(id: string) {
  return useQuery({ queryKey: ['product', id], queryFn: () => getProduct(id) });
}
