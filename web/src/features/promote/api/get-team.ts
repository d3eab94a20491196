import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const getTeam = (cursor: string | undefined) =>
  call(apiClient.GET('/api/me/team', { params: { query: { cursor, limit: 20 } } }));

export const useMyTeam = () => usePagedCall(['my-team'], getTeam);
