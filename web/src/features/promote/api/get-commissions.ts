import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { CommissionStatus } from '../types';

const getCommissions = (status: CommissionStatus | undefined, cursor: string | undefined) =>
  call(apiClient.GET('/api/me/commissions', { params: { query: { status, cursor, limit: 20 } } }));

export const useMyCommissions = (status: CommissionStatus | undefined) =>
  usePagedCall(['my-commissions', { status }], (cursor) => getCommissions(status, cursor));
