import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export function useMyLevel() {
  return useQuery({ queryKey: ['my-level'], queryFn: () => call(apiClient.GET('/api/me/level')) });
}
