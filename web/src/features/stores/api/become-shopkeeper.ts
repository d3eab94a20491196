import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** Asking again is harmless: the answer is the application's current state. */
const becomeShopkeeper = () => call(apiClient.POST('/api/shopkeepers'));

const standingKey = ['my-shopkeeper-standing'] as const;

/** Whether the signed-in user is a shopkeeper, waiting for approval, or neither (survives a reload). */
export function useShopkeeperStanding() {
  return useQuery({
    queryKey: standingKey,
    queryFn: () => call(apiClient.GET('/api/me/shopkeeper')),
  });
}

export function useBecomeShopkeeper() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: becomeShopkeeper,
    // An approved application grants the role: the signed-in user is fetched again to see it.
    onSuccess: (application) => {
      client.setQueryData(standingKey, { status: application.status, reason: null, decidedAt: null });
      if (application.status === 'approved') void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
