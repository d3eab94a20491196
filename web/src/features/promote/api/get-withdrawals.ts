import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const getWithdrawals = (cursor: string | undefined) =>
  call(apiClient.GET('/api/me/withdrawals', { params: { query: { cursor, limit: 20 } } }));

export const useMyWithdrawals = () => usePagedCall(['my-withdrawals'], getWithdrawals);
