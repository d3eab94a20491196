import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const academyKey = ['academy'] as const;

/** Sections with their published lessons; signed in, what the viewer finished. */
export function useAcademy(viewerId: string | undefined) {
  return useQuery({
    queryKey: [...academyKey, 'overview', viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/academy')),
  });
}
