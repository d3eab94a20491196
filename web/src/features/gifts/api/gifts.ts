import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { ClaimAddress, GiftBox } from '../types';

export const giftKey = (token: string) => ['gift', token] as const;

/** The gift behind a claim link: public, so it loads before anyone signs in. */
export function useGift(token: string) {
  return useQuery({
    queryKey: giftKey(token),
    queryFn: () => call(apiClient.GET('/api/gifts/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function useClaimGift(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (address: ClaimAddress) =>
      call(apiClient.POST('/api/gifts/{token}/claim', { params: { path: { token } }, body: { address } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: giftKey(token) });
      void client.invalidateQueries({ queryKey: ['my-gifts'] });
    },
  });
}

export const useMyGifts = (box: GiftBox) =>
  usePagedCall(['my-gifts', box], (cursor) =>
    call(apiClient.GET('/api/me/gifts', { params: { query: { box, cursor, limit: 20 } } })),
  );
