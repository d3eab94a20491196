import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import { mallKey } from './mall-items';

export function useMyRedemptions() {
  return usePagedCall([...mallKey, 'mine'], (cursor) =>
    call(apiClient.GET('/api/me/points-mall/redemptions', { params: { query: { cursor, limit: 20 } } })),
  );
}
