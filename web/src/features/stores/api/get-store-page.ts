import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const storePageKey = (slug: string) => ['store-page', slug] as const;
export const storeByIdKey = (id: string) => ['store-by-id', id] as const;

export function useStorePage(slug: string) {
  return useQuery({
    queryKey: storePageKey(slug),
    queryFn: () => call(apiClient.GET('/api/stores/{slug}', { params: { path: { slug } } })),
  });
}

/** The owner's view of which products are listed: the public page by id, so a slug is not needed. */
export function useStoreById(id: string | undefined) {
  return useQuery({
    queryKey: storeByIdKey(id ?? ''),
    queryFn: () => call(apiClient.GET('/api/stores/by-id/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}
