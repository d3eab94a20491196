import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** Who shared the link a page was reached through; a code that is no link simply shows no one. */
export const useSharer = (code: string | null) =>
  useQuery({
    queryKey: ['sharer', code],
    queryFn: () =>
      call(apiClient.GET('/api/share-links/{code}/sharer', { params: { path: { code: code as string } } })),
    enabled: Boolean(code),
    retry: false,
    staleTime: 5 * 60_000,
  });
