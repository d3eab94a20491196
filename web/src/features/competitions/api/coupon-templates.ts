import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The operator's coupon templates, to choose a coupon prize from (the first hundred). */
export function useCouponTemplates() {
  return useQuery({
    queryKey: ['admin-coupons', 'for-prizes'],
    queryFn: () => call(apiClient.GET('/api/admin/coupons', { params: { query: { limit: 100 } } })),
  });
}
