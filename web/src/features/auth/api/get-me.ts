import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { isApiError } from '../../../lib/api-error';
import { forgetStoredToken, mayBeSignedIn } from '../../../lib/session';
import type { User } from '../types';

export const meKey = ['me'] as const;

/** Asked on start: the session cookie is HttpOnly, so only the server knows whose it is. */
async function getMe(): Promise<User | null> {
  forgetStoredToken();
  if (!mayBeSignedIn()) return null;
  try {
    return await call(apiClient.GET('/api/me'));
  } catch (error) {
    // An expired or revoked session: the server has cleared its cookies; continue as a guest.
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** The signed-in user, or null for a guest. */
export function useUser() {
  const query = useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 60_000 });
  return { user: query.data ?? null, loading: query.isPending, error: query.error };
}
