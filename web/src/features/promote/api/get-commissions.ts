import { usePagedQuery } from '../../../lib/paged-query';
import type { Commission, CommissionStatus } from '../types';

export const useMyCommissions = (status: CommissionStatus | undefined) =>
  usePagedQuery<Commission>(['my-commissions'], '/api/me/commissions', { status });
