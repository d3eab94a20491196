import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** What my points may pay of `payable` minor units at checkout. */
export const useCheckoutQuote = (payable: number) =>
  useQuery({
    queryKey: ['my-points', 'checkout', payable],
    queryFn: () => call(apiClient.GET('/api/me/points/checkout', { params: { query: { payable } } })),
    enabled: payable > 0,
    // While a new amount is quoted, the last quote stands: an empty moment would untick "use points".
    placeholderData: keepPreviousData,
  });
