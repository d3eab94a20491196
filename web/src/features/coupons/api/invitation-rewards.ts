import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { InvitationRewardSetting, PointsStatement, PublicInvitationReward } from '../types';

const settingKey = ['admin-invitation-rewards'] as const;
const settingPath = '/api/admin/invitation-rewards';

export function useInvitationRewardSetting() {
  return useQuery({ queryKey: settingKey, queryFn: () => api.get<InvitationRewardSetting>(settingPath) });
}

export function useSaveInvitationReward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setting: InvitationRewardSetting) => api.put<InvitationRewardSetting>(settingPath, setting),
    onSuccess: (saved) => {
      client.setQueryData(settingKey, saved);
      void client.invalidateQueries({ queryKey: ['invitation-reward'] });
    },
  });
}

/** The reward as the invite card explains it. */
export function usePublicInvitationReward() {
  return useQuery({
    queryKey: ['invitation-reward'],
    queryFn: () => api.get<PublicInvitationReward>('/api/invitation-rewards'),
  });
}

export function useMyPoints() {
  return useQuery({ queryKey: ['my-points'], queryFn: () => api.get<PointsStatement>('/api/me/points') });
}
