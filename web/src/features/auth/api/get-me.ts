import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { isApiError } from '../../../lib/api-error';
import { authToken } from '../../../lib/auth-token';
import type { User } from '../types';

export const meKey = ['me'] as const;

async function getMe(): Promise<User | null> {
  if (!authToken.get()) return null;
  try {
    return await call(apiClient.GET('/api/me'));
  } catch (error) {
    // An expired or revoked token: forget it and continue as a guest.
    if (isApiError(error, 401)) {
      authToken.clear();
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or null for a guest. */
export function useUser() {
  const query = useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000 });
  return { user: query.data ?? null, loading: query.isPending, error: query.error };
}
