import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export type TrustPart = ResponseOf<'/api/me/trust', 'get'>['parts'][number];

export const useMyTrust = () =>
  useQuery({ queryKey: ['my-trust'], queryFn: () => call(apiClient.GET('/api/me/trust')) });

export const useTrustList = () =>
  usePagedCall(['admin-trust'], (cursor) =>
    call(apiClient.GET('/api/admin/trust', { params: { query: { cursor, limit: 20 } } })),
  );

export const useTrustDetail = (userId: string) =>
  useQuery({
    queryKey: ['admin-trust', userId],
    queryFn: () => call(apiClient.GET('/api/admin/trust/{userId}', { params: { path: { userId } } })),
  });

export const useTrustSettings = () =>
  useQuery({
    queryKey: ['admin-trust-settings'],
    queryFn: () => call(apiClient.GET('/api/admin/trust/settings')),
  });

export function useSaveTrustSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (threshold: number) =>
      call(apiClient.PUT('/api/admin/trust/settings', { body: { threshold } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin-trust-settings'] });
      void client.invalidateQueries({ queryKey: ['admin-trust'] });
    },
  });
}
