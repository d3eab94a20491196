import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const wavesKey = (id: string) => ['community-waves', id] as const;
const pickupsKey = (id: string) => ['community-pickups', id] as const;

export function useWaves(communityId: string) {
  return useQuery({
    queryKey: wavesKey(communityId),
    queryFn: () =>
      call(
        apiClient.GET('/api/communities/{id}/waves', {
          params: { path: { id: communityId }, query: { limit: 20 } },
        }),
      ),
  });
}

export function usePackingList(communityId: string, waveId: string | null) {
  return useQuery({
    queryKey: ['packing-list', communityId, waveId],
    queryFn: () =>
      call(
        apiClient.GET('/api/communities/{id}/waves/{waveId}', {
          params: { path: { id: communityId, waveId: waveId ?? '' } },
        }),
      ),
    enabled: waveId !== null,
  });
}

/** The community's orders still waiting to be collected, oldest first. */
export function useUncollected(communityId: string) {
  return useQuery({
    queryKey: pickupsKey(communityId),
    queryFn: () =>
      call(
        apiClient.GET('/api/communities/{id}/pickups', {
          params: { path: { id: communityId }, query: { status: 'awaiting_collection', limit: 100 } },
        }),
      ),
  });
}

/** Hands an order over against its code (typed or scanned). */
export function useVerifyPickup(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      call(
        apiClient.POST('/api/communities/{id}/pickups', {
          params: { path: { id: communityId } },
          body: { code },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: pickupsKey(communityId) }),
        client.invalidateQueries({ queryKey: wavesKey(communityId) }),
      ]),
  });
}
