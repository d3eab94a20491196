import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { PointsSettings } from '../types';

const key = ['admin-points-settings'] as const;

export const usePointsSettings = () =>
  useQuery({ queryKey: key, queryFn: () => call(apiClient.GET('/api/admin/points/settings')) });

export function useSavePointsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PointsSettings) => call(apiClient.PUT('/api/admin/points/settings', { body })),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}
