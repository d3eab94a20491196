import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** What my points may pay of `payable` minor units at checkout. */
export const useCheckoutQuote = (payable: number) =>
  useQuery({
    queryKey: ['my-points', 'checkout', payable],
    queryFn: () => call(apiClient.GET('/api/me/points/checkout', { params: { query: { payable } } })),
    enabled: payable > 0,
  });
