import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const key = ['admin-shopkeepers'] as const;

/** The queue (pending, oldest first) or the decided ones (latest decision first). */
export const useShopkeeperApplications = (which: 'pending' | 'decided') =>
  usePagedCall([...key, which], (cursor) =>
    call(
      apiClient.GET('/api/admin/shopkeepers', {
        params: {
          query:
            which === 'pending'
              ? { status: 'pending', cursor, limit: 20 }
              : { decided: true, cursor, limit: 20 },
        },
      }),
    ),
  );

export function useApproveShopkeeper() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      call(apiClient.POST('/api/admin/shopkeepers/{userId}/approve', { params: { path: { userId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useRejectShopkeeper() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
      call(
        apiClient.POST('/api/admin/shopkeepers/{userId}/reject', {
          params: { path: { userId } },
          body: { reason: reason.trim() || null },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
