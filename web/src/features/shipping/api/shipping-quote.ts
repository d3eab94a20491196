import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/**
 * What checkout will charge for shipping these lines to `province`, priced by the server as
 * checkout prices them (a group order at its group price). Refetched when the address changes.
 */
export function useShippingQuote(
  lines: readonly { variantId: string; quantity: number }[],
  province: string | null,
  groupBuy?: { campaignId: string; groupId?: string },
) {
  const query = {
    items: lines.map((l) => `${l.variantId}:${l.quantity}`).join(','),
    ...(province ? { province } : {}),
    ...(groupBuy ? { campaignId: groupBuy.campaignId } : {}),
    ...(groupBuy?.groupId ? { groupId: groupBuy.groupId } : {}),
  };
  return useQuery({
    queryKey: ['shipping-quote', query],
    queryFn: () => call(apiClient.GET('/api/me/shipping-quote', { params: { query } })),
    enabled: lines.length > 0,
    // The previous address's fee stays on screen while the next one loads: no flicker to zero.
    placeholderData: keepPreviousData,
  });
}
