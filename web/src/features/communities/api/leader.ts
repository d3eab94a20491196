import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';

const standingKey = ['my-leader-standing'] as const;
export const ledKey = ['led-communities'] as const;

export function useLeaderStanding() {
  return useQuery({ queryKey: standingKey, queryFn: () => call(apiClient.GET('/api/me/leader')) });
}

/** Asking again is harmless: the answer is the application's current state. */
export function useBecomeLeader() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(apiClient.POST('/api/leaders')),
    onSuccess: (application) => {
      client.setQueryData(standingKey, { status: application.status, reason: null, decidedAt: null });
      if (application.status === 'approved') void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

/** Communities the person leads or helps at. */
export function useLedCommunities(enabled: boolean) {
  return useQuery({
    queryKey: ledKey,
    queryFn: async () => (await call(apiClient.GET('/api/me/led-communities'))).items,
    enabled,
  });
}

export function useCreateCommunity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/communities', 'post'>) =>
      call(apiClient.POST('/api/communities', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ledKey }),
  });
}
