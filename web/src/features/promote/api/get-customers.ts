import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

const getCustomers = (cursor: string | undefined) =>
  call(apiClient.GET('/api/me/customers', { params: { query: { cursor, limit: 20 } } }));

export const useMyCustomers = () => usePagedCall(['my-customers'], getCustomers);
