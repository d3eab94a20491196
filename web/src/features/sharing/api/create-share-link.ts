import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { ShareLink, ShareTarget } from '../types';

/** The same target twice hands back the same link, so asking again is harmless. */
const createShareLink = (target: ShareTarget): Promise<ShareLink> =>
  call(apiClient.POST('/api/share-links', { body: target }));

export function useCreateShareLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createShareLink,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['my-share-links'] }),
  });
}
