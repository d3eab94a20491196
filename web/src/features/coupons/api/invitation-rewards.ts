import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { InvitationRewardSetting } from '../types';

const settingKey = ['admin-invitation-rewards'] as const;

export function useInvitationRewardSetting() {
  return useQuery({
    queryKey: settingKey,
    queryFn: () => call(apiClient.GET('/api/admin/invitation-rewards')),
  });
}

export function useSaveInvitationReward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setting: InvitationRewardSetting) =>
      call(apiClient.PUT('/api/admin/invitation-rewards', { body: setting })),
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
    queryFn: () => call(apiClient.GET('/api/invitation-rewards')),
  });
}

export function useMyPoints() {
  return useQuery({ queryKey: ['my-points'], queryFn: () => call(apiClient.GET('/api/me/points')) });
}
