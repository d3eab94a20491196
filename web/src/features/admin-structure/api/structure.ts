import { useQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type TeamStructure = ResponseOf<'/api/admin/structure/teams/{userId}', 'get'>;
export type CommunityStructure = ResponseOf<'/api/admin/structure/communities/{communityId}', 'get'>;
export type Metrics = TeamStructure['metrics'];
export type Thresholds = TeamStructure['thresholds'];

export const useTopTeams = () =>
  useQuery({
    queryKey: ['admin-structure-teams'],
    queryFn: () => call(apiClient.GET('/api/admin/structure/teams', { params: { query: { limit: 20 } } })),
  });

export const useTeamStructure = (userId: string | null) =>
  useQuery({
    queryKey: ['admin-structure-team', userId],
    enabled: userId !== null,
    queryFn: () =>
      call(
        apiClient.GET('/api/admin/structure/teams/{userId}', { params: { path: { userId: userId ?? '' } } }),
      ),
  });

export const useCommunityStructure = (communityId: string | null) =>
  useQuery({
    queryKey: ['admin-structure-community', communityId],
    enabled: communityId !== null,
    queryFn: () =>
      call(
        apiClient.GET('/api/admin/structure/communities/{communityId}', {
          params: { path: { communityId: communityId ?? '' } },
        }),
      ),
  });
