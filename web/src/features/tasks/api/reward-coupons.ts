import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** Coupon templates the operator may give as a task's reward (the first hundred, newest first). */
export function useRewardCoupons() {
  return useQuery({
    queryKey: ['admin-tasks', 'reward-coupons'],
    queryFn: () => call(apiClient.GET('/api/admin/coupons', { params: { query: { limit: 100 } } })),
  });
}
