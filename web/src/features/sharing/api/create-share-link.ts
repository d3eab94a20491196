import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ShareLink, ShareTarget } from '../types';

/** The same target twice hands back the same link, so asking again is harmless. */
const createShareLink = (target: ShareTarget) => api.post<ShareLink>('/api/share-links', target);

export function useCreateShareLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createShareLink,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['my-share-links'] }),
  });
}
