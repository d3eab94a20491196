import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The coupon templates an operator may make a level's monthly coupon (the first 100, active ones). */
export function useCouponTemplates() {
  return useQuery({
    queryKey: ['admin-coupons', 'for-levels'],
    queryFn: () => call(apiClient.GET('/api/admin/coupons', { params: { query: { limit: 100 } } })),
    select: (page) => page.items.filter((c) => c.status === 'active'),
  });
}
