import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export const adminCompetitionsKey = ['admin-competitions'] as const;

/** Every competition, cancelled ones too, for the console. */
export function useAdminCompetitions() {
  return usePagedCall(adminCompetitionsKey, (cursor) =>
    call(apiClient.GET('/api/admin/competitions', { params: { query: { cursor, limit: 20 } } })),
  );
}
