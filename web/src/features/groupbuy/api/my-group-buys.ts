import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const getMyGroupBuys = (cursor: string | undefined) =>
  call(apiClient.GET('/api/me/group-buys', { params: { query: { cursor, limit: 20 } } }));

export const useMyGroupBuys = () => usePagedCall(['my-group-buys'], getMyGroupBuys);
