import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const getMyBargains = (cursor: string | undefined) =>
  call(apiClient.GET('/api/me/bargains', { params: { query: { cursor, limit: 20 } } }));

export const useMyBargains = () => usePagedCall(['my-bargains'], getMyBargains);
