import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export const mallKey = ['points-mall'] as const;

/** The mall's active items, with the viewer's counts when signed in (the key says who looks). */
export function useMallItems(viewerId: string | undefined) {
  return usePagedCall([...mallKey, 'items', viewerId ?? 'anonymous'], (cursor) =>
    call(apiClient.GET('/api/points-mall', { params: { query: { cursor, limit: 20 } } })),
  );
}

export function useMallItem(itemId: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...mallKey, 'item', itemId, viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/points-mall/{itemId}', { params: { path: { itemId } } })),
  });
}
