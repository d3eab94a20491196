import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { StorePage } from '../types';

export const storePageKey = (slug: string) => ['store-page', slug] as const;
export const storeByIdKey = (id: string) => ['store-by-id', id] as const;

export function useStorePage(slug: string) {
  return useQuery({
    queryKey: storePageKey(slug),
    queryFn: () => api.get<StorePage>(`/api/stores/${encodeURIComponent(slug)}`),
  });
}

/** The owner's view of which products are listed: the public page by id, so a slug is not needed. */
export function useStoreById(id: string | undefined) {
  return useQuery({
    queryKey: storeByIdKey(id ?? ''),
    queryFn: () => api.get<StorePage>(`/api/stores/by-id/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}
